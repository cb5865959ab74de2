"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../_components/trpc";

/**
 * Remembers, once per visit to an organisation (the layout stays mounted while the person moves
 * between its pages), that they used it, so their next sign-in lands here. A write, so it is a
 * mutation the browser sends, not something a server render does on every page.
 */
export function MarkOrganizationUsed({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.org.markUsed.mutationOptions());
  useEffect(() => mutate({ orgSlug }), [mutate, orgSlug]);
  return null;
}
