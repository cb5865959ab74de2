import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { BODY_LIMITS, BodyTooLarge, withBodyLimit } from "@/server/http/limits";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/server/http/request-headers";
import { log } from "@/server/log";
import { createContext } from "@/server/trpc/context";
import { MAX_TRPC_BATCH } from "@/server/trpc/limits";
import { appRouter } from "@/server/trpc/root";

const handler = (req: Request) => {
  const requestId = requestIdFrom(req.headers);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: withBodyLimit(req, BODY_LIMITS.trpc),
    router: appRouter,
    maxBatchSize: MAX_TRPC_BATCH,
    createContext: async () => ({ ...(await createContext(req.headers)), requestId }),
    // Answers about a signed-in person must never sit in a shared cache.
    responseMeta: () => ({ headers: { "cache-control": "private, no-store", [REQUEST_ID_HEADER]: requestId } }),
    onError({ error, path, ctx }) {
      // Calls that reached a procedure are logged by the procedure chain; this catches the rest
      // (the context could not be built, the batch or body was refused).
      if (ctx) return;
      const tooLarge = error.cause instanceof BodyTooLarge;
      log[error.code === "INTERNAL_SERVER_ERROR" && !tooLarge ? "error" : "info"](
        { requestId, path, code: error.code, err: error.code === "INTERNAL_SERVER_ERROR" ? error : undefined },
        "trpc request refused before any procedure ran",
      );
    },
  });
};

export { handler as GET, handler as POST };
