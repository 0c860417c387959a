import { subjectTicketId, type InboundEmail, type InboundMessageRecord } from '../../domain/inbound/inbound-email.js';
import type { StoreTx } from '../../domain/store/store.js';
import type { Ticket } from '../../domain/ticket/ticket.js';

/** What intake does with a message, decided from what the workspace has seen before. */
export type InboundPlan =
  | { kind: 'duplicate'; ticketId: string | null }
  | { kind: 'ignore'; ticketId: string | null }
  | { kind: 'thread'; ticket: Ticket }
  /** A new ticket; `followUpOf` is the closed ticket it answers, if any. */
  | { kind: 'create'; followUpOf: string | null };

/** Where each known Message-ID belongs: mail taken in, and mail Switchboard sent. */
interface KnownMessages {
  inbound: Map<string, InboundMessageRecord>;
  outbound: Map<string, string>;
}

/**
 * Plans a message: a Message-ID seen before (or one of Switchboard's own mails coming back) is a
 * duplicate; machine mail is ignored; a reply to a stored or sent Message-ID (or, from the ticket's
 * own customer, a subject with `[#tkt_…]`) threads into that ticket unless it is closed, in which
 * case it opens a follow-up; the rest opens a ticket.
 */
export async function planInboundEmail(tx: StoreTx, workspaceId: string, email: InboundEmail): Promise<InboundPlan> {
  const ids = [email.messageId, ...email.replyTo];
  const known: KnownMessages = {
    inbound: new Map((await tx.inboundEmails.find(workspaceId, ids)).map((r) => [r.messageId, r])),
    outbound: await tx.emails.ticketsOfMessageIds(workspaceId, ids),
  };
  const same = known.inbound.get(email.messageId);
  if (same) return { kind: 'duplicate', ticketId: same.ticketId };
  const own = known.outbound.get(email.messageId);
  if (own) return { kind: 'duplicate', ticketId: own };
  const ticket = await threadOf(tx, workspaceId, email, known);
  if (email.autoReply) return { kind: 'ignore', ticketId: ticket?.id ?? null };
  if (ticket && ticket.status !== 'closed') return { kind: 'thread', ticket };
  return { kind: 'create', followUpOf: ticket?.id ?? null };
}

async function threadOf(tx: StoreTx, workspaceId: string, email: InboundEmail, known: KnownMessages): Promise<Ticket | undefined> {
  const answered = email.replyTo.map((id) => known.inbound.get(id)?.ticketId ?? known.outbound.get(id)).find((id) => id);
  if (answered) return tx.tickets.get(workspaceId, answered);
  const named = subjectTicketId(email.subject);
  const ticket = named ? await tx.tickets.get(workspaceId, named) : undefined;
  // A ticket id is no secret (it is in links and URLs): only its own customer threads by naming it.
  return ticket?.customer?.email === email.from.address ? ticket : undefined;
}
