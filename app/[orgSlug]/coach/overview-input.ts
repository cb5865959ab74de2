import type { AppRouterInputs } from "@/server/trpc/types";

/**
 * The overview's query input, built in one place so the page's server render loads exactly the
 * query the browser's first render asks for (the same key, so it starts with the rows instead of
 * fetching them again).
 */
export type OverviewInput = AppRouterInputs["coach"]["overview"];
export type OverviewFilters = Omit<OverviewInput, "orgSlug" | "cursor" | "pageSize">;

export const OVERVIEW_PAGE_SIZE = 25;

/** What the overview shows on arrival: active clients by name, in the cohort the URL names. */
export const arrivalFilters = (cohortId: string | undefined): OverviewFilters => ({ sort: "name", direction: "asc", status: "active", cohortId });

export const overviewInput = (orgSlug: string, filters: OverviewFilters, cursor?: string): OverviewInput => ({
  orgSlug,
  ...filters,
  cursor,
  pageSize: OVERVIEW_PAGE_SIZE,
});
