import type { Executor } from "@/db";

/**
 * Reminders written or cancelled inside a tenant transaction, remembered per transaction object
 * so the procedure chain can hand them to the workflow engine once — and only once — the
 * transaction has committed. (Handing them over earlier could start a delivery for a row that a
 * rollback then removes.)
 */
type Handoff = { requested: Set<string>; cancelled: Set<string>; events: Map<string, WorkflowEvent> };

/** A domain event for the workflow engine: a name and ids only (see server/inngest/events.ts). */
export type WorkflowEvent = { name: string; data: Record<string, unknown> };
const handoffs = new WeakMap<object, Handoff>();

function handoffOf(tx: Executor): Handoff {
  let handoff = handoffs.get(tx);
  if (!handoff) {
    handoff = { requested: new Set(), cancelled: new Set(), events: new Map() };
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

export type ReminderHandoff = { requested: string[]; cancelled: string[]; events: WorkflowEvent[] };

/** What the transaction wrote, forgotten as it is taken. */
export function takeReminderHandoff(tx: Executor): ReminderHandoff {
  const handoff = handoffs.get(tx);
  handoffs.delete(tx);
  return {
    requested: [...(handoff?.requested ?? [])],
    cancelled: [...(handoff?.cancelled ?? [])],
    events: [...(handoff?.events.values() ?? [])],
  };
}
