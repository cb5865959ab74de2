import { createHash, createHmac, randomBytes } from "node:crypto";
import { userOfMembership } from "@/server/services/joins";
import { addDays } from "date-fns";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { withOrg, type Database, type Executor } from "@/db";
import { coachAssignments, cohortMembers, cohorts, invitations, memberships, organizations, users } from "@/db/schema";
import { badRequest, conflict, DomainError, forbidden, notFound } from "../../errors";
import { renderInvitationEmail, sendRenderedEmail } from "../../email/messages";
import { env } from "../../env";
import { log } from "../../log";
import { recordAudit } from "../audit";
import { runAfterCommit } from "../reminders/handoff";
import type { TCreateInvitationInput } from "./schemas";
import type { OrgActor, UserScope } from "../scope";

export const INVITATION_LIFETIME_DAYS = 7;

/** Only the hash is stored: a copy of the database does not hand out working invitations. */
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The token of an invitation whose email goes out later, through the delivery outbox: derived
 * from the invitation's id with AUTH_SECRET, so every rendering of its email (a retry, another
 * instance) carries the same link, while the database still holds only its hash and a copy of
 * it alone opens nothing. The purpose prefix keeps this MAC from meaning anything else.
 */
export function derivedInvitationToken(invitationId: string, secret: string = env().AUTH_SECRET): string {
  return createHmac("sha256", secret).update(`invitation:v1:${invitationId.toLowerCase()}`).digest("base64url");
}

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationState(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

type InvitingOrg = Parameters<typeof renderInvitationEmail>[1]["org"];

/**
 * Invites someone by email. The invitation and its email are one unit: the email is rendered here,
 * inside the transaction, so a failure commits nothing; sent once the invitation is committed, so
 * the link always works; and if sending fails, the invitation is taken back and the caller gets
 * SERVICE_UNAVAILABLE, so there is never an invitation nobody was told of.
 */
export async function inviteMember(db: Executor, scope: OrgActor, input: TCreateInvitationInput, org: InvitingOrg) {
  const { invitation, token } = await createInvitation(db, scope, input);
  const [inviter] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, scope.actorUserId));
  const email = await renderInvitationEmail(invitation, { org, inviterName: inviter?.name ?? inviter?.email ?? "Your coach", token });
  runAfterCommit(db, {
    label: "invitation email",
    failsRequest: true,
    run: async (unsafeOwnerDb) => {
      try {
        await sendRenderedEmail(unsafeOwnerDb, email, "invitation");
      } catch (error) {
        log.error({ orgId: scope.orgId, invitationId: invitation.id, err: error }, "invitation email failed; invitation withdrawn");
        await withOrg(unsafeOwnerDb, scope.orgId, (tx) =>
          tx.delete(invitations).where(and(eq(invitations.orgId, scope.orgId), eq(invitations.id, invitation.id))),
        );
        throw new DomainError(
          "SERVICE_UNAVAILABLE",
          "The invitation email could not be sent, so no invitation was made. Please try again in a moment.",
        );
      }
    },
  });
  return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
}

/**
 * Creates an invitation and returns its one-time token (to be emailed, never stored). Inviting
 * an address again replaces its pending invitation, so only the newest link works.
 */
export async function createInvitation(db: Executor, scope: OrgActor, input: TCreateInvitationInput) {
  const [existingMember] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .where(and(eq(memberships.orgId, scope.orgId), eq(users.email, input.email)));
  if (existingMember) throw conflict("This person is already a member of the organisation.", "email");

  if (input.coachMembershipId) {
    if (input.role !== "client") throw badRequest("Only clients are assigned to a coach.", "coachMembershipId");
    const [coach] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, scope.orgId), eq(memberships.id, input.coachMembershipId)));
    if (!coach || coach.role === "client") throw badRequest("Choose one of the organisation's coaches.", "coachMembershipId");
  }

  if (input.cohortId) {
    if (input.role !== "client") throw badRequest("Only clients join a cohort.", "cohortId");
    const [cohort] = await db
      .select({ archivedAt: cohorts.archivedAt })
      .from(cohorts)
      .where(and(eq(cohorts.orgId, scope.orgId), eq(cohorts.id, input.cohortId)));
    if (!cohort || cohort.archivedAt) throw badRequest("Choose one of the organisation's current cohorts.", "cohortId");
  }

  const now = new Date();
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(eq(invitations.orgId, scope.orgId), eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    );

  const token = randomBytes(32).toString("base64url");
  const [invitation] = await db
    .insert(invitations)
    .values({
      orgId: scope.orgId,
      email: input.email,
      role: input.role,
      coachMembershipId: input.coachMembershipId ?? null,
      cohortId: input.cohortId ?? null,
      tokenHash: hashInvitationToken(token),
      invitedByUserId: scope.actorUserId,
      expiresAt: addDays(now, INVITATION_LIFETIME_DAYS),
    })
    .returning();
  await recordAudit(db, {
    orgId: scope.orgId,
    actorUserId: scope.actorUserId,
    action: "invitation.created",
    targetType: "invitation",
    targetId: invitation!.id,
    data: { email: input.email, role: input.role },
  });
  return { invitation: invitation!, token };
}

export async function listInvitations(db: Executor, { orgId }: Pick<OrgActor, "orgId">) {
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      createdAt: invitations.createdAt,
      coachMembershipId: invitations.coachMembershipId,
      cohortId: invitations.cohortId,
      name: invitations.name,
    })
    .from(invitations)
    .where(eq(invitations.orgId, orgId))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return rows.map((row) => ({ ...row, state: invitationState(row) }));
}

export async function revokeInvitation(db: Executor, scope: OrgActor, invitationId: string) {
  const [revoked] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(invitations.orgId, scope.orgId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .returning({ id: invitations.id });
  if (!revoked) throw notFound("There is no pending invitation to revoke.");
  await recordAudit(db, {
    orgId: scope.orgId,
    actorUserId: scope.actorUserId,
    action: "invitation.revoked",
    targetType: "invitation",
    targetId: invitationId,
  });
}

/**
 * Looks an invitation up by its token, across organisations: the token is the only credential a
 * person arriving from the email has. `unsafe` because it is not tenant-scoped; the answer shows
 * only what the invitation email already told its recipient.
 */
export async function unsafeFindInvitationByToken(db: Database, token: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      orgId: invitations.orgId,
      email: invitations.email,
      role: invitations.role,
      coachMembershipId: invitations.coachMembershipId,
      cohortId: invitations.cohortId,
      name: invitations.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      orgName: organizations.name,
      orgSlug: organizations.slug,
      brandColor: organizations.brandColor,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  return row;
}

/** Shows where a link leads before the person accepts it. */
export async function previewInvitation(db: Database, token: string) {
  const row = await unsafeFindInvitationByToken(db, token);
  if (!row) throw notFound("This invitation link is not valid.");
  return { orgName: row.orgName, orgSlug: row.orgSlug, role: row.role, email: row.email, state: invitationState(row) };
}

/**
 * Accepts an invitation for the signed-in person. The address must match the one invited: a
 * forwarded link does not let someone else in. Accepting twice is harmless.
 */
export async function acceptInvitation(db: Database, scope: UserScope, token: string) {
  const row = await unsafeFindInvitationByToken(db, token);
  if (!row) throw notFound("This invitation link is not valid.");
  const state = invitationState(row);
  if (row.email !== scope.email.toLowerCase()) {
    throw forbidden(`This invitation was sent to ${row.email}, but you are signed in as ${scope.email}. Sign out and sign in with the invited address.`);
  }
  if (state === "revoked") throw new DomainError("CONFLICT", "This invitation was withdrawn. Ask the organisation for a new one.");
  if (state === "expired") throw new DomainError("CONFLICT", "This invitation has expired. Ask the organisation to send a new one.");

  return withOrg(db, row.orgId, async (tx) => {
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, row.orgId), eq(memberships.userId, scope.actorUserId)));
    if (state === "accepted" || existing) {
      if (!existing) throw new DomainError("CONFLICT", "This invitation has already been used.");
      return { orgSlug: row.orgSlug, membershipId: existing.id };
    }
    // The conditional update is the single-use guard when two tabs accept at the same moment.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.orgId, row.orgId), eq(invitations.id, row.id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
      .returning({ id: invitations.id });
    if (!claimed) throw new DomainError("CONFLICT", "This invitation has already been used.");
    const [membership] = await tx
      .insert(memberships)
      .values({ orgId: row.orgId, userId: scope.actorUserId, role: row.role })
      .returning({ id: memberships.id });
    if (row.coachMembershipId && row.role === "client") {
      await tx
        .insert(coachAssignments)
        .values({ orgId: row.orgId, coachMembershipId: row.coachMembershipId, clientMembershipId: membership!.id })
        .onConflictDoNothing();
    }
    if (row.cohortId && row.role === "client") {
      await tx.insert(cohortMembers).values({ orgId: row.orgId, cohortId: row.cohortId, clientMembershipId: membership!.id }).onConflictDoNothing();
    }
    if (row.name) {
      // The name on the roster, only where the person has not given one themselves.
      await tx.update(users).set({ name: row.name }).where(and(eq(users.id, scope.actorUserId), isNull(users.name)));
    }
    await recordAudit(tx, {
      orgId: row.orgId,
      actorUserId: scope.actorUserId,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: row.id,
      data: { membershipId: membership!.id },
    });
    return { orgSlug: row.orgSlug, membershipId: membership!.id };
  });
}
