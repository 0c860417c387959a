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

/**
 * Plans a message: a Message-ID seen before is a duplicate; machine mail is ignored; a reply to
 * a stored Message-ID (or, from the ticket's own customer, a subject with `[#tkt_…]`) threads into
 * that ticket unless it is closed, in which case it opens a follow-up; the rest opens a ticket.
 */
export async function planInboundEmail(tx: StoreTx, workspaceId: string, email: InboundEmail): Promise<InboundPlan> {
  const seen = new Map((await tx.inboundEmails.find(workspaceId, [email.messageId, ...email.replyTo])).map((r) => [r.messageId, r]));
  const same = seen.get(email.messageId);
  if (same) return { kind: 'duplicate', ticketId: same.ticketId };
  const ticket = await threadOf(tx, workspaceId, email, seen);
  if (email.autoReply) return { kind: 'ignore', ticketId: ticket?.id ?? null };
  if (ticket && ticket.status !== 'closed') return { kind: 'thread', ticket };
  return { kind: 'create', followUpOf: ticket?.id ?? null };
}

async function threadOf(tx: StoreTx, workspaceId: string, email: InboundEmail, seen: Map<string, InboundMessageRecord>): Promise<Ticket | undefined> {
  const answered = email.replyTo.map((id) => seen.get(id)?.ticketId).find((id) => id);
  if (answered) return tx.tickets.get(workspaceId, answered);
  const named = subjectTicketId(email.subject);
  const ticket = named ? await tx.tickets.get(workspaceId, named) : undefined;
  // A ticket id is no secret (it is in links and URLs): only its own customer threads by naming it.
  return ticket?.customer?.email === email.from.address ? ticket : undefined;
}
