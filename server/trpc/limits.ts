/**
 * Calls batched into one tRPC request. The server refuses larger batches (a single GET with
 * thousands of calls would tie it up); the client's batch link splits to match.
 */
export const MAX_TRPC_BATCH = 20;
