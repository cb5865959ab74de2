import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "../../../db/schema";
import { badRequest, DomainError } from "../../../server/errors";
import { recordAudit } from "../../../server/services/audit";
import { runAfterCommit } from "../../../server/services/reminders/handoff";
import { createCallerFactory, orgProcedure, router } from "../../../server/trpc/init";
import { createPractice } from "../../factories";
import { useTestDatabase } from "../../helpers/db";

const afterRollback: string[] = [];

/** A procedure that writes an audit row and queues after-commit steps, as a service would. */
const testRouter = router({
  write: orgProcedure.mutation(async ({ ctx }) => {
    await recordAudit(ctx.db, { orgId: ctx.org.id, actorUserId: ctx.session.userId, action: "organization.created", targetType: "organization", targetId: ctx.org.id });
    const ran: string[] = [];
    runAfterCommit(ctx.db, { label: "fails", run: async () => Promise.reject(new Error("mail server down")) });
    runAfterCommit(ctx.db, { label: "runs", run: async () => void ran.push("second step") });
    return ran;
  }),
  refuses: orgProcedure.mutation(async ({ ctx }) => {
    runAfterCommit(ctx.db, { label: "refuses", failsRequest: true, run: async () => Promise.reject(new DomainError("SERVICE_UNAVAILABLE", "Try again.")) });
    return "committed";
  }),
  rollsBack: orgProcedure.mutation(async ({ ctx }) => {
    runAfterCommit(ctx.db, { label: "never", run: async () => void afterRollback.push("ran") });
    throw badRequest("No.");
  }),
});
const callerOf = createCallerFactory(testRouter);

describe("after-commit work", () => {
  const test = useTestDatabase();

  async function setup() {
    const p = await createPractice(test.db);
    const api = callerOf({ db: test.db, session: { userId: p.owner.user.id, email: p.owner.user.email }, ip: null });
    return { p, api };
  }

  it("a failed step is logged and never turns the committed write into an error; later steps still run", async () => {
    const { p, api } = await setup();
    expect(await api.write({ orgSlug: p.org.slug })).toEqual(["second step"]);
    const rows = await test.db.select().from(s.auditLog).where(and(eq(s.auditLog.orgId, p.org.id), eq(s.auditLog.action, "organization.created"), eq(s.auditLog.actorUserId, p.owner.user.id)));
    expect(rows).toHaveLength(1);
  });

  it("a step marked failsRequest answers the caller with its error", async () => {
    const { p, api } = await setup();
    const error = await api.refuses({ orgSlug: p.org.slug }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
  });

  it("nothing queued runs when the procedure fails and its transaction rolls back", async () => {
    const { p, api } = await setup();
    await expect(api.rollsBack({ orgSlug: p.org.slug })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(afterRollback).toEqual([]);
  });
});
