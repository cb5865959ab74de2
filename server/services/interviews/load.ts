import { and, eq } from "drizzle-orm";
import { interviews } from "@/db/schema";
import { notFound } from "../../errors";
import type { ClientRef, Db } from "../scope";

/** One of the client's interviews, loaded with the tenant and client conditions in the WHERE. */
export async function loadInterview(db: Db, scope: ClientRef, interviewId: string) {
  const [row] = await db
    .select()
    .from(interviews)
    .where(and(eq(interviews.orgId, scope.orgId), eq(interviews.clientId, scope.clientId), eq(interviews.id, interviewId)));
  if (!row) throw notFound("Interview not found.");
  return row;
}
