import { Link } from '../lib/router';
import type { Ticket } from '../lib/types';

/** A ticket's title as a link to its page; the title is text, whatever it contains. */
export function TicketLink(props: { ticket: Pick<Ticket, 'id' | 'title'> }) {
  return <Link to={`/tickets/${props.ticket.id}`} className="ticket-link">{props.ticket.title}</Link>;
}
