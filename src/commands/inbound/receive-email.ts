import {
  clipText, titleFromSubject, type InboundEmail, type InboundOutcome,
} from '../../domain/inbound/inbound-email.js';
import { withoutQuotedTail } from '../../domain/inbound/reply-text.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { TicketDraft } from '../../domain/ticket/ticket.js';
import { addCommentCommand } from '../add-comment.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';
import { submitTicketCommand } from '../intake/submit-ticket.js';
import { planInboundEmail } from './plan-email.js';

/** What intake did with a message, as the relay is told. */
export interface InboundResult {
  outcome: InboundOutcome | 'duplicate';
  ticketId: string | null;
  /** Why machine mail was ignored. */
  reason: string | null;
}

/** A result that took the message in (anything but a duplicate). */
type Taken = InboundResult & { outcome: InboundOutcome };

/**
 * Takes in one e-mail: new mail becomes a ticket through the normal intake (its customer enriched
 * with `crm`, looked up before the transaction); a reply becomes the customer's public comment on
 * its ticket; auto-replies and bounces are only written down; a Message-ID seen before changes
 * nothing. Each message's Message-ID is stored with its ticket, so later replies find it.
 */
export async function receiveEmailCommand(ctx: CommandContext, email: InboundEmail, crm: JsonObject | null): Promise<InboundResult> {
  const plan = await planInboundEmail(ctx.tx, ctx.workspaceId, email);
  if (plan.kind === 'duplicate') return { outcome: 'duplicate', ticketId: plan.ticketId, reason: null };
  const sender: CommandContext = { ...ctx, actor: senderOf(email) };
  const result = plan.kind === 'ignore'
    ? await ignore(ctx, email, plan.ticketId)
    : plan.kind === 'thread'
      ? await thread(sender, email, plan.ticket.id)
      : await create(sender, email, plan.followUpOf, crm);
  await ctx.tx.inboundEmails.insert({
    workspaceId: ctx.workspaceId, messageId: email.messageId, ticketId: result.ticketId, outcome: result.outcome, createdAt: ctx.clock.now(),
  });
  return result;
}

function senderOf(email: InboundEmail): Actor {
  return { kind: 'customer', id: email.from.address, name: email.from.name };
}

async function create(ctx: CommandContext, email: InboundEmail, followUpOf: string | null, crm: JsonObject | null): Promise<Taken> {
  const draft: TicketDraft = {
    title: titleFromSubject(email.subject),
    description: clipText(email.text.trim()),
    channel: 'email',
    customer: { email: email.from.address, name: email.from.name, crm },
    links: followUpOf ? [{ kind: 'related', ticketId: followUpOf }] : [],
  };
  const { ticket } = await submitTicketCommand(ctx, draft);
  await recordReceived(ctx, ticket.id, email, 'created', null);
  return { outcome: 'created', ticketId: ticket.id, reason: null };
}

async function thread(ctx: CommandContext, email: InboundEmail, ticketId: string): Promise<Taken> {
  const body = clipText(withoutQuotedTail(email.text)) || '(no text)';
  const { comment } = await addCommentCommand(ctx, ticketId, { body, visibility: 'public' });
  await recordReceived(ctx, ticketId, email, 'threaded', comment.id);
  return { outcome: 'threaded', ticketId, reason: null };
}

/** Machine mail is written into the history of the ticket it answers, or the workspace's, and nothing else. */
async function ignore(ctx: CommandContext, email: InboundEmail, ticketId: string | null): Promise<Taken> {
  const reason = email.autoReply ?? 'auto_reply';
  await recordEvent(ctx, {
    entityKind: ticketId ? 'ticket' : 'workspace',
    entityId: ticketId ?? ctx.workspaceId,
    ticketId,
    type: 'email.ignored',
    data: { message_id: email.messageId, from: email.from.address, subject: email.subject, reason },
  });
  return { outcome: 'ignored_auto_reply', ticketId, reason };
}

async function recordReceived(ctx: CommandContext, ticketId: string, email: InboundEmail, outcome: InboundOutcome, commentId: string | null): Promise<void> {
  await recordEvent(ctx, {
    entityKind: 'ticket',
    entityId: ticketId,
    ticketId,
    type: 'email.received',
    data: {
      message_id: email.messageId,
      from: email.from.address,
      subject: email.subject,
      outcome,
      comment_id: commentId,
      attachments: email.attachments.map((a) => ({ filename: a.filename, content_type: a.contentType, size: a.size, sha256: a.sha256 })),
    },
  });
}
