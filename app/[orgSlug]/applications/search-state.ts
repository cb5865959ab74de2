import { APPLICATION_SORTS, APPLICATION_STATUSES, type ApplicationSort, type ApplicationStatus } from "@/server/services/applications/status";
import { EXCITEMENT_MAX, JOB_TYPES, WORKPLACE_TYPES, type JobType, type WorkplaceType } from "@/server/services/applications/values";

/** The applications page keeps its view, filters and sort in the URL, so a view can be shared or bookmarked. */
export type ViewState = {
  view: "board" | "table";
  status: ApplicationStatus[];
  q: string;
  sort: ApplicationSort;
  dir: "asc" | "desc";
  archived: boolean;
  workplace: WorkplaceType | "";
  jobType: JobType | "";
  tag: string;
  /** At least this excitement, 0 for any. */
  excitement: number;
};

type Params = { get(key: string): string | null; toString(): string };

export function readViewState(params: Params): ViewState {
  const status = (params.get("status") ?? "")
    .split(",")
    .filter((value): value is ApplicationStatus => (APPLICATION_STATUSES as readonly string[]).includes(value));
  const sort = params.get("sort");
  return {
    view: params.get("view") === "table" ? "table" : "board",
    status,
    q: (params.get("q") ?? "").slice(0, 200),
    sort: (APPLICATION_SORTS as readonly string[]).includes(sort ?? "") ? (sort as ApplicationSort) : "updated",
    dir: params.get("dir") === "asc" ? "asc" : "desc",
    archived: params.get("archived") === "1",
    workplace: oneOf(WORKPLACE_TYPES, params.get("workplace")),
    jobType: oneOf(JOB_TYPES, params.get("type")),
    tag: (params.get("tag") ?? "").slice(0, 40),
    excitement: Math.min(EXCITEMENT_MAX, Math.max(0, Math.trunc(Number(params.get("excitement")) || 0))),
  };
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | "" {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : "";
}

/** Writes the state back, leaving defaults out so URLs stay short; other params (clientId) are kept. */
export function writeViewState(current: Params, state: ViewState): string {
  const next = new URLSearchParams(current.toString());
  const set = (key: string, value: string, fallback: string) => (value && value !== fallback ? next.set(key, value) : next.delete(key));
  set("view", state.view, "board");
  set("status", state.status.join(","), "");
  set("q", state.q, "");
  set("sort", state.sort, "updated");
  set("dir", state.dir, "desc");
  set("archived", state.archived ? "1" : "", "");
  set("workplace", state.workplace, "");
  set("type", state.jobType, "");
  set("tag", state.tag, "");
  set("excitement", state.excitement ? String(state.excitement) : "", "");
  const text = next.toString();
  return text ? `?${text}` : "";
}

/** The list query's input for a view: the page prefetches it and the table reads it, so both name the same query. */
export function listInput(state: ViewState) {
  return {
    status: state.status.length ? state.status : undefined,
    search: state.q || undefined,
    includeArchived: state.archived,
    sort: state.sort,
    direction: state.dir,
    workplaceType: state.workplace ? [state.workplace] : undefined,
    jobType: state.jobType ? [state.jobType] : undefined,
    tag: state.tag || undefined,
    minExcitement: state.excitement || undefined,
  };
}
