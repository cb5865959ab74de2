import type { Database, Executor } from "@/db";

/**
 * The one after-commit path. Reminders written or cancelled inside a tenant transaction, the
 * events it announces and any other work that must wait for it (sending an email, asking the AI
 * model) are remembered per transaction object, so the procedure chain runs them once — and only
 * once — the transaction has committed. (Running them earlier could start a delivery for a row,
 * or send an email about one, that a rollback then removes.) Nothing calls the workflow engine or
 * sends mail from inside a transaction, and no router queues work of its own.
 */
type Handoff = { requested: Set<string>; cancelled: Set<string>; events: Map<string, WorkflowEvent>; work: AfterCommitWork[] };

/**
 * Work run after the commit. It gets the connection outside any tenant transaction, which row-level
 * security does not limit: open a `withOrg` transaction for anything tenant-scoped it reads or writes.
 * A failure is logged and the committed request still succeeds, unless the work is marked
 * `failsRequest` (it undid what the transaction did, and the caller must be told).
 */
export type AfterCommitWork = { label: string; run: (unsafeOwnerDb: Database) => Promise<void>; failsRequest?: boolean };

/** A domain event for the workflow engine: a name and ids only (see server/inngest/events.ts). */
export type WorkflowEvent = { name: string; data: Record<string, unknown> };
const handoffs = new WeakMap<object, Handoff>();

function handoffOf(tx: Executor): Handoff {
  let handoff = handoffs.get(tx);
  if (!handoff) {
    handoff = { requested: new Set(), cancelled: new Set(), events: new Map(), work: [] };
    handoffs.set(tx, handoff);
  }
  return handoff;
}

export function noteRemindersRequested(tx: Executor, ids: readonly string[]) {
  const handoff = handoffOf(tx);
  for (const id of ids) {
    handoff.requested.add(id);
    handoff.cancelled.delete(id);
  }
}

export function noteRemindersCancelled(tx: Executor, ids: readonly string[]) {
  const handoff = handoffOf(tx);
  for (const id of ids) {
    handoff.cancelled.add(id);
    handoff.requested.delete(id);
  }
}

/** Announces a change (an interview scheduled, a status changed…) once the transaction commits; said twice, sent once. */
export function noteWorkflowEvent(tx: Executor, event: WorkflowEvent) {
  handoffOf(tx).events.set(`${event.name}:${JSON.stringify(event.data)}`, event);
}

/** Queues work to run once the transaction commits (see `AfterCommitWork`); dropped if it rolls back. */
export function runAfterCommit(tx: Executor, work: AfterCommitWork) {
  handoffOf(tx).work.push(work);
}

export type ReminderHandoff = { requested: string[]; cancelled: string[]; events: WorkflowEvent[]; work: AfterCommitWork[] };

/** What the transaction wrote, forgotten as it is taken. */
export function takeReminderHandoff(tx: Executor): ReminderHandoff {
  const handoff = handoffs.get(tx);
  handoffs.delete(tx);
  return {
    requested: [...(handoff?.requested ?? [])],
    cancelled: [...(handoff?.cancelled ?? [])],
    events: [...(handoff?.events.values() ?? [])],
    work: handoff?.work ?? [],
  };
}
