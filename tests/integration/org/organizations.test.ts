import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createMember, createOrg, createUser } from "../../factories";
import { callerFor, createWorld } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { unsafeListMembershipsOfUser, unsafeMarkOrganizationUsed } from "../../../server/services/org/organizations";

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message, field: (error.cause as { field?: string })?.field };
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("organisations", () => {
  const test = useTestDatabase();

  it("lets a signed-in person create an organisation and become its owner", async () => {
    const user = await createUser(test.db);
    const api = callerFor(test.db, user);
    const created = await api.org.create({ name: "Bright Path Coaching", slug: `bright-path-${Date.now()}` });
    const org = await api.org.get({ orgSlug: created.slug });
    expect(org.role).toBe("owner");
    const me = await api.me.get();
    expect(me.memberships.map((m) => m.slug)).toContain(created.slug);
  });

  it("refuses a taken, reserved or malformed slug with an error on the slug field", async () => {
    const user = await createUser(test.db);
    const api = callerFor(test.db, user);
    const taken = await createOrg(test.db);
    expect(await errorOf(api.org.create({ name: "Copycat", slug: taken.slug }))).toMatchObject({ code: "CONFLICT", field: "slug" });
    expect((await errorOf(api.org.create({ name: "Reserved", slug: "sign-in" }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(api.org.create({ name: "Bad", slug: "Not A Slug!" }))).code).toBe("BAD_REQUEST");
    expect(await test.db.$count(s.memberships, eq(s.memberships.userId, user.id))).toBe(0);
  });

  it("accepts only real time zones, stored under their canonical names", async () => {
    const user = await createUser(test.db);
    const api = callerFor(test.db, user);
    for (const timeZone of ["", "not-a-uuid", "<img src=x onerror=alert(1)>", "+05:30"]) {
      expect(await errorOf(api.org.create({ name: "Zoned", slug: `zoned-${Date.now()}`, timeZone }))).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await test.db.$count(s.memberships, eq(s.memberships.userId, user.id))).toBe(0);
    const created = await api.org.create({ name: "Mumbai Coaching", slug: `mumbai-${Date.now()}`, timeZone: "Asia/Calcutta" });
    const [stored] = await test.db.select({ timeZone: s.organizations.timeZone }).from(s.organizations).where(eq(s.organizations.slug, created.slug));
    expect(stored!.timeZone).toBe("Asia/Kolkata");
  });

  it("lets one person hold different roles in different organisations", async () => {
    const person = await createUser(test.db);
    const first = await createOrg(test.db);
    const second = await createOrg(test.db);
    await createMember(test.db, first.id, "coach", person);
    await createMember(test.db, second.id, "client", person);
    const api = callerFor(test.db, person);
    expect((await api.org.get({ orgSlug: first.slug })).role).toBe("coach");
    expect((await api.org.get({ orgSlug: second.slug })).role).toBe("client");
  });
});

describe("members and roles", () => {
  const test = useTestDatabase();

  it("never removes or demotes the last owner", async () => {
    const w = await createWorld(test.db);
    const owner = w.as("owner");
    expect((await errorOf(owner.member.remove({ orgSlug: w.org.slug, membershipId: w.owner.membership.id }))).code).toBe("CONFLICT");
    expect((await errorOf(owner.member.changeRole({ orgSlug: w.org.slug, membershipId: w.owner.membership.id, role: "coach" }))).code).toBe(
      "CONFLICT",
    );
    // With a second owner, the first may step down.
    await owner.member.changeRole({ orgSlug: w.org.slug, membershipId: w.coach.membership.id, role: "owner" });
    await owner.member.changeRole({ orgSlug: w.org.slug, membershipId: w.owner.membership.id, role: "coach" });
    const audit = await test.db.select().from(s.auditLog).where(and(eq(s.auditLog.orgId, w.org.id), eq(s.auditLog.action, "member.role_changed")));
    expect(audit).toHaveLength(2);
  });

  it("ends a coach's assignments when their role changes, so access does not linger", async () => {
    const w = await createWorld(test.db);
    await w.as("owner").member.changeRole({ orgSlug: w.org.slug, membershipId: w.coach.membership.id, role: "client" });
    expect(await test.db.$count(s.coachAssignments, eq(s.coachAssignments.coachMembershipId, w.coach.membership.id))).toBe(0);
  });

  it("assigns clients in bulk and takes access away on unassignment", async () => {
    const w = await createWorld(test.db);
    const owner = w.as("owner");
    await owner.member.assign({ orgSlug: w.org.slug, coachMembershipId: w.otherCoach.membership.id, clientMembershipIds: [w.client.membership.id] });
    const byOtherCoach = await w.as("unassignedCoach").client.list({ orgSlug: w.org.slug });
    expect(byOtherCoach.map((c) => c.clientId).sort()).toEqual([w.client.membership.id, w.otherClient.membership.id].sort());

    await owner.member.unassign({ orgSlug: w.org.slug, coachMembershipId: w.coach.membership.id, clientMembershipId: w.client.membership.id });
    expect((await errorOf(w.as("assignedCoach").client.byId({ orgSlug: w.org.slug, clientId: w.client.membership.id }))).code).toBe("NOT_FOUND");
    expect(await w.as("assignedCoach").client.list({ orgSlug: w.org.slug })).toEqual([]);
  });

  it("refuses to assign a client of another organisation", async () => {
    const w = await createWorld(test.db);
    const other = await createWorld(test.db);
    const result = await errorOf(
      w.as("owner").member.assign({ orgSlug: w.org.slug, coachMembershipId: w.coach.membership.id, clientMembershipIds: [other.client.membership.id] }),
    );
    expect(result.code).toBe("NOT_FOUND");
    expect(await test.db.$count(s.coachAssignments, eq(s.coachAssignments.clientMembershipId, other.client.membership.id))).toBe(1);
  });
});

describe("where signing in lands", () => {
  const test = useTestDatabase();

  it("lands in the organisation used last, and before any use in the one with the widest role", async () => {
    const person = await createUser(test.db);
    const coaching = await createOrg(test.db, { name: "Aardvark Coaching" });
    const owning = await createOrg(test.db, { name: "Zenith Careers" });
    await createMember(test.db, coaching.id, "coach", person);
    await createMember(test.db, owning.id, "owner", person);

    const first = async () => (await unsafeListMembershipsOfUser(test.db, person.id))[0]!;
    expect(await first()).toMatchObject({ slug: owning.slug, role: "owner" });

    await unsafeMarkOrganizationUsed(test.db, person.id, coaching.id, new Date(Date.now() + 60_000));
    expect(await first()).toMatchObject({ slug: coaching.slug, role: "coach" });

    // Another person's use never moves this person's landing.
    const other = await createUser(test.db);
    await createMember(test.db, owning.id, "client", other);
    await unsafeMarkOrganizationUsed(test.db, other.id, owning.id, new Date(Date.now() + 120_000));
    expect(await first()).toMatchObject({ slug: coaching.slug });
  });

  it("moves the landing when a member opens an organisation through the API, under its tenant scope", async () => {
    const person = await createUser(test.db);
    const coaching = await createOrg(test.db, { name: "Aardvark Coaching" });
    const owning = await createOrg(test.db, { name: "Zenith Careers" });
    await createMember(test.db, coaching.id, "coach", person);
    await createMember(test.db, owning.id, "owner", person);
    const api = callerFor(test.db, person);
    expect((await api.me.get()).memberships[0]).toMatchObject({ slug: owning.slug });

    await api.org.markUsed({ orgSlug: coaching.slug });
    expect((await api.me.get()).memberships[0]).toMatchObject({ slug: coaching.slug });
  });
});
