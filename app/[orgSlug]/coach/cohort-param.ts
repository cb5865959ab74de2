"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/**
 * The coach page's one cohort choice, kept in the URL (`?cohort=<id>`): the overview's filter
 * sets it, and the charts above read the same value, so both always show the same clients and a
 * link to the page keeps the choice.
 */
export function useCohortParam(): [string, (cohortId: string) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const cohortId = params.get("cohort") ?? "";
  const setCohortId = (next: string) => {
    const updated = new URLSearchParams(params.toString());
    if (next) updated.set("cohort", next);
    else updated.delete("cohort");
    const query = updated.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return [cohortId, setCohortId];
}
