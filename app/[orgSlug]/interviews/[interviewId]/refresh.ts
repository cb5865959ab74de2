"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../../_components/trpc";

/** Everything that shows an interview or what hangs off it, refreshed after a change. */
export function useInterviewRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.interview.byId.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.interview.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.draft.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.commitment.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.application.byId.queryKey() }),
    ]);
}
