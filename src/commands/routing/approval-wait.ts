import type { RoutingState } from '../../domain/routing/routing-state.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { assertTransition } from '../../domain/ticket/status.js';
import { diffTickets } from '../../domain/ticket/ticket-changes.js';
import type { CommandContext } from '../context.js';
import { saveTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';
import type { RouteOutcome } from './placement.js';

/** Approval ids kept among the ids a parked ticket waits on, beside its blockers' ticket ids. */
const isApprovalId = (id: string) => id.startsWith('apr_');

/**
 * The awaiting approvals that hold this ticket. Held tickets carry their approvals' ids in their
 * routing state, so a ticket that waits on none costs no query here (routing's hot path).
 */
export async function awaitingHolds(ctx: CommandContext, ticket: Ticket): Promise<string[]> {
  const ids = ticket.routing?.waitingOn.filter(isApprovalId) ?? [];
  const awaiting: string[] = [];
  for (const id of ids) {
    const approval = await ctx.tx.approvals.get(ctx.workspaceId, id);
    if (approval?.status === 'awaiting' && approval.hold) awaiting.push(id);
  }
  return awaiting;
}

/** The routing state that keeps only a ticket's approval holds, for routing that starts afresh; null when it has none. */
export function heldRouting(ticket: Ticket, now: number): RoutingState | null {
  const held = ticket.routing?.waitingOn.filter(isApprovalId) ?? [];
  return held.length === 0 ? null : parkedState(ticket, held, now);
}

/** Where a parked ticket stands: in its queue, at no step, waiting on `waitingOn`. */
export function parkedState(ticket: Ticket, waitingOn: string[], now: number): RoutingState {
  return {
    policyVersion: ticket.routing?.policyVersion ?? 0, rule: null, step: 0, queue: ticket.queue ?? '',
    stepStartedAt: now, declined: ticket.routing?.declined ?? [], offerId: null, waitingOn,
  };
}

/** True when the ticket already waits, unassigned and out of the queue's order, on exactly these ids. */
export function isParkedOn(ticket: Ticket, waitingOn: readonly string[]): boolean {
  const current = ticket.routing?.waitingOn ?? [];
  return ticket.status === 'queued' && ticket.assigneeId === null && ticket.queueRank === null
    && current.length === waitingOn.length && waitingOn.every((id) => current.includes(id));
}

/**
 * Parks a ticket until the approvals holding it are decided: queued, unassigned, out of the
 * queue's order (so no agent pulls it). A ticket already parked on them is left as it is.
 */
export async function waitOnApprovals(ctx: CommandContext, ticket: Ticket, held: string[]): Promise<RouteOutcome> {
  if (isParkedOn(ticket, held)) return { ticket, decision: null, outcome: 'waiting_on_approval' };
  const now = ctx.clock.now();
  const next: Ticket = {
    ...ticket, status: 'queued', assigneeId: null, routing: parkedState(ticket, held, now), queueRank: null, version: ticket.version + 1, updatedAt: now,
  };
  assertTransition(ticket.status, next.status);
  await saveTicket(ctx, next, ticket);
  const diff = diffTickets(ticket, next);
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: 'ticket.waiting_on_approval', before: diff.before, after: diff.after,
    data: { approvals: held.filter(isApprovalId) },
  });
  return { ticket: next, decision: null, outcome: 'waiting_on_approval' };
}
