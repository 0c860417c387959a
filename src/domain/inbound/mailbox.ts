/** How the connection to a mailbox is protected: TLS from the start, upgraded by STARTTLS, or none (loopback only). */
export const MAILBOX_TLS_MODES = ['implicit', 'starttls', 'none'] as const;
export type MailboxTls = (typeof MAILBOX_TLS_MODES)[number];

/** What happens to a message once it is taken in: kept and flagged \Seen, or moved to another folder. */
export const AFTER_IMPORT_ACTIONS = ['mark_seen', 'move'] as const;
export type AfterImport = (typeof AFTER_IMPORT_ACTIONS)[number];

/** How the reader last fared with the mailbox, as the API, CLI and dashboard show it. */
export interface MailboxStatus {
  /** When a check last read the folder to its end (ms), or null. */
  lastSuccessAt: number | null;
  /** The last failure's message, cleared by the next success. */
  lastError: string | null;
  lastErrorAt: number | null;
}

/** An IMAP mailbox a workspace's mail is read from, and how far the reader got. */
export interface Mailbox extends MailboxStatus {
  id: string;
  workspaceId: string;
  /** The address it serves, as requesters write to it. */
  address: string;
  host: string;
  port: number;
  tls: MailboxTls;
  username: string;
  /** The IMAP password (a secret: never logged, never returned by the API). */
  password: string;
  folder: string;
  afterImport: AfterImport;
  /** The folder mail is moved to when `afterImport` is `move`; null otherwise. */
  moveTo: string | null;
  /** The folder's UIDVALIDITY when the reader last handled a message, or null before the first. */
  uidValidity: number | null;
  /** The highest UID handled to the end (taken in and kept or moved) under that UIDVALIDITY. */
  lastUid: number;
  createdAt: number;
  updatedAt: number;
}

/** Promises the first UID still to be read: past the last handled one, or from 1 when the folder's UIDVALIDITY changed. */
export function firstUnreadUid(mailbox: Pick<Mailbox, 'uidValidity' | 'lastUid'>, uidValidity: number): number {
  return mailbox.uidValidity === uidValidity ? mailbox.lastUid + 1 : 1;
}

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 5 * 60_000;

/** Promises the pause before reconnecting after `failures` failures in a row: doubling from 1 s, at most 5 minutes. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

/** A mailbox as an admin writes it. */
export type MailboxInput = Pick<Mailbox, 'address' | 'host' | 'port' | 'tls' | 'username' | 'password' | 'folder' | 'afterImport' | 'moveTo'>;

/** Promises the first inconsistency of the settings as `{path, message}`, or null when they fit together. */
export function mailboxProblem(input: MailboxInput): { path: string; message: string } | null {
  if (input.afterImport === 'move' && !input.moveTo) return { path: '/move_to', message: 'Name the folder mail is moved to.' };
  if (input.afterImport === 'move' && input.moveTo === input.folder) return { path: '/move_to', message: 'Mail cannot be moved to the folder it is read from.' };
  if (input.afterImport === 'mark_seen' && input.moveTo) return { path: '/move_to', message: 'A folder to move to needs `after_import: move`.' };
  return null;
}
