import type { Caller, RoleName, World } from "../../../helpers/callers";

export type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
export type MatrixEntry = {
  call: (api: Caller, world: World) => Promise<unknown>;
  expect: Record<RoleName, Outcome>;
};

/** Anyone, signed in or not. */
export const everyone: Record<RoleName, Outcome> = {
  anonymous: "ok", clientSelf: "ok", otherClient: "ok", assignedCoach: "ok", unassignedCoach: "ok", owner: "ok", outsider: "ok",
};
/** Any signed-in person, whatever their organisations. */
export const signedIn = { ...everyone, anonymous: "UNAUTHORIZED" } satisfies Record<RoleName, Outcome>;
/** Members of the practice; a member of another organisation learns nothing. */
export const members = { ...signedIn, outsider: "NOT_FOUND" } satisfies Record<RoleName, Outcome>;
export const ownersOnly = {
  ...members, clientSelf: "FORBIDDEN", otherClient: "FORBIDDEN", assignedCoach: "FORBIDDEN", unassignedCoach: "FORBIDDEN",
} satisfies Record<RoleName, Outcome>;
export const staffOnly = { ...members, clientSelf: "FORBIDDEN", otherClient: "FORBIDDEN" } satisfies Record<RoleName, Outcome>;
/** About the world's client: the client, their coach and owners; nobody else even learns they exist. */
export const aboutTheClient = {
  ...members, otherClient: "NOT_FOUND", unassignedCoach: "NOT_FOUND",
} satisfies Record<RoleName, Outcome>;
/** Changes to the client's own data: the client only; their coach and owners read but do not write. */
export const clientWrites = {
  ...aboutTheClient, assignedCoach: "FORBIDDEN", owner: "FORBIDDEN",
} satisfies Record<RoleName, Outcome>;
/** The coach's side of one client's page: their coach and owners; the client themself is FORBIDDEN. */
export const staffAboutTheClient = { ...aboutTheClient, clientSelf: "FORBIDDEN" } satisfies Record<RoleName, Outcome>;
