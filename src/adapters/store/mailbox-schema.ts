/** An IMAP mailbox (see docs/integrations.md#mailboxes-read-over-imap). */
export interface MailboxTable {
  id: string;
  workspace_id: string;
  address: string;
  host: string;
  port: number;
  tls: string;
  username: string;
  password: string;
  folder: string;
  after_import: string;
  move_to: string | null;
  uid_validity: number | null;
  last_uid: number;
  lease_owner: string | null;
  lease_until: number;
  last_success_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface MailboxMessageTable {
  mailbox_id: string;
  uid_validity: number;
  uid: number;
  message_id: string | null;
  ticket_id: string | null;
  at: number;
}

/** The mailbox tables as Kysely sees them. */
export interface MailboxTables {
  mailboxes: MailboxTable;
  mailbox_messages: MailboxMessageTable;
}
