import { initTRPC, TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { withOrg, type Database, type Executor } from "@/db";
import { coachAssignments, memberships, organizations, type FollowUpPolicy } from "@/db/schema";
import { DomainError, toTRPCError } from "../errors";
import { newRequestId } from "../http/request-headers";
import { log } from "../log";
import { findUnstorable } from "../validation/storable";
import { announceCancelledReminders, announceWorkflowEvents, enqueueReminders } from "../inngest/enqueue";
import { takeReminderHandoff, type ReminderHandoff } from "../services/reminders/handoff";
import { ZOrgSlug } from "../services/org/schemas";
import type { ClientScope, OrgScope, Role, UserScope } from "../services/scope";

export type Session = { userId: string; email: string };

export type Context = {
  db: Database;
  session: Session | null;
  /** The caller's address, for rate limits. */
  ip: string | null;
  /** Names this request in the logs and in error responses; made up when absent (server-side callers, tests). */
  requestId?: string;
};

/** What the log line of one call carries; the organisation is filled in once it is resolved. */
type CallLog = { requestId: string; path: string; type: string; orgId?: string; userId?: string };

/** What a client sees of an unexpected failure: never the SQL, its parameters or a stack. */
export const internalErrorMessage = (requestId: string) =>
  `Something went wrong on our side. Please try again; if it keeps happening, quote reference ${requestId}.`;

export type { Role } from "../services/scope";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const domain = error.cause instanceof DomainError ? error.cause : null;
    const requestId = ctx?.requestId ?? null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    // No stack, ever: it names files and, for a database error, the failed SQL.
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: internal ? internalErrorMessage(requestId ?? "unknown") : shape.message,
      data: {
        ...data,
        requestId,
        // Field-level messages let forms show each error next to its field.
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        // The same messages keyed by the field's full path ("promises.1.description"), the
        // names a form library gives its fields, so a nested error lands on its own input.
        fieldErrors: error.cause instanceof ZodError ? messagesByPath(error.cause) : null,
        field: domain?.field ?? null,
      },
    };
  },
});

/** The first message for each path of a failed validation. */
function messagesByPath(error: ZodError): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (path && !(path in messages)) messages[path] = issue.message;
  }
  return messages;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps domain errors thrown anywhere below to their API codes. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const mapped = toTRPCError(result.error.cause) as TRPCError;
    return { ...result, error: mapped };
  }
  return result;
});

/**
 * One log line per call with its request id, duration and outcome. An unexpected error is logged
 * here with its stack (the client only gets the request id), so every 500 leaves a trace.
 */
const logged = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const call: CallLog = { requestId: ctx.requestId ?? newRequestId(), path, type, userId: ctx.session?.userId };
  const result = await next({ ctx: { requestId: call.requestId, callLog: call } });
  const ms = Math.round(performance.now() - started);
  if (result.ok) {
    log.info({ ...call, ms }, "trpc call");
  } else if (result.error.code === "INTERNAL_SERVER_ERROR") {
    log.error({ ...call, ms, err: result.error.cause ?? result.error }, "trpc call failed unexpectedly");
  } else {
    log.info({ ...call, ms, code: result.error.code }, "trpc call refused");
  }
  return result;
});

/**
 * Refuses, with a field error, any input the database could not store (a NUL character, a lone
 * surrogate, a date outside the product's years) or that nests absurdly deep, before any schema
 * or query sees it. Every procedure gets this, so a new one cannot forget it.
 */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  const issues = findUnstorable(await getRawInput());
  if (issues.length > 0) {
    const cause = new ZodError(issues.map((issue) => ({ code: "custom" as const, path: issue.path, message: issue.message, input: undefined })));
    throw new TRPCError({ code: "BAD_REQUEST", message: issues[0]!.message, cause });
  }
  return next();
});

export const publicProcedure = t.procedure.use(logged).use(domainErrors).use(storableInput);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const scope: UserScope = { actorUserId: ctx.session.userId, email: ctx.session.email };
  return next({ ctx: { ...ctx, session: ctx.session, scope } });
});

export type OrgContext = {
  org: { id: string; slug: string; name: string; timeZone: string; brandColor: string; logoUrl: string | null; policy: FollowUpPolicy };
  membership: { id: string; role: Role };
  /** Who acts, for the services: `(ctx.db, ctx.scope, input)`. A client procedure narrows it to a `ClientScope`. */
  scope: OrgScope;
};

/**
 * Resolves the caller's membership for the organisation named in the input (never trusting an
 * org id as sent), then runs the procedure inside a tenant transaction: `ctx.db` is that
 * transaction, so row-level security applies to every query the procedure makes. The connection
 * outside it (which row-level security does not limit) is not on the context: work that needs it
 * runs after the commit, queued with `runAfterCommit` (services/reminders/handoff.ts).
 */
export const orgProcedure = authedProcedure.input(z.object({ orgSlug: ZOrgSlug })).use(async ({ ctx, input, next }) => {
  const [found] = await ctx.db
    .select({
      org: {
        id: organizations.id,
        slug: organizations.slug,
        name: organizations.name,
        timeZone: organizations.timeZone,
        brandColor: organizations.brandColor,
        logoUrl: organizations.logoUrl,
        policy: organizations.policy,
      },
      membership: { id: memberships.id, role: memberships.role },
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(organizations.slug, input.orgSlug), eq(memberships.userId, ctx.session.userId), eq(memberships.status, "active")));
  if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "Organisation not found." });
  ctx.callLog.orgId = found.org.id;

  const scope: OrgScope = {
    ...ctx.scope,
    orgId: found.org.id,
    orgSlug: found.org.slug,
    timeZone: found.org.timeZone,
    policy: found.org.policy,
    membership: found.membership,
  };
  const runNext = (tx: Executor) => next({ ctx: { ...ctx, db: tx as Database, org: found.org, membership: found.membership, scope } });
  let outcome: Awaited<ReturnType<typeof runNext>> | undefined;
  let transaction: Executor | undefined;
  try {
    await withOrg(ctx.db, found.org.id, async (tx) => {
      transaction = tx;
      outcome = await runNext(tx);
      // A failed procedure must not commit half its writes: throwing rolls the transaction back.
      if (!outcome.ok) throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  const handoff = transaction ? takeReminderHandoff(transaction) : null;
  if (outcome!.ok && handoff) await runCommitted(ctx.db, handoff, ctx.callLog);
  return outcome!;
});

/**
 * Runs what the committed transaction queued, each step isolated: a failure is logged and the
 * request, whose data is saved, still succeeds — except work marked `failsRequest`, which undid
 * its own write (an invitation whose email failed is withdrawn) and whose error the caller gets.
 */
async function runCommitted(db: Database, handoff: ReminderHandoff, call: CallLog) {
  let refusal: unknown = null;
  for (const work of handoff.work) {
    try {
      await work.run(db);
    } catch (error) {
      if (work.failsRequest) refusal ??= error;
      else log.error({ ...call, err: error }, `after-commit step failed: ${work.label}`);
    }
  }
  await handOverReminders(db, handoff);
  if (refusal) throw refusal;
}

const ROLLBACK = Symbol("rollback");

/**
 * Gives the workflow engine what the committed transaction scheduled or cancelled. A failure here
 * must not fail a request whose data is already saved: the sweep delivers anything not handed over.
 */
async function handOverReminders(db: Database, handoff: ReminderHandoff) {
  try {
    await enqueueReminders(db, handoff.requested);
    await announceCancelledReminders(handoff.cancelled);
    await announceWorkflowEvents(handoff.events);
  } catch (error) {
    log.error({ err: error }, "reminder hand-off to Inngest failed; the sweep will deliver them");
  }
}

export const ownerProcedure = orgProcedure.use(({ ctx, next }) => {
  if (ctx.membership.role !== "owner") throw new TRPCError({ code: "FORBIDDEN", message: "Only owners can do this." });
  return next();
});

/** Owners and coaches: the coach portal. Clients get FORBIDDEN. */
export const staffProcedure = orgProcedure.use(({ ctx, next }) => {
  if (ctx.membership.role === "client") throw new TRPCError({ code: "FORBIDDEN", message: "Only coaches can do this." });
  return next();
});

/**
 * A procedure about one client. The client is the caller (clientId omitted or their own), a
 * client assigned to the calling coach, or any client when the caller is an owner. Anything else
 * is NOT_FOUND, so a coach cannot even learn that an unassigned client exists.
 */
export const clientProcedure = orgProcedure
  .input(z.object({ clientId: z.uuid().optional() }))
  .use(async ({ ctx, input, next }) => {
    const clientId = input.clientId ?? (ctx.membership.role === "client" ? ctx.membership.id : null);
    if (!clientId) throw new TRPCError({ code: "BAD_REQUEST", message: "Choose a client." });
    const client = await findAccessibleClient(ctx.db, ctx.org.id, ctx.membership, clientId);
    if (!client) throw new TRPCError({ code: "NOT_FOUND", message: "Client not found." });
    const scope: ClientScope = { ...ctx.scope, clientId: client.id, clientUserId: client.userId, clientStatus: client.status };
    return next({ ctx: { ...ctx, scope } });
  });

/** The coach's side of one client's page: their coach and owners; the client themself gets FORBIDDEN. */
export const staffClientProcedure = clientProcedure.use(({ ctx, next }) => {
  if (ctx.membership.role === "client") throw new TRPCError({ code: "FORBIDDEN", message: "Only coaches can do this." });
  return next();
});

/**
 * A coach's or owner's change to a client (a note, a nudge, a task): as `staffClientProcedure`,
 * and an archived client is kept read-only until an owner restores them.
 */
export const staffClientWriteProcedure = staffClientProcedure.use(({ ctx, next }) => {
  if (ctx.scope.clientStatus === "archived") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This client is archived. An owner can restore them to make changes." });
  }
  return next();
});

/** The client membership if the caller may see it; the access condition is in the WHERE clause. */
export async function findAccessibleClient(
  db: Executor,
  orgId: string,
  caller: { id: string; role: Role },
  clientId: string,
): Promise<{ id: string; userId: string; status: "active" | "archived" } | undefined> {
  const base = and(eq(memberships.orgId, orgId), eq(memberships.id, clientId), eq(memberships.role, "client"));
  const columns = { id: memberships.id, userId: memberships.userId, status: memberships.status };
  if (caller.role === "owner") {
    return (await db.select(columns).from(memberships).where(base))[0];
  }
  if (caller.role === "client") {
    return caller.id === clientId ? (await db.select(columns).from(memberships).where(base))[0] : undefined;
  }
  const [row] = await db
    .select(columns)
    .from(memberships)
    .innerJoin(
      coachAssignments,
      and(
        eq(coachAssignments.orgId, memberships.orgId),
        eq(coachAssignments.clientMembershipId, memberships.id),
        eq(coachAssignments.coachMembershipId, caller.id),
      ),
    )
    .where(base);
  return row;
}

/**
 * Changes to a client's own data (applications, interviews, contacts, drafts, profile): only the
 * client themself. Their coach and owners can read through `clientProcedure` but get FORBIDDEN
 * here; everyone else already got NOT_FOUND from `clientProcedure`.
 */
export const clientSelfProcedure = clientProcedure.use(({ ctx, next }) => {
  if (ctx.membership.id !== ctx.scope.clientId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only the client can change their own records." });
  }
  return next();
});
