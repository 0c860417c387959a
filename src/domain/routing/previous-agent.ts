import type { CustomerTicket } from '../store/store.js';

/** How far back a customer's previous agent is remembered for sticky routing. */
export const STICKY_WINDOW_MS = 14 * 86_400_000;

/** How many of a customer's newest tickets (`TicketRepository.ofCustomer`) their previous agent is looked for in. */
export const CUSTOMER_HISTORY = 400;

/**
 * The agent of the customer's most recently changed ticket that has one, changed within the
 * sticky window before `now`, leaving out `exceptId` (the ticket being routed): whom sticky
 * routing prefers.
 */
export function previousAgent(history: readonly CustomerTicket[], now: number, exceptId?: string): string | null {
  const since = now - STICKY_WINDOW_MS;
  let latest: CustomerTicket | null = null;
  for (const ticket of history) {
    if (ticket.assigneeId === null || ticket.updatedAt < since || ticket.id === exceptId) continue;
    if (!latest || ticket.updatedAt > latest.updatedAt) latest = ticket;
  }
  return latest?.assigneeId ?? null;
}
