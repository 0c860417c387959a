import { mayNotify, notificationsFor, type NotificationIntent } from '../../domain/email/notification-plan.js';
import type { EmailMessage } from '../../domain/email/email-message.js';
import type { DomainEvent } from '../../domain/shared/event.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { EventContext } from '../context.js';
import { EmailComposer } from './email-composer.js';
import { resolveRecipients } from './email-recipients.js';
import type { MailSettings } from './mail-settings.js';

/**
 * Writes the mails an event causes into the outbox, in the transaction that records the event, so
 * a change and its notifications land together or not at all. Events that notify nobody cost no query.
 */
export async function enqueueEmails(ctx: EventContext, mail: MailSettings, event: DomainEvent, known?: Ticket): Promise<void> {
  if (!event.ticketId || !mayNotify(event)) return;
  const ticket = known?.id === event.ticketId ? known : await ctx.tx.tickets.get(ctx.workspaceId, event.ticketId);
  if (!ticket) return;
  const intents = notificationsFor(event, ticket);
  if (intents.length === 0) return;
  const composer = new EmailComposer(ctx, mail, ticket);
  const messages: EmailMessage[] = [];
  const seen = new Set<string>();
  for (const intent of intents) {
    for (const recipient of await resolveRecipients(ctx, ticket, intent.recipient)) {
      // An owner who is also informed, or one agent named twice, hears of it once.
      const key = `${intent.kind} ${recipient.address}`;
      if (seen.has(key)) continue;
      seen.add(key);
      messages.push(await composer.compose(intent, recipient, event));
    }
  }
  await ctx.tx.emails.insertMessages(messages);
}

const STILL_WORKING: NotificationIntent = { kind: 'still_working', recipient: { kind: 'requester' } };

/**
 * Queues the "still working on it" mail of an open ticket whose requester has heard nothing since
 * `lastMailAt`. Two nodes doing this for the same silence write the same dedupe key, so one of
 * them fails (a unique violation) and the mail is queued once. False when there is nobody to tell.
 */
export async function queueStillWorkingCommand(ctx: EventContext, mail: MailSettings, ticketId: string, lastMailAt: number): Promise<boolean> {
  const ticket = await ctx.tx.tickets.get(ctx.workspaceId, ticketId);
  if (!ticket) return false;
  const [recipient] = await resolveRecipients(ctx, ticket, STILL_WORKING.recipient);
  if (!recipient) return false;
  const message = await new EmailComposer(ctx, mail, ticket).compose(STILL_WORKING, recipient, null, `still_working:${ticketId}:${lastMailAt}`);
  await ctx.tx.emails.insertMessages([message]);
  return true;
}
