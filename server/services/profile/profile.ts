import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import { applications, users } from "@/db/schema";
import { SWITCHABLE_KINDS, type SwitchableKind } from "../../followup";
import { badRequest, notFound } from "../../errors";
import { replanApplication } from "../reminders/replan";
import type { TUpdateProfileInput } from "./schemas";
import type { OrgScope } from "../scope";

/** The caller's own profile, as the person (not the membership): it follows them across organisations. */
/** The signed-in person in one organisation: only ever their own row. */
type Me = Pick<OrgScope, "actorUserId" | "orgId" | "membership">;

/** Every kind the person's role can switch off, with its switch; a kind never set is on. */
function preferencesOf(stored: Partial<Record<string, boolean>>, role: Me["membership"]["role"]): Partial<Record<SwitchableKind, boolean>> {
  return Object.fromEntries(SWITCHABLE_KINDS[role].map((kind) => [kind, stored[kind] !== false]));
}

export async function getProfile(db: Executor, me: Me) {
  const [user] = await db
    .select({
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      headline: users.headline,
      accomplishments: users.accomplishments,
      draftTone: users.draftTone,
      reminderPreferences: users.reminderPreferences,
    })
    .from(users)
    .where(eq(users.id, me.actorUserId));
  if (!user) throw notFound("Profile not found.");
  return { ...user, reminderPreferences: preferencesOf(user.reminderPreferences, me.membership.role) };
}

/**
 * Updates the caller's profile. A new time zone or reminder switches re-time the reminders, so
 * a client's applications in this organisation are re-planned in the same transaction.
 */
export async function updateProfile(db: Executor, me: Me, input: TUpdateProfileInput) {
  const [current] = await db.select().from(users).where(eq(users.id, me.actorUserId));
  if (!current) throw notFound("Profile not found.");
  const allowed: readonly string[] = SWITCHABLE_KINDS[me.membership.role];
  const foreign = Object.keys(input.reminderPreferences ?? {}).filter((kind) => !allowed.includes(kind));
  if (foreign.length > 0) throw badRequest(`These emails are not sent to you here: ${foreign.join(", ")}.`, "reminderPreferences");
  const reminderPreferences = input.reminderPreferences ? { ...current.reminderPreferences, ...input.reminderPreferences } : undefined;
  await db
    .update(users)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      ...(input.headline !== undefined ? { headline: input.headline } : {}),
      ...(input.accomplishments !== undefined ? { accomplishments: input.accomplishments } : {}),
      ...(input.draftTone !== undefined ? { draftTone: input.draftTone } : {}),
      ...(reminderPreferences ? { reminderPreferences } : {}),
    })
    .where(eq(users.id, me.actorUserId));

  const timing = (input.timeZone !== undefined && input.timeZone !== current.timeZone) || reminderPreferences !== undefined;
  if (timing && me.membership.role === "client") {
    // One re-plan per application is fine at a job seeker's scale (tens of applications).
    const active = await db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.orgId, me.orgId), eq(applications.clientId, me.membership.id), isNull(applications.archivedAt)));
    for (const application of active) await replanApplication(db, { orgId: me.orgId, applicationId: application.id });
  }
  return getProfile(db, me);
}
