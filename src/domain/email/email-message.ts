import type { Locale } from '../i18n/locales.js';

/** What a notification is about; each kind has its own subject and body in the catalogue (`email.<kind>.*`). */
export const EMAIL_KINDS = [
  'received', 'replied', 'status_changed', 'resolved', 'still_working', 'assigned', 'offered', 'escalated', 'sla_warning', 'approval_requested',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** Kinds that go to the ticket's requester; the others go to agents. */
export const REQUESTER_KINDS: ReadonlySet<EmailKind> = new Set(['received', 'replied', 'status_changed', 'resolved', 'still_working']);

export type RecipientKind = 'requester' | 'agent';

/** Promises that an address is one mailbox (`local@domain`), never a list or a header in disguise. */
export function isMailbox(address: string): boolean {
  return /^[^\s@,;<>"()]+@[^\s@,;<>"()]+$/.test(address) && address.length <= 320;
}

export const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'suppressed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** One outbound mail in the outbox: rendered when its cause was recorded, sent later by the worker. */
export interface EmailMessage {
  id: string;
  workspaceId: string;
  ticketId: string;
  kind: EmailKind;
  recipient: string;
  recipientKind: RecipientKind;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
  /** Its Message-ID without angle brackets; replies name it in In-Reply-To. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  /** The one-click unsubscribe link of a requester's mail (List-Unsubscribe), null for agents. */
  unsubscribeUrl: string | null;
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  /** Makes a mail that several nodes might queue at once (the periodic update) land once. */
  dedupeKey: string | null;
  createdAt: number;
  sentAt: number | null;
}

/** A workspace's own wording of one kind in one locale, replacing the catalogue's. */
export interface EmailTemplate {
  workspaceId: string;
  kind: EmailKind;
  locale: Locale;
  subject: string;
  text: string;
  updatedAt: number;
}
