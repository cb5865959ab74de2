import { and, asc, eq } from "drizzle-orm";
import { membershipNamedBy, userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import { draftComments, drafts, memberships, users } from "@/db/schema";
import { notFound } from "../../errors";
import type { TCommentOnDraftInput } from "./schemas";
import type { StaffActor } from "../scope";

async function loadDraft(db: Executor, scope: StaffActor, draftId: string) {
  const [draft] = await db
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(eq(drafts.orgId, scope.orgId), eq(drafts.clientId, scope.clientId), eq(drafts.id, draftId)));
  if (!draft) throw notFound("Draft not found.");
  return draft;
}

/** A coach's comment beside a client's draft; the client reads it, never edits it. */
export async function commentOnDraft(db: Executor, scope: StaffActor, input: TCommentOnDraftInput) {
  const draft = await loadDraft(db, scope, input.draftId);
  const [comment] = await db
    .insert(draftComments)
    .values({ orgId: scope.orgId, clientId: scope.clientId, draftId: draft.id, authorMembershipId: scope.membership.id, body: input.body })
    .returning();
  return comment!;
}

export async function listDraftComments(db: Executor, scope: StaffActor, draftId: string) {
  const draft = await loadDraft(db, scope, draftId);
  return db
    .select({ id: draftComments.id, body: draftComments.body, createdAt: draftComments.createdAt, authorName: users.name, authorEmail: users.email })
    .from(draftComments)
    .innerJoin(memberships, membershipNamedBy(draftComments.orgId, draftComments.authorMembershipId))
    .innerJoin(users, userOfMembership)
    .where(and(eq(draftComments.orgId, scope.orgId), eq(draftComments.clientId, scope.clientId), eq(draftComments.draftId, draft.id)))
    .orderBy(asc(draftComments.createdAt));
}
