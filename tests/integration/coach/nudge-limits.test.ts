import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { withOrg } from "../../../db";
import { NUDGES_PER_CLIENT_PER_DAY, sendNudge } from "../../../server/services/notes/nudges";
import { createPractice } from "../../factories";
import { callerFor } from "../../helpers/callers";
import { useTestDatabase } from "../../helpers/db";

describe("coach nudges: a daily limit and the client's quiet hours", () => {
  const test = useTestDatabase();

  it("refuses the nudge past the daily limit with TOO_MANY_REQUESTS, counting every coach together", async () => {
    const p = await createPractice(test.db);
    const about = { orgSlug: p.org.slug, clientId: p.client.membership.id };
    for (let i = 0; i < NUDGES_PER_CLIENT_PER_DAY; i++) {
      await callerFor(test.db, i % 2 ? p.owner.user : p.coach.user).nudge.send({ ...about, message: `Nudge ${i}` });
    }
    const refused = await callerFor(test.db, p.owner.user).nudge.send({ ...about, message: "One too many" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("TOO_MANY_REQUESTS");
    const sent = await test.db.select().from(s.reminders).where(and(eq(s.reminders.orgId, p.org.id), eq(s.reminders.kind, "coach_nudge")));
    expect(sent).toHaveLength(NUDGES_PER_CLIENT_PER_DAY);
  });

  it("holds the email of a nudge sent at 23:25 the client's time until their quiet hours end", async () => {
    const p = await createPractice(test.db);
    await test.db.update(s.users).set({ timeZone: "Europe/Berlin" }).where(eq(s.users.id, p.client.user.id));
    // 22:25 UTC in December is 23:25 in Berlin; the default quiet hours run 21:00–08:00.
    const lateEvening = new Date("2026-12-02T22:25:00Z");
    const scope = {
      orgId: p.org.id,
      clientId: p.client.membership.id,
      clientStatus: "active" as const,
      membership: { id: p.coach.membership.id, role: "coach" as const },
      actorUserId: p.coach.user.id,
    };
    const { reminderId } = await withOrg(test.db, p.org.id, (tx) => sendNudge(tx, scope, { message: "Late thought" }, lateEvening));
    const [reminder] = await test.db.select().from(s.reminders).where(eq(s.reminders.id, reminderId));
    expect(reminder!.dueAt.toISOString()).toBe("2026-12-03T07:00:00.000Z");
  });
});
