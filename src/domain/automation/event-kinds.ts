import type { DomainEvent } from '../shared/event.js';
import type { AutomationEvent } from './automation.js';

const DIRECT: Readonly<Record<string, AutomationEvent>> = {
  'ticket.created': 'ticket.created',
  'ticket.updated': 'ticket.updated',
  'ticket.escalated': 'ticket.escalated',
  'comment.added': 'comment.added',
  'sla.warning': 'sla.warning',
  'sla.breached': 'sla.breached',
  'handoff.received': 'handoff.received',
  'ticket.rated': 'ticket.rated',
};

/** One history entry read as the automation events it stands for. */
export interface KindedEvent {
  kind: AutomationEvent;
  event: DomainEvent;
}

/**
 * The automation events in a run of history entries: each entry's own type where automations
 * listen to it, plus `ticket.status_changed` and `ticket.assigned` wherever an entry (a change,
 * a routing decision, an accepted offer) moved the status or gave the ticket to someone.
 */
export function automationEventsOf(events: readonly DomainEvent[]): KindedEvent[] {
  const out: KindedEvent[] = [];
  for (const event of events) {
    const direct = DIRECT[event.type];
    if (direct) out.push({ kind: direct, event });
    const before = event.before ?? {};
    const after = event.after ?? {};
    if (typeof after.status === 'string' && typeof before.status === 'string' && after.status !== before.status) {
      out.push({ kind: 'ticket.status_changed', event });
    }
    if (typeof after.assigneeId === 'string' && after.assigneeId !== before.assigneeId) out.push({ kind: 'ticket.assigned', event });
  }
  return out;
}

const WEIGHT: Partial<Record<AutomationEvent, number>> = { 'sla.breached': 3, 'sla.warning': 2, 'handoff.received': 1 };

/** The entry escalation triggers are checked for: an SLA breach or warning over anything else, then a hand-off, else the first. */
export function leadingEvent(events: readonly KindedEvent[]): KindedEvent | undefined {
  let best: KindedEvent | undefined;
  for (const kinded of events) if (!best || (WEIGHT[kinded.kind] ?? 0) > (WEIGHT[best.kind] ?? 0)) best = kinded;
  return best;
}
