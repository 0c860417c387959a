/** One outbound mail of the outbox (see docs/email.md). */
export interface EmailMessageTable {
  id: string;
  workspace_id: string;
  ticket_id: string;
  kind: string;
  recipient: string;
  recipient_kind: string;
  locale: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  in_reply_to: string | null;
  /** Space-separated Message-IDs, as the header writes them. */
  reference_ids: string;
  unsubscribe_url: string | null;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface EmailOptOutTable {
  workspace_id: string;
  address: string;
  created_at: number;
}

export interface EmailTemplateTable {
  workspace_id: string;
  kind: string;
  locale: string;
  subject: string;
  text_body: string;
  updated_at: number;
}

export interface EmailSettingsTable {
  workspace_id: string;
  update_interval_hours: number;
  updated_at: number;
}

/** One invitation or password-reset mail of the account outbox (see docs/email.md). */
export interface AccountMailTable {
  id: string;
  workspace_id: string;
  user_id: string;
  purpose: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** The outbound e-mail tables as Kysely sees them. */
export interface EmailTables {
  account_mails: AccountMailTable;
  email_settings: EmailSettingsTable;
  email_messages: EmailMessageTable;
  email_opt_outs: EmailOptOutTable;
  email_templates: EmailTemplateTable;
}
