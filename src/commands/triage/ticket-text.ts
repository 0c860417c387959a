import type { Ticket } from '../../domain/ticket/ticket.js';

/** The text triage reads from a ticket: its title, then its description. */
export function ticketText(ticket: Pick<Ticket, 'title' | 'description'>): string {
  return ticket.description ? `${ticket.title}\n${ticket.description}` : ticket.title;
}
