import "server-only";
import { dehydrate, HydrationBoundary, type FetchQueryOptions, type QueryKey } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { createContext } from "./context";
import { makeQueryClient } from "./query-client";
import { appRouter } from "./root";

/*
 * How a page gets its data — one way for every screen:
 *
 *   const profile = await orNotFound(load(trpc.profile.get.queryOptions({ orgSlug })));
 *   return <HydrateClient><ProfileForm orgSlug={orgSlug} /></HydrateClient>;
 *
 * and the client component reads the same query with `useSuspenseQuery(trpc.profile.get.queryOptions(…))`.
 * `load` runs the procedure in this render (no HTTP round trip, the same authorization chain) and
 * keeps the answer in the render's query client; `HydrateClient` hands that cache to the browser,
 * so the client component starts with the data, and a mutation's invalidation refreshes it like
 * any other query. No `initial` props, no second fetch on arrival.
 */

/** One context and one query client per server render (React's `cache` is per request). */
const requestContext = cache(async () => createContext(await headers()));
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: requestContext, router: appRouter, queryClient: getQueryClient });

/** Runs a query in this render and keeps its answer for `HydrateClient`. Errors are the procedure's TRPCError. */
export function load<TData, TError, TKey extends QueryKey>(options: FetchQueryOptions<TData, TError, TData, TKey>): Promise<TData> {
  return getQueryClient().fetchQuery(options);
}

/** Sends the queries this render loaded to the browser's query cache. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
