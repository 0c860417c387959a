import { fail } from '../errors.js';

export const TICKET_STATUSES = [
  'new', 'needs_info', 'queued', 'assigned', 'in_progress', 'pending', 'on_hold', 'resolved', 'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which the ticket is held by one agent. */
export const HELD_STATUSES: ReadonlySet<TicketStatus> = new Set(['assigned', 'in_progress', 'pending', 'on_hold']);

/** Statuses in which the work is finished; reopening leaves them. */
export const DONE_STATUSES: ReadonlySet<TicketStatus> = new Set(['resolved', 'closed']);

/** Statuses in which the work is not finished. */
export const OPEN_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((status) => !DONE_STATUSES.has(status));

const ALLOWED: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['needs_info', 'queued', 'assigned', 'in_progress', 'resolved', 'closed'],
  needs_info: ['queued', 'assigned', 'in_progress', 'resolved', 'closed'],
  queued: ['needs_info', 'assigned', 'in_progress', 'pending', 'on_hold', 'resolved', 'closed'],
  assigned: ['queued', 'needs_info', 'in_progress', 'pending', 'on_hold', 'resolved', 'closed'],
  in_progress: ['queued', 'needs_info', 'pending', 'on_hold', 'resolved', 'closed'],
  pending: ['queued', 'in_progress', 'on_hold', 'resolved', 'closed'],
  on_hold: ['queued', 'in_progress', 'pending', 'resolved', 'closed'],
  // Leaving `resolved` for an open status is a reopen.
  resolved: ['closed', 'queued', 'assigned', 'in_progress'],
  // A closed ticket is final: a follow-up is a new ticket linked to it.
  closed: [],
};

/** The statuses a ticket may move to from `from`. */
export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return ALLOWED[from];
}

/** True when the move is a reopen of finished work. */
export function isReopen(from: TicketStatus, to: TicketStatus): boolean {
  return from === 'resolved' && !DONE_STATUSES.has(to);
}

/** Throws `invalid_transition` (with the allowed moves) unless `from → to` is legal. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (from === to) return;
  if (!ALLOWED[from].includes(to)) {
    throw fail('invalid_transition', `A ${from} ticket cannot become ${to}.`, {
      from,
      to,
      allowed: ALLOWED[from],
    });
  }
}
