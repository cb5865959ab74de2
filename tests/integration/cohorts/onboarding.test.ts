import { TRPCError } from "@trpc/server";
import { addMinutes } from "date-fns";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import type { SendBatch } from "../../../server/delivery/batch";
import { LEASE_MS } from "../../../server/delivery/deliver";
import { deliverDueReminders } from "../../../server/delivery/sweep";
import { sendBatchWithResend } from "../../../server/email/send";
import { createInvitation } from "../../../server/services/org/invitations";
import { createMember, createUser } from "../../factories";
import { callerFor, createWorld, fingerprint, type World } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import type { ResendFake } from "../../helpers/resend-fake";
import { startResendFakeForSdk, stopResendFake } from "../../helpers/resend-sdk";

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof TRPCError ? error.code : Promise.reject(error)),
  );

let run = 0;
/** A roster of `n` clients with unique addresses; `extra` lines are appended as written. */
function roster(n: number, { cohort = "", coach = "", extra = [] as string[] } = {}) {
  const tag = `${Date.now().toString(36)}${++run}`;
  const lines = ["Name,Email,Cohort,Coach email"];
  for (let i = 0; i < n; i++) lines.push(`Student ${i},student-${tag}-${i}@uni.example,${cohort},${coach}`);
  return [...lines, ...extra].join("\n");
}

describe("career-centre onboarding", () => {
  const test = useTestDatabase();
  let fake: ResendFake;
  beforeAll(async () => {
    fake = await startResendFakeForSdk();
  });
  afterAll(() => stopResendFake(fake));
  afterEach(async () => {
    fake.reset();
    // The sweep is global: each test starts with nothing pending from the one before.
    await test.db.update(s.reminders).set({ status: "cancelled", batchId: null }).where(eq(s.reminders.status, "pending"));
    await test.db.update(s.emailBatches).set({ status: "abandoned" }).where(eq(s.emailBatches.status, "sending"));
  });

  const slug = (w: World) => ({ orgSlug: w.org.slug });
  /** The delivery sweep in batch mode through the real SDK and the fake, unpaced (the bench measures pacing). */
  const sweep = (now = new Date(), sendBatch?: SendBatch) =>
    deliverDueReminders(test.db, { now, mode: "batch", requestsPerSecond: Infinity, limit: 10_000, ...(sendBatch ? { sendBatch } : {}) });

  it("previews every row's problems next to the row, and names the cohorts it will create", async () => {
    const w = await createWorld(test.db);
    const existing = await createMember(test.db, w.org.id, "client");
    const invitedEmail = `invited-${Date.now()}@uni.example`;
    await createInvitation(test.db, { orgId: w.org.id, actorUserId: w.owner.user.id }, { email: invitedEmail, role: "client" });
    await w.as("owner").cohort.create({ ...slug(w), name: "Class of 2027" });
    const csv = [
      "Full name,E-mail,Programme,Coach",
      `Ada Lovelace,ada-${run}@uni.example,class of 2027,${w.coach.user.email}`,
      `Bad Address,not-an-email,,`,
      `Twice,ada-${run}@uni.example,,`,
      `Member,${existing.user.email.toUpperCase()},,`,
      `Invited,${invitedEmail},,`,
      `Unknown Coach,uc-${run}@uni.example,New intake,nobody@uni.example`,
      `No Address,,,`,
      `Grace Hopper,grace-${run}@uni.example,New intake,`,
    ].join("\r\n");
    const before = await fingerprint(test.db);
    const preview = await w.as("owner").onboarding.preview({ ...slug(w), csv });
    expect(await fingerprint(test.db)).toBe(before);

    expect(preview).toMatchObject({ ok: false, total: 8, valid: 2, problemRowCount: 6, withoutCoach: 6 });
    expect(preview.columns).toEqual({ name: "Full name", email: "E-mail", cohort: "Programme", coachEmail: "Coach" });
    const byLine = Object.fromEntries(preview.problemRows.map((r) => [r.line, r.problems.map((p) => `${p.field}:${p.kind}`)]));
    expect(byLine).toEqual({
      3: ["email:bad_email"],
      4: ["email:duplicate_in_file"],
      5: ["email:already_member"],
      6: ["email:already_invited"],
      7: ["coachEmail:unknown_coach"],
      8: ["email:missing_email"],
    });
    expect(preview.cohorts).toEqual([
      { name: "Class of 2027", clients: 1, isNew: false },
      { name: "New intake", clients: 2, isNew: true },
    ]);
    expect(preview.coaches).toEqual([expect.objectContaining({ email: w.coach.user.email, clients: 1 })]);
  });

  it("answers a file it cannot use with the reason, not rows", async () => {
    const w = await createWorld(test.db);
    const noEmail = await w.as("owner").onboarding.preview({ ...slug(w), csv: "Name,Phone\nAda,123\n" });
    expect(noEmail).toMatchObject({ ok: false, fileProblem: expect.stringMatching(/No email column/), total: 0 });
    const tooMany = await w.as("owner").onboarding.preview({ ...slug(w), csv: roster(5001) });
    expect(tooMany.fileProblem).toMatch(/more than 5,000/);
    expect(await codeOf(w.as("owner").onboarding.commit({ ...slug(w), csv: roster(5001) }))).toBe("BAD_REQUEST");
  });

  it("commits all or nothing: one bad row refuses the whole file and changes nothing", async () => {
    const w = await createWorld(test.db);
    const before = await fingerprint(test.db);
    const csv = roster(20, { cohort: "Never created", extra: ["Oops,not-an-address,,"] });
    expect(await codeOf(w.as("owner").onboarding.commit({ ...slug(w), csv }))).toBe("BAD_REQUEST");
    expect(await fingerprint(test.db)).toBe(before);
  });

  it("invites 5,000 clients in one commit, sending nothing in the request, and refuses the same file twice", async () => {
    const w = await createWorld(test.db);
    const csv = roster(5000, { cohort: "Class of 2027", coach: w.coach.user.email });

    let started = performance.now();
    const preview = await w.as("owner").onboarding.preview({ ...slug(w), csv });
    const previewMs = performance.now() - started;
    expect(preview).toMatchObject({ ok: true, total: 5000, valid: 5000, cohorts: [{ name: "Class of 2027", clients: 5000, isNew: true }] });

    started = performance.now();
    const committed = await w.as("owner").onboarding.commit({ ...slug(w), csv });
    const commitMs = performance.now() - started;
    console.info(`onboarding: preview of 5,000 rows ${Math.round(previewMs)} ms, commit ${Math.round(commitMs)} ms`);
    expect(committed).toMatchObject({ invited: 5000, cohortsCreated: ["Class of 2027"] });
    expect(fake.requests).toHaveLength(0);

    const invitations = await test.db.select().from(s.invitations).where(eq(s.invitations.importId, committed.importId));
    expect(invitations).toHaveLength(5000);
    expect(new Set(invitations.map((i) => i.coachMembershipId))).toEqual(new Set([w.coach.membership.id]));
    const [audit] = await test.db.select().from(s.auditLog).where(and(eq(s.auditLog.orgId, w.org.id), eq(s.auditLog.action, "onboarding.imported")));
    expect(audit).toMatchObject({ targetId: committed.importId, data: expect.objectContaining({ invited: 5000, cohortsCreated: ["Class of 2027"] }) });
    expect(await w.as("owner").onboarding.progress({ ...slug(w), importId: committed.importId })).toMatchObject({ invited: 5000, waiting: 5000, sent: 0 });

    // The same file again (a double click, a retry after a lost answer) invites nobody twice.
    expect(await codeOf(w.as("owner").onboarding.commit({ ...slug(w), csv }))).toBe("BAD_REQUEST");

  });

  it("sends each invitation email exactly once, 100 a request, when two instances sweep at once", async () => {
    fake.reset();
    const w = await createWorld(test.db);
    const { importId } = await w.as("owner").onboarding.commit({ ...slug(w), csv: roster(250) });
    expect(fake.requests).toHaveLength(0);

    const results = await Promise.all([sweep(), sweep()]);
    expect(results[0]!.sent + results[1]!.sent).toBe(250);
    expect(fake.requests.every((r) => r.endpoint === "/emails/batch" && r.outcome === "accepted")).toBe(true);
    expect(fake.requests.map((r) => r.emails).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    const byAddress = new Map<string, number>();
    for (const email of fake.accepted) byAddress.set(email.to, (byAddress.get(email.to) ?? 0) + 1);
    expect(byAddress.size).toBe(250);
    expect([...byAddress.values()].every((n) => n === 1)).toBe(true);
    expect(await w.as("owner").onboarding.progress({ ...slug(w), importId })).toMatchObject({ invited: 250, sent: 250, waiting: 0 });

    // Nothing more goes out on later sweeps.
    fake.reset();
    expect(await sweep(addMinutes(new Date(), 10))).toMatchObject({ sent: 0 });
    expect(fake.requests).toHaveLength(0);
  });

  it("sends once when a worker dies after the provider accepted the batch, and the link in it joins the cohort with the coach", async () => {
    fake.reset();
    const w = await createWorld(test.db);
    const invitee = await createUser(test.db, { name: null });
    const csv = ["Name,Email,Cohort,Coach email", `Robin Roster,${invitee.email},Spring intake,${w.coach.user.email}`].join("\n");
    const { importId } = await w.as("owner").onboarding.commit({ ...slug(w), csv });

    const crashAfterAccepted: SendBatch = async (emails, key) => {
      await sendBatchWithResend(emails, key);
      throw new Error("worker killed after the provider accepted the batch");
    };
    const now = new Date();
    expect(await sweep(now, crashAfterAccepted)).toMatchObject({ sent: 0, errors: 1 });
    expect(fake.accepted).toHaveLength(1);
    // Another instance, once the lease has run out: the stored batch again under its key.
    expect(await sweep(new Date(+now + LEASE_MS + 1000))).toMatchObject({ sent: 1 });
    expect(fake.accepted).toHaveLength(1);
    expect(fake.requests.map((r) => r.outcome)).toEqual(["accepted", "replayed"]);
    expect(await w.as("owner").onboarding.progress({ ...slug(w), importId })).toMatchObject({ sent: 1, waiting: 0 });

    const email = fake.accepted[0]!;
    expect(email.to).toBe(invitee.email);
    expect(email.subject).toContain(w.org.name);
    const token = email.text!.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeTruthy();
    const joined = await callerFor(test.db, invitee).invitation.accept({ token: token! });
    const coachSees = await w.as("assignedCoach").client.list(slug(w));
    expect(coachSees.map((c) => c.email)).toContain(invitee.email);
    const cohorts = await w.as("owner").cohort.list(slug(w));
    expect(cohorts).toEqual([expect.objectContaining({ name: "Spring intake", clientCount: 1, pendingInvitations: 0 })]);
    const [user] = await test.db.select({ name: s.users.name }).from(s.users).where(eq(s.users.id, invitee.id));
    expect(user?.name).toBe("Robin Roster");
    expect(await w.as("owner").onboarding.progress({ ...slug(w), importId })).toMatchObject({ accepted: 1 });
    expect(joined.orgSlug).toBe(w.org.slug);
  });

  it("sends a roster's invitations on the workflow engine's cron sweep without waiting out its grace period", async () => {
    const w = await createWorld(test.db);
    await w.as("owner").onboarding.commit({ ...slug(w), csv: roster(3) });
    const result = await deliverDueReminders(test.db, { now: new Date(), mode: "batch", requestsPerSecond: Infinity, graceMs: 15 * 60_000 });
    expect(result).toMatchObject({ sent: 3 });
  });

  it("does not send an invitation withdrawn before its turn came", async () => {
    fake.reset();
    const w = await createWorld(test.db);
    const { importId } = await w.as("owner").onboarding.commit({ ...slug(w), csv: roster(2) });
    const [first] = await test.db.select().from(s.invitations).where(eq(s.invitations.importId, importId));
    await w.as("owner").invitation.revoke({ ...slug(w), invitationId: first!.id });
    expect(await sweep()).toMatchObject({ sent: 1, cancelled: 1 });
    expect(fake.accepted.map((e) => e.to)).not.toContain(first!.email);
    expect(await w.as("owner").onboarding.progress({ ...slug(w), importId })).toMatchObject({ sent: 1, cancelled: 1 });
  });

  it("lists an organisation's uploads to its owners only, and never another organisation's", async () => {
    const w = await createWorld(test.db);
    const { importId } = await w.as("owner").onboarding.commit({ ...slug(w), csv: roster(3) });
    expect(await w.as("owner").onboarding.imports(slug(w))).toEqual([expect.objectContaining({ importId, invited: 3 })]);
    const other = await createWorld(test.db);
    expect(await other.as("owner").onboarding.imports({ orgSlug: other.org.slug })).toEqual([]);
    expect(await codeOf(other.as("owner").onboarding.progress({ orgSlug: other.org.slug, importId }))).toBe("NOT_FOUND");
    expect(await codeOf(w.as("assignedCoach").onboarding.progress({ ...slug(w), importId }))).toBe("FORBIDDEN");
    expect(await test.db.$count(s.reminders, and(eq(s.reminders.orgId, w.org.id), isNotNull(s.reminders.invitationId)))).toBeGreaterThanOrEqual(3);
  });
});
