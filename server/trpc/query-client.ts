import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/**
 * The one query-client setup, for the browser and for a server render. A page fetches its data
 * into the render's client and sends it to the browser's cache (`HydrateClient`), serialized with
 * the same transformer the API uses so dates arrive as dates; the browser then reads the same
 * queries without asking again until they are stale.
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !isClientError(error) },
      dehydrate: { serializeData: superjson.serialize, shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}

/** 4xx answers (not found, forbidden, bad input) will not change on retry. */
function isClientError(error: unknown) {
  const status = (error as { data?: { httpStatus?: number } })?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}
