import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { invitations, organizations, users } from "@/db/schema";
import { renderInvitationEmail } from "../email/messages";
import { derivedInvitationToken, hashInvitationToken, invitationState } from "../services/org/invitations";
import type { ReminderRow } from "./context";
import type { Prepared } from "./deliver";

/**
 * The email of an `invitation` row of the reminder outbox (a roster upload invites thousands at
 * once; their emails go out paced, in batches, exactly once, like reminders). Re-read at delivery
 * time: an invitation accepted, withdrawn or expired meanwhile is not announced any more.
 * Unsafe: the delivery worker reads across tenants on the owner connection; every join carries
 * the row's own `org_id`.
 */
export async function unsafePrepareInvitationEmail(db: Executor, reminder: ReminderRow, now: Date): Promise<Prepared> {
  const cancel = (reason: "recipient_missing" | "subject_closed", detail: string): Prepared => ({ kind: "cancel", reason, detail });
  if (!reminder.invitationId) return cancel("recipient_missing", "the row names no invitation");
  const [row] = await db
    .select({
      invitation: {
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        tokenHash: invitations.tokenHash,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
      },
      org: {
        id: organizations.id,
        name: organizations.name,
        brandColor: organizations.brandColor,
        logoUrl: organizations.logoUrl,
        timeZone: organizations.timeZone,
      },
      inviterName: users.name,
      inviterEmail: users.email,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(and(eq(invitations.orgId, reminder.orgId), eq(invitations.id, reminder.invitationId)));
  if (!row) return cancel("recipient_missing", "the invitation is gone");
  const state = invitationState(row.invitation, now);
  if (state !== "pending") return cancel("subject_closed", `the invitation is ${state}`);

  const token = derivedInvitationToken(row.invitation.id);
  // Only if AUTH_SECRET changed since the upload: the link would not open, so say so instead.
  if (hashInvitationToken(token) !== row.invitation.tokenHash) {
    return cancel("subject_closed", "the invitation's link no longer matches AUTH_SECRET; invite the person again");
  }
  const email = await renderInvitationEmail(row.invitation, {
    org: row.org,
    inviterName: row.inviterName ?? row.inviterEmail ?? row.org.name,
    token,
  });
  return {
    kind: "email",
    email: { ...email, idempotencyKey: reminder.dedupeKey, tags: { kind: "invitation", reminder_id: reminder.id } },
  };
}
