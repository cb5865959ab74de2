import { and, desc, eq } from "drizzle-orm";
import { membershipNamedBy, userOfMembership } from "@/server/services/joins";
import type { Executor } from "@/db";
import { coachNotes, memberships, users } from "@/db/schema";
import { forbidden, notFound } from "../../errors";
import { recordActivity } from "../activity";
import type { TCreateNoteInput, TUpdateNoteInput } from "./schemas";
import type { StaffActor } from "../scope";

/** A client's notes: coaches and owners see every note; the client only the shared ones. */
export async function listNotes(db: Executor, scope: StaffActor) {
  const isClient = scope.membership.role === "client";
  return db
    .select({
      id: coachNotes.id,
      body: coachNotes.body,
      visibility: coachNotes.visibility,
      authorMembershipId: coachNotes.authorMembershipId,
      authorName: users.name,
      authorEmail: users.email,
      createdAt: coachNotes.createdAt,
      updatedAt: coachNotes.updatedAt,
    })
    .from(coachNotes)
    .innerJoin(memberships, membershipNamedBy(coachNotes.orgId, coachNotes.authorMembershipId))
    .innerJoin(users, userOfMembership)
    .where(
      and(
        eq(coachNotes.orgId, scope.orgId),
        eq(coachNotes.clientId, scope.clientId),
        // Private notes are for coaches: the condition is in the query, not a filter afterwards.
        isClient ? eq(coachNotes.visibility, "shared") : undefined,
      ),
    )
    .orderBy(desc(coachNotes.createdAt));
}

export async function createNote(db: Executor, scope: StaffActor, input: TCreateNoteInput) {
  const [note] = await db
    .insert(coachNotes)
    .values({ orgId: scope.orgId, clientId: scope.clientId, authorMembershipId: scope.membership.id, visibility: input.visibility, body: input.body })
    .returning();
  // The timeline is the client's too: only a shared note appears there, never a private one.
  if (input.visibility === "shared") {
    await recordActivity(db, {
      orgId: scope.orgId,
      clientId: scope.clientId,
      actorUserId: scope.actorUserId,
      kind: "coach.note",
      summary: "Your coach shared a note",
      data: { noteId: note!.id },
    });
  }
  return note!;
}

/** Only the author edits or deletes a note; others who can see it get FORBIDDEN, the rest NOT_FOUND. */
async function refuseNonAuthor(db: Executor, scope: StaffActor, noteId: string): Promise<never> {
  const [exists] = await db
    .select({ id: coachNotes.id })
    .from(coachNotes)
    .where(and(eq(coachNotes.orgId, scope.orgId), eq(coachNotes.clientId, scope.clientId), eq(coachNotes.id, noteId)));
  throw exists ? forbidden("Only the author can change this note.") : notFound("Note not found.");
}

const authorsNote = (scope: StaffActor, noteId: string) =>
  and(
    eq(coachNotes.orgId, scope.orgId),
    eq(coachNotes.clientId, scope.clientId),
    eq(coachNotes.id, noteId),
    eq(coachNotes.authorMembershipId, scope.membership.id),
  );

export async function updateNote(db: Executor, scope: StaffActor, input: TUpdateNoteInput) {
  const changes = { ...(input.body !== undefined && { body: input.body }), ...(input.visibility && { visibility: input.visibility }) };
  const [note] = await db
    .update(coachNotes)
    .set({ ...changes, updatedAt: new Date() })
    .where(authorsNote(scope, input.noteId))
    .returning();
  return note ?? refuseNonAuthor(db, scope, input.noteId);
}

export async function deleteNote(db: Executor, scope: StaffActor, noteId: string) {
  const [note] = await db.delete(coachNotes).where(authorsNote(scope, noteId)).returning({ id: coachNotes.id });
  return note ?? refuseNonAuthor(db, scope, noteId);
}
