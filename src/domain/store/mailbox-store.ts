import type { Mailbox } from '../inbound/mailbox.js';

/** A message of a mailbox that intake took in, known by the folder's UIDVALIDITY and its UID. */
export interface MailboxMessageRecord {
  mailboxId: string;
  uidValidity: number;
  uid: number;
  messageId: string | null;
  ticketId: string | null;
  at: number;
}

/** Mailboxes read over IMAP, their leases, progress and status, and the messages taken from them. */
export interface MailboxRepository {
  list(workspaceId: string): Promise<Mailbox[]>;
  get(workspaceId: string, id: string): Promise<Mailbox | undefined>;
  insert(mailbox: Mailbox): Promise<void>;
  /** Removes the mailbox with its record of handled messages; false when there was none. */
  delete(workspaceId: string, id: string): Promise<boolean>;
  /**
   * Takes or renews the lease on every mailbox (all workspaces) that is free, expired or already
   * held by `owner`, until `leaseUntil`; returns those now held. One node reads each mailbox.
   */
  claim(owner: string, now: number, leaseUntil: number): Promise<Mailbox[]>;
  /** Lets the lease go, if `owner` still holds it. */
  release(owner: string, ids: readonly string[]): Promise<void>;
  /** Writes how the last check went, whatever the mailbox's other changes. */
  recordStatus(id: string, status: { lastSuccessAt?: number; lastError: string | null; lastErrorAt: number | null }): Promise<void>;
  /** Moves the mark of fully handled messages forward (never back, under the same UIDVALIDITY). */
  advance(id: string, uidValidity: number, lastUid: number): Promise<void>;
  isTaken(mailboxId: string, uidValidity: number, uid: number): Promise<boolean>;
  /** Fails with a unique violation when the message was recorded already. */
  recordTaken(record: MailboxMessageRecord): Promise<void>;
}
