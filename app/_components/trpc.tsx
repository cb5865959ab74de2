"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import { MAX_TRPC_BATCH } from "@/server/trpc/limits";
import { makeQueryClient } from "@/server/trpc/query-client";
import type { AppRouter } from "@/server/trpc/root";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function ApiProvider({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_TRPC_BATCH })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

type ErrorData = {
  zodError?: { fieldErrors?: Record<string, string[]> } | null;
  fieldErrors?: Record<string, string> | null;
  field?: string | null;
};

/**
 * The message and field errors of a failed mutation, for showing next to the fields. Fields are
 * keyed both by their full path ("promises.1.description") and by their top-level name
 * ("promises"), so a form can show a nested error on its input or beside its group.
 */
export function fieldErrors(error: unknown): { message: string | null; fields: Record<string, string> } {
  if (!error) return { message: null, fields: {} };
  const data = (error as { data?: ErrorData }).data;
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(data?.fieldErrors ?? {})) {
    fields[path] ??= message;
    fields[path.split(".")[0] ?? path] ??= message;
  }
  for (const [field, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) fields[field] ??= messages[0];
  }
  const message = (error as { message?: string }).message ?? "Something went wrong.";
  if (data?.field && !fields[data.field]) fields[data.field] = message;
  return { message: Object.keys(fields).length > 0 ? null : message, fields };
}
