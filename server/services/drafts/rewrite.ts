import { and, eq } from "drizzle-orm";
import { companyOfApplication, membershipNamedBy, userOfMembership } from "@/server/services/joins";
import { withOrg, type Database, type Executor } from "@/db";
import { applications, companies, contacts, draftComments, drafts, memberships, users } from "@/db/schema";
import type { FollowUpPolicy } from "@/db/schema/org";
import type { AiConfig } from "../../ai/config";
import { rewriteDraft, type RewriteFailure, type RewriteRequest } from "../../ai/rewrite";
import { conflict, notFound } from "../../errors";
import { recordActivity } from "../activity";
import { runAfterCommit } from "../reminders/handoff";
import { dayOf, writingZone } from "./facts";
import { loadDebriefContext } from "./persist";
import { draftsOf } from "./queries";
import type { TRewriteDraftInput } from "./schemas";
import { firstName } from "./voice";
import type { ClientActor } from "../scope";

/**
 * "Rewrite", "Make it shorter / warmer / more formal" and "Apply Maya's suggestion" on a draft.
 * In two steps so that no transaction waits on the model: `prepareRewrite` reads the draft and
 * the facts inside the request's tenant transaction; `completeRewrite` asks the model once that
 * transaction has committed and saves the answer in a transaction of its own, only if the draft
 * is still the text that was sent (an edit saved meanwhile wins).
 */

export type RewriteAvailability = { available: true } | { available: false; reason: "not_configured" | "turned_off"; message: string };

export function rewriteAvailability(config: AiConfig | null, policy: Pick<FollowUpPolicy, "aiRewriting">): RewriteAvailability {
  if (!config) return { available: false, reason: "not_configured", message: "AI rewriting is not set up on this server." };
  // Policies saved before the switch existed have no value: the feature follows the server's setting.
  if (policy.aiRewriting === false) return { available: false, reason: "turned_off", message: "Your practice has turned off AI rewriting." };
  return { available: true };
}

type Kept = { outcome: "kept"; reason: RewriteFailure | "not_configured" | "turned_off" | "changed"; message: string };
type Rewritten = { outcome: "rewritten"; draft: typeof drafts.$inferSelect };
export type RewriteDraftResult = Kept | Rewritten;

export type PreparedRewrite = {
  outcome: "prepared";
  config: AiConfig;
  draftId: string;
  body: string;
  facts: Record<string, unknown>;
  request: RewriteRequest;
  instruction: string;
};

export async function prepareRewrite(
  db: Executor,
  scope: ClientActor,
  input: TRewriteDraftInput,
  settings: { config: AiConfig | null; policy: Pick<FollowUpPolicy, "aiRewriting"> },
): Promise<PreparedRewrite | Kept> {
  const [draft] = await db.select().from(drafts).where(and(draftsOf(scope), eq(drafts.id, input.draftId)));
  if (!draft) throw notFound("Draft not found.");
  if (draft.status !== "draft") throw conflict(draft.status === "sent" ? "This message is already marked as sent." : "This draft was discarded.");
  const availability = rewriteAvailability(settings.config, settings.policy);
  if (!availability.available) return { outcome: "kept", reason: availability.reason, message: availability.message };

  let request: RewriteRequest;
  let instruction: string;
  if (input.commentId) {
    const [comment] = await db
      .select({ body: draftComments.body, authorName: users.name })
      .from(draftComments)
      .innerJoin(memberships, membershipNamedBy(draftComments.orgId, draftComments.authorMembershipId))
      .innerJoin(users, userOfMembership)
      .where(
        and(
          eq(draftComments.orgId, scope.orgId),
          eq(draftComments.clientId, scope.clientId),
          eq(draftComments.draftId, draft.id),
          eq(draftComments.id, input.commentId),
        ),
      );
    if (!comment) throw notFound("Comment not found.");
    request = { suggestion: comment.body, coachName: firstName(comment.authorName) || "your coach" };
    instruction = "coach_suggestion";
  } else {
    request = { style: input.style ?? "rewrite" };
    instruction = request.style;
  }
  return {
    outcome: "prepared",
    config: settings.config!,
    draftId: draft.id,
    body: draft.body,
    facts: await factsOf(db, scope, draft),
    request,
    instruction,
  };
}

/**
 * The rewrite as one call: prepared in the request's transaction, the model asked once it has
 * committed. The answer is filled into the returned result by then, before the response is sent;
 * if saving it fails, nothing was saved and the client keeps the draft and the message below.
 */
export async function requestRewrite(
  db: Executor,
  scope: ClientActor,
  input: TRewriteDraftInput,
  settings: { config: AiConfig | null; policy: Pick<FollowUpPolicy, "aiRewriting"> },
): Promise<RewriteDraftResult> {
  const prepared = await prepareRewrite(db, scope, input, settings);
  if (prepared.outcome === "kept") return prepared;
  const result = { outcome: "kept", reason: "unavailable", message: "The writing assistant is not available right now. Your draft is unchanged." } as RewriteDraftResult;
  runAfterCommit(db, {
    label: "draft rewrite",
    run: async (unsafeOwnerDb) => void Object.assign(result, await completeRewrite(unsafeOwnerDb, scope, prepared)),
  });
  return result;
}

/** Asks the model and saves its answer; after the commit, in a tenant transaction of its own on the owner connection. */
export async function completeRewrite(
  unsafeOwnerDb: Database,
  scope: ClientActor,
  prepared: PreparedRewrite,
  options: { timeoutMs?: number } = {},
): Promise<RewriteDraftResult> {
  const answer = await rewriteDraft({ config: prepared.config, facts: prepared.facts, body: prepared.body, request: prepared.request, timeoutMs: options.timeoutMs });
  if (!answer.ok) return { outcome: "kept", reason: answer.reason, message: answer.message };
  return withOrg(unsafeOwnerDb, scope.orgId, async (tx) => {
    const [updated] = await tx
      .update(drafts)
      .set({
        body: answer.body,
        bodyBeforeRewrite: prepared.body,
        rewrittenAt: new Date(),
        rewriteModel: answer.model,
        rewriteInstruction: prepared.instruction,
      })
      .where(and(draftsOf(scope), eq(drafts.id, prepared.draftId), eq(drafts.status, "draft"), eq(drafts.body, prepared.body)))
      .returning();
    if (!updated) {
      return { outcome: "kept", reason: "changed", message: "The draft changed while it was being rewritten, so nothing was replaced." } satisfies Kept;
    }
    await recordActivity(tx, {
      orgId: scope.orgId,
      clientId: scope.clientId,
      actorUserId: scope.actorUserId,
      kind: "draft.rewritten",
      summary: prepared.instruction === "coach_suggestion" ? "Applied a coach's suggestion to a draft with AI" : "Rewrote a draft with AI",
      applicationId: updated.applicationId,
      interviewId: updated.interviewId,
      data: { draftId: updated.id, instruction: prepared.instruction, model: answer.model },
    });
    return { outcome: "rewritten", draft: updated } satisfies Rewritten;
  });
}

/**
 * The facts of this draft's interview, and nothing else of the client's: who it is to and from,
 * the company and role, and what was discussed, promised and achieved that the draft may use.
 */
async function factsOf(db: Executor, scope: ClientActor, draft: typeof drafts.$inferSelect): Promise<Record<string, unknown>> {
  const [recipient] = draft.contactId
    ? await db
        .select({ name: contacts.name, title: contacts.title })
        .from(contacts)
        .where(and(eq(contacts.orgId, scope.orgId), eq(contacts.clientId, scope.clientId), eq(contacts.id, draft.contactId)))
    : [];
  if (draft.interviewId) {
    const ctx = await loadDebriefContext(db, scope, draft.interviewId);
    const participant = ctx.participants?.find((p) => p.contactId === draft.contactId);
    const zone = writingZone(ctx);
    return {
      sender: ctx.client.name,
      senderHeadline: ctx.client.headline ?? null,
      senderAccomplishments: ctx.client.accomplishments,
      recipient: recipient ?? null,
      company: ctx.company.name,
      companyChallenges: ctx.company.challenges,
      role: ctx.application.roleTitle,
      interviewDay: dayOf(ctx.interview.startsAt, zone),
      interviewKind: ctx.interview.kind,
      nextSteps: ctx.interview.nextSteps ?? null,
      discussedWithRecipient: participant?.discussed ?? null,
      challengesDiscussedWithRecipient: participant?.challengesDiscussed ?? [],
      otherInterviewers: (ctx.participants ?? []).filter((p) => p !== participant).map((p) => p.name),
      promisesToRecipient: (ctx.commitments ?? [])
        .filter((c) => c.contactId === draft.contactId && !c.doneAt)
        .map((c) => ({ promise: c.description, due: dayOf(c.dueAt, zone) })),
    };
  }
  const [context] = draft.applicationId
    ? await db
        .select({ role: applications.roleTitle, company: companies.name, challenges: companies.challenges })
        .from(applications)
        .innerJoin(companies, companyOfApplication)
        .where(and(eq(applications.orgId, scope.orgId), eq(applications.clientId, scope.clientId), eq(applications.id, draft.applicationId)))
    : [];
  const [client] = await db
    .select({ name: users.name, headline: users.headline, accomplishments: users.accomplishments })
    .from(memberships)
    .innerJoin(users, userOfMembership)
    .where(membershipNamedBy(scope.orgId, scope.clientId));
  return {
    sender: client?.name ?? null,
    senderHeadline: client?.headline ?? null,
    senderAccomplishments: client?.accomplishments ?? [],
    recipient: recipient ?? null,
    company: context?.company ?? null,
    companyChallenges: context?.challenges ?? [],
    role: context?.role ?? null,
  };
}
