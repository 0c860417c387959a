import type { PartyDocument } from '../escalation/escalation-config.js';
import { resolveLocale, isLocale, type Locale } from '../i18n/locales.js';
import type { DomainEvent } from '../shared/event.js';
import type { JsonValue } from '../shared/json.js';
import type { Ticket } from '../ticket/ticket.js';
import type { EmailKind } from './email-message.js';

/** Who a notification goes to, before addresses are looked up. */
export type Recipient =
  | { kind: 'requester' }
  | { kind: 'agent'; agentId: string }
  | { kind: 'party'; party: PartyDocument }
  /** The owner of the escalation level that works the ticket's queue (else level 1's): SLA warnings nobody holds. */
  | { kind: 'queue_owner' }
  /** Whoever may still answer an awaiting approval (its approvers who have not voted). */
  | { kind: 'approvers'; approvalId: string };

export interface NotificationIntent {
  kind: EmailKind;
  recipient: Recipient;
  /** The requester's own Message-ID a mail answers, when the event carries it (mail that opened the ticket). */
  rootMessageId?: string;
  /** The public comment a `replied` mail quotes. */
  commentId?: string;
}

/** Event types that notify by their type alone; other events do when they move a ticket's status or assignee. */
const NOTIFYING_TYPES: ReadonlySet<string> = new Set([
  'ticket.created', 'email.received', 'comment.added', 'ticket.offered', 'ticket.escalated', 'sla.warning', 'approval.requested', 'approval.reminded',
]);

/**
 * Promises whether an event may cause mail, from the event alone, so that events that notify
 * nobody cost no read of the ticket: status and assignee moves count whichever command made them
 * (a change by hand, routing, an accepted offer, dispatch, an automation).
 */
export function mayNotify(event: DomainEvent): boolean {
  if (!event.ticketId) return false;
  if (NOTIFYING_TYPES.has(event.type)) return true;
  const before = event.before ?? {};
  const after = event.after ?? {};
  return (typeof after.status === 'string' && after.status !== before.status)
    || (typeof after.assigneeId === 'string' && after.assigneeId !== before.assigneeId);
}

/** Status moves a requester hears of; the others (queued, assigned…) are the team's business. */
const TOLD_STATUSES: Readonly<Record<string, EmailKind>> = {
  pending: 'status_changed', on_hold: 'status_changed', in_progress: 'status_changed', resolved: 'resolved',
};

/**
 * Promises the notifications an event causes: the requester hears of the ticket being received,
 * public replies by the team, some status moves and the resolution; agents of assignments, offers,
 * escalations, SLA warnings and approvals waiting for them (asked for, and each reminder). A party is never told of what they did themselves (a requester's
 * own acknowledgement of receipt excepted).
 */
export function notificationsFor(event: DomainEvent, ticket: Ticket): NotificationIntent[] {
  const data = event.data ?? {};
  const intents: NotificationIntent[] = [...requesterIntents(event, ticket)];
  const assignee = event.after?.assigneeId;
  if (typeof assignee === 'string' && assignee !== (event.before?.assigneeId ?? null)) intents.push(agentIntent('assigned', assignee));
  if (event.type === 'ticket.offered' && typeof data.agent === 'string') intents.push(agentIntent('offered', data.agent));
  if (event.type === 'ticket.escalated') {
    for (const party of partiesOf([data.owner, ...(Array.isArray(data.informed) ? data.informed : [])])) {
      intents.push({ kind: 'escalated', recipient: 'agent' in party ? { kind: 'agent', agentId: party.agent } : { kind: 'party', party } });
    }
  }
  if (event.type === 'sla.warning') {
    intents.push(ticket.assigneeId ? agentIntent('sla_warning', ticket.assigneeId) : { kind: 'sla_warning', recipient: { kind: 'queue_owner' } });
  }
  if ((event.type === 'approval.requested' || event.type === 'approval.reminded') && typeof data.approval_id === 'string') {
    intents.push({ kind: 'approval_requested', recipient: { kind: 'approvers', approvalId: data.approval_id } });
  }
  return intents.filter((intent) => !isOwnAction(event, intent));
}

function requesterIntents(event: DomainEvent, ticket: Ticket): NotificationIntent[] {
  const data = event.data ?? {};
  // Mail that opens a ticket is acknowledged once it is taken in (`email.received`), as an answer to it.
  if (event.type === 'ticket.created' && !(event.actor.kind === 'customer' && ticket.channel === 'email')) return [requester('received')];
  if (event.type === 'email.received' && data.outcome === 'created' && typeof data.message_id === 'string') {
    return [{ ...requester('received'), rootMessageId: data.message_id }];
  }
  if (event.actor.kind === 'customer') return [];
  const intents: NotificationIntent[] = [];
  if (event.type === 'comment.added' && data.visibility === 'public' && typeof data.comment_id === 'string') {
    intents.push({ ...requester('replied'), commentId: data.comment_id });
  }
  const from = event.before?.status;
  const to = event.after?.status;
  const told = typeof to === 'string' && to !== from ? TOLD_STATUSES[to] : undefined;
  if (told && event.type !== 'ticket.created') intents.push(requester(told));
  return intents;
}

const requester = (kind: EmailKind): NotificationIntent => ({ kind, recipient: { kind: 'requester' } });
const agentIntent = (kind: EmailKind, agentId: string): NotificationIntent => ({ kind, recipient: { kind: 'agent', agentId } });

function isOwnAction(event: DomainEvent, intent: NotificationIntent): boolean {
  return intent.recipient.kind === 'agent' && event.actor.kind === 'agent' && event.actor.id === intent.recipient.agentId;
}

function partiesOf(values: readonly (JsonValue | undefined)[]): PartyDocument[] {
  return values.filter((value): value is PartyDocument =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      && (typeof value.agent === 'string' || typeof value.role === 'string'));
}

/** The requester's language: their own choice (`fields.locale`), else the ticket's detected language, else English. */
export function requesterLocale(ticket: Ticket): Locale {
  const chosen = ticket.fields.locale;
  return isLocale(chosen) ? chosen : resolveLocale(ticket.language);
}

/** An agent's language: the first of theirs Switchboard speaks, else English. */
export function agentLocale(languages: readonly string[]): Locale {
  return resolveLocale(...languages);
}

/** The ticket reference a subject carries, which inbound mail recognises (`[#tkt_…]`). */
export function subjectWithReference(subject: string, ticketId: string): string {
  return `${subject} [#${ticketId}]`;
}
