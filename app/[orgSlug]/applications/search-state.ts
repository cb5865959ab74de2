import { APPLICATION_SORTS, APPLICATION_STATUSES, type ApplicationSort, type ApplicationStatus } from "@/server/services/applications/status";

/** The applications page keeps its view, filters and sort in the URL, so a view can be shared or bookmarked. */
export type ViewState = {
  view: "board" | "table";
  status: ApplicationStatus[];
  q: string;
  sort: ApplicationSort;
  dir: "asc" | "desc";
  archived: boolean;
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
  };
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
  const text = next.toString();
  return text ? `?${text}` : "";
}
