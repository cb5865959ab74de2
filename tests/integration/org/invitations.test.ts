import { TRPCError } from "@trpc/server";
import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createInvitation } from "../../../server/services/org/invitations";
import { createUser } from "../../factories";
import { callerFor, createWorld } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof TRPCError ? error.code : Promise.reject(error)),
  );

describe("invitations", () => {
  const test = useTestDatabase();

  async function invite(w: Awaited<ReturnType<typeof createWorld>>, role: "coach" | "client" = "client", coachMembershipId?: string) {
    const invitee = await createUser(test.db);
    const { token } = await createInvitation(test.db, { orgId: w.org.id, actorUserId: w.owner.user.id }, { email: invitee.email, role, coachMembershipId });
    return { invitee, token };
  }

  it("emails an invitation with a working link once the owner invites someone", async () => {
    const w = await createWorld(test.db);
    const email = `new-client-${Date.now()}@test.example`;
    await w.as("owner").invitation.create({ orgSlug: w.org.slug, email, role: "client" });
    const [message] = await test.db.select().from(s.outboxEmails).where(eq(s.outboxEmails.to, email)).orderBy(desc(s.outboxEmails.createdAt));
    expect(message?.subject).toContain(w.org.name);
    const token = message!.text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeTruthy();
    const preview = await callerFor(test.db, null).invitation.preview({ token: token! });
    expect(preview).toMatchObject({ orgName: w.org.name, role: "client", email, state: "pending" });
  });

  it("still invites from an organisation whose stored time zone is not one (saved before zones were validated)", async () => {
    const w = await createWorld(test.db);
    await test.db.update(s.organizations).set({ timeZone: "not-a-zone" }).where(eq(s.organizations.id, w.org.id));
    const email = `zone-${Date.now()}@test.example`;
    expect(await codeOf(w.as("owner").invitation.create({ orgSlug: w.org.slug, email, role: "client" }))).toBe("ok");
    expect(await test.db.$count(s.outboxEmails, eq(s.outboxEmails.to, email))).toBe(1);
  });

  it("makes no invitation when its email cannot be sent", async () => {
    const w = await createWorld(test.db);
    const email = `bounced-${Date.now()}@test.example`;
    await test.db.insert(s.emailSuppressions).values({ email, reason: "bounce" });
    expect(await codeOf(w.as("owner").invitation.create({ orgSlug: w.org.slug, email, role: "client" }))).toBe("SERVICE_UNAVAILABLE");
    expect(await test.db.$count(s.invitations, and(eq(s.invitations.orgId, w.org.id), eq(s.invitations.email, email)))).toBe(0);
  });

  it("lets the invited person join with the invited role, and assigns the chosen coach", async () => {
    const w = await createWorld(test.db);
    const { invitee, token } = await invite(w, "client", w.coach.membership.id);
    const joined = await callerFor(test.db, invitee).invitation.accept({ token });
    expect(joined.orgSlug).toBe(w.org.slug);
    const coachSees = await w.as("assignedCoach").client.list({ orgSlug: w.org.slug });
    expect(coachSees.map((c) => c.email)).toContain(invitee.email);
    // Accepting again is harmless and does not add a second membership.
    await callerFor(test.db, invitee).invitation.accept({ token });
    expect(await test.db.$count(s.memberships, and(eq(s.memberships.orgId, w.org.id), eq(s.memberships.userId, invitee.id)))).toBe(1);
  });

  it("refuses someone signed in with another address, clearly", async () => {
    const w = await createWorld(test.db);
    const { invitee, token } = await invite(w);
    const stranger = await createUser(test.db);
    await expect(callerFor(test.db, stranger).invitation.accept({ token })).rejects.toThrow(new RegExp(invitee.email));
    expect(await test.db.$count(s.memberships, eq(s.memberships.userId, stranger.id))).toBe(0);
  });

  it("stops working once revoked or after seven days", async () => {
    const w = await createWorld(test.db);
    const revoked = await invite(w);
    const [row] = await test.db.select().from(s.invitations).where(eq(s.invitations.email, revoked.invitee.email));
    expect((row!.expiresAt.getTime() - row!.createdAt.getTime()) / 86_400_000).toBeCloseTo(7, 1);
    await w.as("owner").invitation.revoke({ orgSlug: w.org.slug, invitationId: row!.id });
    expect(await codeOf(callerFor(test.db, revoked.invitee).invitation.accept({ token: revoked.token }))).toBe("CONFLICT");

    const expired = await invite(w);
    await test.db.update(s.invitations).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(s.invitations.email, expired.invitee.email));
    expect(await codeOf(callerFor(test.db, expired.invitee).invitation.accept({ token: expired.token }))).toBe("CONFLICT");
    expect((await callerFor(test.db, null).invitation.preview({ token: expired.token })).state).toBe("expired");
    expect(await test.db.$count(s.memberships, eq(s.memberships.userId, expired.invitee.id))).toBe(0);
  });

  it("replaces a pending invitation when the same address is invited again", async () => {
    const w = await createWorld(test.db);
    const first = await invite(w);
    await createInvitation(test.db, { orgId: w.org.id, actorUserId: w.owner.user.id }, { email: first.invitee.email, role: "coach" });
    expect(await codeOf(callerFor(test.db, first.invitee).invitation.accept({ token: first.token }))).toBe("CONFLICT");
  });

  it("refuses to invite an existing member or to assign a non-coach", async () => {
    const w = await createWorld(test.db);
    const owner = w.as("owner");
    expect(await codeOf(owner.invitation.create({ orgSlug: w.org.slug, email: w.client.user.email, role: "client" }))).toBe("CONFLICT");
    expect(
      await codeOf(owner.invitation.create({ orgSlug: w.org.slug, email: "x@test.example", role: "client", coachMembershipId: w.client.membership.id })),
    ).toBe("BAD_REQUEST");
  });

  it("answers an unknown token with NOT_FOUND", async () => {
    expect(await codeOf(callerFor(test.db, null).invitation.preview({ token: "a".repeat(43) }))).toBe("NOT_FOUND");
  });
});
