import type { TemplateEntry } from '../../../commands/email/email-template-commands.js';
import type { EmailMessage } from '../../../domain/email/email-message.js';
import type { EmailSettings } from '../../../domain/email/email-settings.js';
import { iso } from '../time.js';

/** A mail of the outbox as the delivery log shows it. */
export function presentEmailMessage(message: EmailMessage) {
  return {
    id: message.id,
    ticket_id: message.ticketId,
    kind: message.kind,
    recipient: message.recipient,
    recipient_kind: message.recipientKind,
    locale: message.locale,
    subject: message.subject,
    text: message.text,
    html: message.html,
    message_id: message.messageId,
    in_reply_to: message.inReplyTo,
    references: message.references,
    status: message.status,
    attempts: message.attempts,
    next_attempt_at: message.status === 'pending' ? iso(message.nextAttemptAt) : null,
    last_error: message.lastError,
    created_at: iso(message.createdAt),
    sent_at: iso(message.sentAt),
  };
}

/** A workspace's mail settings; `updated_at` is null while the defaults apply. */
export function presentEmailSettings(settings: EmailSettings) {
  return { update_interval_hours: settings.updateIntervalHours, updated_at: settings.updatedAt === 0 ? null : iso(settings.updatedAt) };
}

/** One kind in one locale: the catalogue's wording and the workspace's own. */
export function presentTemplateEntry(entry: TemplateEntry) {
  return {
    kind: entry.kind,
    locale: entry.locale,
    variables: entry.variables,
    default: entry.default,
    override: entry.override && { subject: entry.override.subject, text: entry.override.text, updated_at: iso(entry.override.updatedAt) },
  };
}
