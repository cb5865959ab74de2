import { z } from "zod";
import { ZTimeZone } from "../../validation/time-zone";

/** Slugs that would shadow the app's own routes. */
export const RESERVED_SLUGS = new Set(["api", "sign-in", "sign-out", "dev", "invite", "new", "settings", "admin", "static", "_next", "calendar", "unsubscribe", "onboarding"]);

export const ZOrgSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(48, "Use at most 48 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens.");

export const ZEmail = z.string().trim().toLowerCase().max(254, "That address is too long.").pipe(z.email("Enter a valid email address."));

export const ZMemberRole = z.enum(["owner", "coach", "client"]);

export const ZCreateOrgInput = z.object({
  name: z.string().trim().min(2, "Give the practice a name.").max(120, "Use at most 120 characters."),
  slug: ZOrgSlug.refine((slug) => !RESERVED_SLUGS.has(slug), "That address is reserved; choose another."),
  timeZone: ZTimeZone.optional(),
});
export type TCreateOrgInput = z.infer<typeof ZCreateOrgInput>;

export const ZChangeRoleInput = z.object({ membershipId: z.uuid(), role: ZMemberRole });
export const ZRemoveMemberInput = z.object({ membershipId: z.uuid() });
export const ZAssignInput = z.object({ coachMembershipId: z.uuid(), clientMembershipIds: z.array(z.uuid()).min(1).max(500) });
export const ZUnassignInput = z.object({ coachMembershipId: z.uuid(), clientMembershipId: z.uuid() });

export const ZCreateInvitationInput = z.object({
  email: ZEmail,
  role: ZMemberRole,
  /** For a client: the coach who will look after them. */
  coachMembershipId: z.uuid().optional(),
  /** For a client: the cohort they join on acceptance. */
  cohortId: z.uuid().optional(),
});
export type TCreateInvitationInput = z.infer<typeof ZCreateInvitationInput>;

export const ZInvitationToken = z.string().trim().min(20).max(128).regex(/^[A-Za-z0-9_-]+$/, "That invitation link is not valid.");
export const ZRevokeInvitationInput = z.object({ invitationId: z.uuid() });

/** A coach for a selection of clients or a whole cohort; "replace" ends their other coaches' assignments. */
export const ZBulkAssignInput = z.object({
  coachMembershipId: z.uuid(),
  // Strict: a target naming both a selection and a cohort is refused, not read as whichever comes first.
  target: z.union([
    z.strictObject({ clientIds: z.array(z.uuid()).min(1, "Choose at least one client.").max(5000, "Choose at most 5,000 clients at once.") }),
    z.strictObject({ cohortId: z.uuid() }),
  ]),
  mode: z.enum(["add", "replace"]).default("add"),
});
export type TBulkAssignInput = z.infer<typeof ZBulkAssignInput>;
