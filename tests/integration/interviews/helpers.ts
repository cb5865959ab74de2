import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { ZodError } from "zod";
import type { Database } from "../../../db";
import * as s from "../../../db/schema";
import { DomainError } from "../../../server/errors";

/** Awaits a call that must fail with `code`, and (when given) name `field` as the field at fault. */
export async function expectError(promise: Promise<unknown>, code: TRPCError["code"], field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (field) {
    const cause = (error as TRPCError).cause;
    const fields =
      cause instanceof ZodError ? cause.issues.map((issue) => String(issue.path[0])) : cause instanceof DomainError ? [cause.field] : [];
    expect(fields).toContain(field);
  }
  return error as TRPCError;
}

export const pendingReminders = (db: Database, orgId: string, applicationId: string) =>
  db
    .select({ kind: s.reminders.kind, key: s.reminders.dedupeKey, interviewId: s.reminders.interviewId, dueAt: s.reminders.dueAt })
    .from(s.reminders)
    .where(and(eq(s.reminders.orgId, orgId), eq(s.reminders.applicationId, applicationId), eq(s.reminders.status, "pending")));
