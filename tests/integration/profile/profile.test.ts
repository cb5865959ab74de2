import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { createApplication, createInterview, createPractice } from "../../factories";
import { inDays } from "../../factories/workspace";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";
import { expectError, pendingReminders } from "../interviews/helpers";

describe("the profile", () => {
  const test = useTestDatabase();

  it("reads and updates the caller's own profile, with every reminder kind switched on by default", async () => {
    const p = await createPractice(test.db);
    const api = callerFor(test.db, p.client.user);
    const orgSlug = p.org.slug;
    const profile = await api.profile.get({ orgSlug });
    expect(profile.email).toBe(p.client.user.email);
    expect(Object.values(profile.reminderPreferences).every(Boolean)).toBe(true);
    expect(profile.reminderPreferences).toHaveProperty("thank_you_due", true);

    const updated = await api.profile.update({
      orgSlug,
      name: "  Sam Rivera ",
      timeZone: "America/Chicago",
      headline: "Analyst who turns data into decisions",
      accomplishments: ["Cut reporting time by 60%", "", "Led a team of four"],
      reminderPreferences: { prepare: false },
    });
    expect(updated).toMatchObject({
      name: "Sam Rivera",
      timeZone: "America/Chicago",
      accomplishments: ["Cut reporting time by 60%", "Led a team of four"],
    });
    expect(updated.reminderPreferences).toMatchObject({ prepare: false, debrief: true });
    // Only the caller's own row changed.
    const [other] = await test.db.select().from(s.users).where(eq(s.users.id, p.otherClient.user.id));
    expect(other!.headline).toBeNull();
  });

  it("offers each role its own email switches: a client's digest and reminders, a coach's digest", async () => {
    const p = await createPractice(test.db);
    const orgSlug = p.org.slug;
    const client = await callerFor(test.db, p.client.user).profile.get({ orgSlug });
    expect(client.reminderPreferences).toMatchObject({ client_digest: true, thank_you_due: true });
    expect(client.reminderPreferences).not.toHaveProperty("coach_digest");

    const coach = callerFor(test.db, p.coach.user);
    expect((await coach.profile.get({ orgSlug })).reminderPreferences).toEqual({ coach_digest: true });
    const updated = await coach.profile.update({ orgSlug, reminderPreferences: { coach_digest: false } });
    expect(updated.reminderPreferences).toEqual({ coach_digest: false });
    await expectError(coach.profile.update({ orgSlug, reminderPreferences: { prepare: false } }), "BAD_REQUEST", "reminderPreferences");
  });

  it("answers BAD_REQUEST naming the field for a bad time zone and other invalid values", async () => {
    const p = await createPractice(test.db);
    const api = callerFor(test.db, p.client.user);
    const orgSlug = p.org.slug;
    await expectError(api.profile.update({ orgSlug, timeZone: "Europe/Atlantis" }), "BAD_REQUEST", "timeZone");
    await expectError(api.profile.update({ orgSlug, name: "x".repeat(121) }), "BAD_REQUEST", "name");
    await expectError(api.profile.update({ orgSlug, headline: "x".repeat(201) }), "BAD_REQUEST", "headline");
    await expectError(api.profile.update({ orgSlug, accomplishments: ["a", "b", "c", "d"] }), "BAD_REQUEST", "accomplishments");
    await expectError(api.profile.update({ orgSlug, accomplishments: ["x".repeat(301)] }), "BAD_REQUEST", "accomplishments");
    await expectError(
      api.profile.update({ orgSlug, reminderPreferences: { coach_digest: false } as unknown as { prepare: boolean } }),
      "BAD_REQUEST",
      "reminderPreferences",
    );
    const [user] = await test.db.select().from(s.users).where(eq(s.users.id, p.client.user.id));
    expect(user!.timeZone).toBe("UTC");
  });

  it("switching a reminder kind off, or moving zone, re-plans the client's applications", async () => {
    const p = await createPractice(test.db);
    const ref = { orgId: p.org.id, clientId: p.client.membership.id };
    const application = await createApplication(test.db, ref, { status: "interviewing" });
    await createInterview(test.db, { ...ref, applicationId: application.id }, { startsAt: inDays(5) });
    const api = callerFor(test.db, p.client.user);
    const orgSlug = p.org.slug;

    await api.profile.update({ orgSlug, timeZone: "Asia/Tokyo" });
    const kinds = async () => (await pendingReminders(test.db, p.org.id, application.id)).map((r) => r.kind).sort();
    expect(await kinds()).toEqual(["debrief", "prepare"]);

    await api.profile.update({ orgSlug, reminderPreferences: { prepare: false } });
    expect(await kinds()).toEqual(["debrief"]);
    await api.profile.update({ orgSlug, reminderPreferences: { prepare: true } });
    expect(await kinds()).toEqual(["debrief", "prepare"]);
  });

  it("is for members only", async () => {
    const p = await createPractice(test.db);
    const other = await createPractice(test.db);
    await expectError(callerFor(test.db, other.client.user).profile.get({ orgSlug: p.org.slug }), "NOT_FOUND");
    await expectError(callerFor(test.db, null).profile.update({ orgSlug: p.org.slug, name: "Anon" }), "UNAUTHORIZED");
  });
});
