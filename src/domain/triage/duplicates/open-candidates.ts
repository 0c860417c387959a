import type { CustomerTicket } from '../../store/store.js';
import { DONE_STATUSES } from '../../ticket/status.js';

/**
 * The first `limit` open tickets of a customer's newest (see `TicketRepository.ofCustomer`), each
 * once, leaving out `exceptId`: the tickets a ticket of that customer is compared with.
 */
export function openCandidates(history: readonly CustomerTicket[], limit: number, exceptId?: string): CustomerTicket[] {
  const seen = new Set<string>();
  const open: CustomerTicket[] = [];
  for (const ticket of history) {
    if (open.length === limit) break;
    if (DONE_STATUSES.has(ticket.status) || seen.has(ticket.id) || ticket.id === exceptId) continue;
    seen.add(ticket.id);
    open.push(ticket);
  }
  return open;
}
