import type { EmailKind, EmailMessage, EmailStatus, EmailTemplate } from '../email/email-message.js';
import type { EmailSettings } from '../email/email-settings.js';
import type { Locale } from '../i18n/locales.js';
import type { WorkspaceCount } from './metrics-store.js';
import type { Page } from './store.js';

/** How a claimed mail's attempt ended, written back in one go. */
export interface EmailOutcome {
  status: EmailStatus;
  nextAttemptAt: number | null;
  lastError: string | null;
  sentAt: number | null;
}

export interface EmailQuery {
  workspaceId: string;
  status?: EmailStatus;
  ticketId?: string;
  /** The id after which the page starts (newest first). */
  after?: string;
  limit: number;
}

/** A ticket that has heard nothing for a while: when its requester was last mailed. */
export interface QuietTicket {
  ticketId: string;
  lastMailAt: number;
}

/** The outbound mail outbox, requesters' opt-outs and the workspace's own wording of the mails. */
export interface EmailRepository {
  insertMessages(messages: readonly EmailMessage[]): Promise<void>;
  getMessage(workspaceId: string, id: string): Promise<EmailMessage | undefined>;
  listMessages(query: EmailQuery): Promise<Page<EmailMessage>>;
  /** Claims up to `limit` pending mails due at `now` across workspaces, as webhook deliveries are claimed. */
  claimDue(now: number, leaseUntil: number, limit: number): Promise<EmailMessage[]>;
  /** Writes an attempt's outcome unless a newer claim took the mail meanwhile; false then. */
  finishAttempt(message: EmailMessage, outcome: EmailOutcome): Promise<boolean>;
  /** Puts a sent, failed or suppressed mail back in the outbox, due at `now`, with a fresh count of attempts. */
  requeue(workspaceId: string, id: string, now: number): Promise<void>;
  /** The Message-ID the ticket's conversation hangs on: the requester's mail that opened it, else its first mail to them. */
  threadRoot(workspaceId: string, ticketId: string): Promise<string | null>;
  /** The tickets of those of `messageIds` that are mails Switchboard sent. */
  ticketsOfMessageIds(workspaceId: string, messageIds: readonly string[]): Promise<Map<string, string>>;
  /** Open tickets whose requester was mailed before but not since `cutoff`, oldest silence first. */
  quietTickets(workspaceId: string, cutoff: number, limit: number): Promise<QuietTicket[]>;
  /** Mails waiting to be sent per workspace (all workspaces when null), for `GET /metrics`. */
  backlog(workspaceIds: readonly string[] | null): Promise<WorkspaceCount[]>;

  isOptedOut(workspaceId: string, address: string): Promise<boolean>;
  /** Records the opt-out; false when the address had opted out already. */
  optOut(workspaceId: string, address: string, at: number): Promise<boolean>;
  /** Lifts the opt-out; false when there was none. */
  optIn(workspaceId: string, address: string): Promise<boolean>;

  getTemplate(workspaceId: string, kind: EmailKind, locale: Locale): Promise<EmailTemplate | undefined>;
  listTemplates(workspaceId: string): Promise<EmailTemplate[]>;
  putTemplate(template: EmailTemplate): Promise<void>;
  deleteTemplate(workspaceId: string, kind: EmailKind, locale: Locale): Promise<boolean>;

  /** The workspace's mail settings; undefined when it never saved any (the defaults apply). */
  getSettings(workspaceId: string): Promise<EmailSettings | undefined>;
  putSettings(settings: EmailSettings): Promise<void>;
}
