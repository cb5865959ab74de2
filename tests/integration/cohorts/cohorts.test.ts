import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createInvitation } from "../../../server/services/org/invitations";
import { assignCoach, createApplication, createMember, createUser } from "../../factories";
import { callerFor, createWorld, type World } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof TRPCError ? error.code : Promise.reject(error)),
  );

describe("cohorts", () => {
  const test = useTestDatabase();
  const slug = (w: World) => ({ orgSlug: w.org.slug });

  it("lets an owner create, rename, fill, empty and archive a cohort, each step in the audit log", async () => {
    const w = await createWorld(test.db);
    const owner = w.as("owner");
    const cohort = await owner.cohort.create({ ...slug(w), name: "Class of 2027" });
    expect(await codeOf(owner.cohort.create({ ...slug(w), name: "class of 2027" }))).toBe("CONFLICT");

    expect(await owner.cohort.addClients({ ...slug(w), cohortId: cohort.id, clientIds: [w.client.membership.id, w.otherClient.membership.id] })).toEqual({ added: 2, alreadyIn: 0 });
    expect(await owner.cohort.addClients({ ...slug(w), cohortId: cohort.id, clientIds: [w.client.membership.id] })).toEqual({ added: 0, alreadyIn: 1 });
    await owner.cohort.rename({ ...slug(w), cohortId: cohort.id, name: "Graduating 2027" });
    expect(await owner.cohort.removeClients({ ...slug(w), cohortId: cohort.id, clientIds: [w.otherClient.membership.id] })).toEqual({ removed: 1 });

    const listed = await owner.cohort.list(slug(w));
    expect(listed).toEqual([expect.objectContaining({ id: cohort.id, name: "Graduating 2027", clientCount: 1, archivedAt: null })]);

    await owner.cohort.archive({ ...slug(w), cohortId: cohort.id, archived: true });
    expect(await owner.cohort.list(slug(w))).toEqual([]);
    expect((await owner.cohort.list({ ...slug(w), includeArchived: true }))[0]).toMatchObject({ id: cohort.id, clientCount: 1 });
    // Archived: keeps its members, takes no new ones.
    expect(await codeOf(owner.cohort.addClients({ ...slug(w), cohortId: cohort.id, clientIds: [w.otherClient.membership.id] }))).toBe("CONFLICT");

    const actions = await test.db.select({ action: s.auditLog.action }).from(s.auditLog).where(and(eq(s.auditLog.orgId, w.org.id), eq(s.auditLog.targetId, cohort.id)));
    expect(actions.map((a) => a.action).sort()).toEqual(
      ["cohort.archived", "cohort.clients_added", "cohort.clients_added", "cohort.clients_removed", "cohort.created", "cohort.renamed"].sort(),
    );
  });

  it("refuses a coach or a member of another organisation as a cohort member", async () => {
    const w = await createWorld(test.db);
    const cohort = await w.as("owner").cohort.create({ ...slug(w), name: "Funded intake" });
    const add = (id: string) => codeOf(w.as("owner").cohort.addClients({ ...slug(w), cohortId: cohort.id, clientIds: [id] }));
    expect(await add(w.coach.membership.id)).toBe("NOT_FOUND");
    const foreignClient = await createMember(test.db, w.foreignOrg.id, "client");
    expect(await add(foreignClient.membership.id)).toBe("NOT_FOUND");
    expect(await test.db.$count(s.cohortMembers, eq(s.cohortMembers.cohortId, cohort.id))).toBe(0);
  });

  it("shows a coach every cohort's name but counts only the clients assigned to them", async () => {
    const w = await createWorld(test.db);
    const cohort = await w.as("owner").cohort.create({ ...slug(w), name: "Evening programme" });
    const extra = await createMember(test.db, w.org.id, "client");
    await assignCoach(test.db, w.org.id, w.otherCoach.membership.id, extra.membership.id);
    await w.as("owner").cohort.addClients({ ...slug(w), cohortId: cohort.id, clientIds: [w.client.membership.id, w.otherClient.membership.id, extra.membership.id] });
    await createInvitation(test.db, { orgId: w.org.id, actorUserId: w.owner.user.id }, { email: `later-${Date.now()}@test.example`, role: "client", cohortId: cohort.id });

    expect((await w.as("owner").cohort.list(slug(w)))[0]).toMatchObject({ clientCount: 3, pendingInvitations: 1 });
    expect((await w.as("assignedCoach").cohort.list(slug(w)))[0]).toMatchObject({ name: "Evening programme", clientCount: 1, pendingInvitations: 0 });
    expect((await w.as("unassignedCoach").cohort.list(slug(w)))[0]).toMatchObject({ clientCount: 2, pendingInvitations: 0 });
    expect(await codeOf(w.as("clientSelf").cohort.list(slug(w)))).toBe("FORBIDDEN");
    expect(await codeOf(w.as("outsider").cohort.list(slug(w)))).toBe("NOT_FOUND");
    // Another organisation's owner sees none of these cohorts in their own.
    expect(await w.as("outsider").cohort.list({ orgSlug: w.foreignOrg.slug })).toEqual([]);
  });

  it("names a client's cohorts on the client's page", async () => {
    const w = await createWorld(test.db);
    const cohort = await w.as("owner").cohort.create({ ...slug(w), name: "Spring 2027" });
    await w.as("owner").cohort.addClients({ ...slug(w), cohortId: cohort.id, clientIds: [w.client.membership.id] });
    const detail = await w.as("assignedCoach").coach.clientDetail({ ...slug(w), clientId: w.client.membership.id });
    expect(detail.cohorts).toEqual([expect.objectContaining({ id: cohort.id, name: "Spring 2027" })]);
    expect(await codeOf(w.as("unassignedCoach").coach.clientDetail({ ...slug(w), clientId: w.client.membership.id }))).toBe("NOT_FOUND");
  });

  it("puts a client invited into a cohort in it on acceptance, with the roster's name when they gave none", async () => {
    const w = await createWorld(test.db);
    const cohort = await w.as("owner").cohort.create({ ...slug(w), name: "Autumn intake" });
    const invitee = await createUser(test.db, { name: null });
    const { token, invitation } = await createInvitation(test.db, { orgId: w.org.id, actorUserId: w.owner.user.id },
      { email: invitee.email, role: "client", cohortId: cohort.id, coachMembershipId: w.coach.membership.id },
    );
    await test.db.update(s.invitations).set({ name: "Robin Example" }).where(eq(s.invitations.id, invitation.id));
    const joined = await callerFor(test.db, invitee).invitation.accept({ token });
    const members = await test.db.select().from(s.cohortMembers).where(eq(s.cohortMembers.cohortId, cohort.id));
    expect(members.map((m) => m.clientMembershipId)).toEqual([joined.membershipId]);
    const [user] = await test.db.select({ name: s.users.name }).from(s.users).where(eq(s.users.id, invitee.id));
    expect(user?.name).toBe("Robin Example");
  });

  it("refuses a cohort on a coach's invitation, and an archived or foreign cohort", async () => {
    const w = await createWorld(test.db);
    const owner = w.as("owner");
    const cohort = await owner.cohort.create({ ...slug(w), name: "Only clients" });
    const email = () => `x-${Math.random().toString(36).slice(2)}@test.example`;
    expect(await codeOf(owner.invitation.create({ ...slug(w), email: email(), role: "coach", cohortId: cohort.id }))).toBe("BAD_REQUEST");
    await owner.cohort.archive({ ...slug(w), cohortId: cohort.id, archived: true });
    expect(await codeOf(owner.invitation.create({ ...slug(w), email: email(), role: "client", cohortId: cohort.id }))).toBe("BAD_REQUEST");
    const [foreign] = await test.db.insert(s.cohorts).values({ orgId: w.foreignOrg.id, name: "Theirs" }).returning();
    expect(await codeOf(owner.invitation.create({ ...slug(w), email: email(), role: "client", cohortId: foreign!.id }))).toBe("BAD_REQUEST");
  });

  describe("bulk coach assignment", () => {
    it("hands a whole cohort, with its pending invitations, to a coach in one audited action", async () => {
      const w = await createWorld(test.db);
      const owner = w.as("owner");
      const cohort = await owner.cohort.create({ ...slug(w), name: "Handover" });
      await owner.cohort.addClients({ ...slug(w), cohortId: cohort.id, clientIds: [w.client.membership.id, w.otherClient.membership.id] });
      const pending = await createInvitation(test.db, { orgId: w.org.id, actorUserId: w.owner.user.id }, { email: `later-${Date.now()}@test.example`, role: "client", cohortId: cohort.id });

      const result = await owner.member.bulkAssign({ ...slug(w), coachMembershipId: w.otherCoach.membership.id, target: { cohortId: cohort.id }, mode: "replace" });
      expect(result).toEqual({ clients: 2, assigned: 1, alreadyAssigned: 1, unassignedFromOthers: 1, invitations: 1 });

      // The old coach no longer sees the client; the new one sees both.
      expect(await codeOf(w.as("assignedCoach").coach.clientDetail({ ...slug(w), clientId: w.client.membership.id }))).toBe("NOT_FOUND");
      expect((await w.as("unassignedCoach").client.list(slug(w))).map((c) => c.clientId).sort()).toEqual([w.client.membership.id, w.otherClient.membership.id].sort());
      const [invitation] = await test.db.select().from(s.invitations).where(eq(s.invitations.id, pending.invitation.id));
      expect(invitation?.coachMembershipId).toBe(w.otherCoach.membership.id);

      const entries = await test.db.select().from(s.auditLog).where(and(eq(s.auditLog.orgId, w.org.id), eq(s.auditLog.action, "assignment.bulk")));
      expect(entries).toHaveLength(1);
      expect(entries[0]!.data).toMatchObject({
        mode: "replace",
        cohortId: cohort.id,
        assigned: 1,
        unassignedFromOthers: 1,
        assignedClientIds: [w.client.membership.id],
        unassignedClientIds: [w.client.membership.id],
      });
    });

    it("adds a coach to a selection without ending other assignments, and refuses a client as the coach or a foreign client", async () => {
      const w = await createWorld(test.db);
      const owner = w.as("owner");
      const result = await owner.member.bulkAssign({ ...slug(w), coachMembershipId: w.otherCoach.membership.id, target: { clientIds: [w.client.membership.id] }, mode: "add" });
      expect(result).toMatchObject({ clients: 1, assigned: 1, unassignedFromOthers: 0, invitations: 0 });
      expect((await w.as("assignedCoach").client.list(slug(w))).length).toBe(1);

      expect(await codeOf(owner.member.bulkAssign({ ...slug(w), coachMembershipId: w.client.membership.id, target: { clientIds: [w.otherClient.membership.id] }, mode: "add" }))).toBe("BAD_REQUEST");
      const foreignClient = await createMember(test.db, w.foreignOrg.id, "client");
      expect(await codeOf(owner.member.bulkAssign({ ...slug(w), coachMembershipId: w.coach.membership.id, target: { clientIds: [foreignClient.membership.id] }, mode: "add" }))).toBe("NOT_FOUND");
      const [foreignCohort] = await test.db.insert(s.cohorts).values({ orgId: w.foreignOrg.id, name: "Theirs" }).returning();
      expect(await codeOf(owner.member.bulkAssign({ ...slug(w), coachMembershipId: w.coach.membership.id, target: { cohortId: foreignCohort!.id }, mode: "add" }))).toBe("NOT_FOUND");
    });
  });

  it("narrows the charts to one cohort, and a coach's cohort charts to their own clients", async () => {
    const w = await createWorld(test.db);
    await createApplication(test.db, { orgId: w.org.id, clientId: w.client.membership.id }, { status: "offer" });
    await createApplication(test.db, { orgId: w.org.id, clientId: w.otherClient.membership.id }, { status: "applied" });
    const cohort = await w.as("owner").cohort.create({ ...slug(w), name: "Charted" });
    await w.as("owner").cohort.addClients({ ...slug(w), cohortId: cohort.id, clientIds: [w.client.membership.id, w.otherClient.membership.id] });
    const empty = await w.as("owner").cohort.create({ ...slug(w), name: "Empty" });
    const applied = (charts: { funnel: Array<{ status: string; count: number }> }) => charts.funnel.find((f) => f.status === "applied")!.count;

    expect(applied(await w.as("owner").coach.charts({ ...slug(w), cohortId: cohort.id }))).toBe(2);
    expect(applied(await w.as("owner").coach.charts({ ...slug(w), cohortId: empty.id }))).toBe(0);
    // The assigned coach's cohort charts count their one client, never the other coach's.
    expect(applied(await w.as("assignedCoach").coach.charts({ ...slug(w), cohortId: cohort.id }))).toBe(1);
    // Another organisation's cohort id matches nobody here.
    const [foreign] = await test.db.insert(s.cohorts).values({ orgId: w.foreignOrg.id, name: "Theirs" }).returning();
    expect(applied(await w.as("owner").coach.charts({ ...slug(w), cohortId: foreign!.id }))).toBe(0);
  });
});
