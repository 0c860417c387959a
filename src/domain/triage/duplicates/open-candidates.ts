import type { CustomerTicket } from '../../store/store.js';
import { DONE_STATUSES } from '../../ticket/status.js';

/**
 * The first `limit` open tickets of a customer's newest (see `TicketRepository.ofCustomer`),
 * leaving out `exceptId`: the tickets a ticket of that customer is compared with.
 */
export function openCandidates(history: readonly CustomerTicket[], limit: number, exceptId?: string): CustomerTicket[] {
  return history.filter((ticket) => !DONE_STATUSES.has(ticket.status) && ticket.id !== exceptId).slice(0, limit);
}
