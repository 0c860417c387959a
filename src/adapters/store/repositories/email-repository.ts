import type { Insertable, Kysely, Selectable } from 'kysely';
import type { EmailKind, EmailMessage, EmailStatus, EmailTemplate, RecipientKind } from '../../../domain/email/email-message.js';
import type { EmailSettings } from '../../../domain/email/email-settings.js';
import type { Locale } from '../../../domain/i18n/locales.js';
import type { EmailOutcome, EmailQuery, EmailRepository, QuietTicket } from '../../../domain/store/email-store.js';
import type { WorkspaceCount } from '../../../domain/store/metrics-store.js';
import type { Page, StoreCapabilities } from '../../../domain/store/store.js';
import type { EmailMessageTable, EmailTemplateTable } from '../email-schema.js';
import type { Database } from '../schema.js';
import { pendingPerWorkspace } from './metrics-conditions.js';

/** Statuses in which a ticket still waits on the team (not on its requester, not done). */
const WORKED_STATUSES = ['new', 'queued', 'assigned', 'in_progress', 'on_hold'];

/** The e-mail outbox, opt-outs and templates; claims skip rows other nodes hold where the backend can. */
export class KyselyEmailRepository implements EmailRepository {
  constructor(private readonly db: Kysely<Database>, private readonly capabilities: StoreCapabilities) {}

  async insertMessages(messages: readonly EmailMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.db.insertInto('email_messages').values(messages.map(messageRow)).execute();
  }

  async getMessage(workspaceId: string, id: string): Promise<EmailMessage | undefined> {
    const row = await this.db.selectFrom('email_messages').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toMessage(row);
  }

  async listMessages(query: EmailQuery): Promise<Page<EmailMessage>> {
    const rows = await this.db.selectFrom('email_messages').selectAll().where('workspace_id', '=', query.workspaceId)
      .$if(query.status !== undefined, (q) => q.where('status', '=', query.status!))
      .$if(query.ticketId !== undefined, (q) => q.where('ticket_id', '=', query.ticketId!))
      .$if(query.after !== undefined, (q) => q.where('id', '<', query.after!))
      .orderBy('id', 'desc').limit(query.limit + 1).execute();
    const items = rows.slice(0, query.limit).map(toMessage);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
  }

  async claimDue(now: number, leaseUntil: number, limit: number): Promise<EmailMessage[]> {
    let due = this.db.selectFrom('email_messages').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit);
    if (this.capabilities.supportsSkipLocked) due = due.forUpdate().skipLocked();
    const claimed: EmailMessage[] = [];
    for (const row of await due.execute()) {
      // The attempt count fences the claim: a node that read the row before this update finds it moved on.
      const result = await this.db.updateTable('email_messages').set({ attempts: row.attempts + 1, next_attempt_at: leaseUntil })
        .where('id', '=', row.id).where('status', '=', 'pending').where('attempts', '=', row.attempts).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) claimed.push({ ...toMessage(row), attempts: row.attempts + 1, nextAttemptAt: leaseUntil });
    }
    return claimed;
  }

  async finishAttempt(message: EmailMessage, outcome: EmailOutcome): Promise<boolean> {
    const result = await this.db.updateTable('email_messages')
      .set({ status: outcome.status, next_attempt_at: outcome.nextAttemptAt, last_error: outcome.lastError, sent_at: outcome.sentAt })
      .where('id', '=', message.id).where('status', '=', 'pending').where('attempts', '=', message.attempts).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async requeue(workspaceId: string, id: string, now: number): Promise<void> {
    await this.db.updateTable('email_messages').set({ status: 'pending', attempts: 0, next_attempt_at: now, sent_at: null })
      .where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  async threadRoot(workspaceId: string, ticketId: string): Promise<string | null> {
    const inbound = await this.db.selectFrom('inbound_emails').select('message_id')
      .where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId).where('outcome', '=', 'created')
      .orderBy('created_at').limit(1).executeTakeFirst();
    if (inbound) return inbound.message_id;
    const outbound = await this.db.selectFrom('email_messages').select('message_id')
      .where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId).where('recipient_kind', '=', 'requester')
      .orderBy('id').limit(1).executeTakeFirst();
    return outbound?.message_id ?? null;
  }

  async ticketsOfMessageIds(workspaceId: string, messageIds: readonly string[]): Promise<Map<string, string>> {
    if (messageIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('email_messages').select(['message_id', 'ticket_id'])
      .where('workspace_id', '=', workspaceId).where('message_id', 'in', [...messageIds]).execute();
    return new Map(rows.map((row) => [row.message_id, row.ticket_id]));
  }

  async quietTickets(workspaceId: string, cutoff: number, limit: number): Promise<QuietTicket[]> {
    const rows = await this.db.selectFrom('tickets as t')
      .innerJoin('email_messages as m', (join) => join.onRef('m.ticket_id', '=', 't.id').onRef('m.workspace_id', '=', 't.workspace_id'))
      .select((eb) => ['t.id as ticket_id', eb.fn.max('m.created_at').as('last_mail_at')])
      .where('t.workspace_id', '=', workspaceId).where('t.status', 'in', WORKED_STATUSES).where('m.recipient_kind', '=', 'requester')
      .groupBy('t.id')
      .having((eb) => eb.fn.max('m.created_at'), '<=', cutoff)
      .orderBy('last_mail_at').limit(limit).execute();
    return rows.map((row) => ({ ticketId: row.ticket_id, lastMailAt: Number(row.last_mail_at) }));
  }

  backlog(workspaceIds: readonly string[] | null): Promise<WorkspaceCount[]> {
    return pendingPerWorkspace(this.db, 'email_messages', workspaceIds);
  }

  async isOptedOut(workspaceId: string, address: string): Promise<boolean> {
    const row = await this.db.selectFrom('email_opt_outs').select('address').where('workspace_id', '=', workspaceId).where('address', '=', address).executeTakeFirst();
    return row !== undefined;
  }

  async optOut(workspaceId: string, address: string, at: number): Promise<boolean> {
    const result = await this.db.insertInto('email_opt_outs').values({ workspace_id: workspaceId, address, created_at: at })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'address']).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async optIn(workspaceId: string, address: string): Promise<boolean> {
    const result = await this.db.deleteFrom('email_opt_outs').where('workspace_id', '=', workspaceId).where('address', '=', address).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async getTemplate(workspaceId: string, kind: EmailKind, locale: Locale): Promise<EmailTemplate | undefined> {
    const row = await this.db.selectFrom('email_templates').selectAll()
      .where('workspace_id', '=', workspaceId).where('kind', '=', kind).where('locale', '=', locale).executeTakeFirst();
    return row && toTemplate(row);
  }

  async listTemplates(workspaceId: string): Promise<EmailTemplate[]> {
    return (await this.db.selectFrom('email_templates').selectAll().where('workspace_id', '=', workspaceId).execute()).map(toTemplate);
  }

  async putTemplate(template: EmailTemplate): Promise<void> {
    const row = { workspace_id: template.workspaceId, kind: template.kind, locale: template.locale, subject: template.subject, text_body: template.text, updated_at: template.updatedAt };
    await this.db.insertInto('email_templates').values(row)
      .onConflict((conflict) => conflict.columns(['workspace_id', 'kind', 'locale']).doUpdateSet({ subject: row.subject, text_body: row.text_body, updated_at: row.updated_at }))
      .execute();
  }

  async deleteTemplate(workspaceId: string, kind: EmailKind, locale: Locale): Promise<boolean> {
    const result = await this.db.deleteFrom('email_templates').where('workspace_id', '=', workspaceId).where('kind', '=', kind).where('locale', '=', locale).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async getSettings(workspaceId: string): Promise<EmailSettings | undefined> {
    const row = await this.db.selectFrom('email_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
    return row && { workspaceId: row.workspace_id, updateIntervalHours: row.update_interval_hours, updatedAt: row.updated_at };
  }

  async putSettings(settings: EmailSettings): Promise<void> {
    const row = { workspace_id: settings.workspaceId, update_interval_hours: settings.updateIntervalHours, updated_at: settings.updatedAt };
    await this.db.insertInto('email_settings').values(row)
      .onConflict((conflict) => conflict.column('workspace_id').doUpdateSet({ update_interval_hours: row.update_interval_hours, updated_at: row.updated_at }))
      .execute();
  }
}

function messageRow(message: EmailMessage): Insertable<EmailMessageTable> {
  return {
    id: message.id, workspace_id: message.workspaceId, ticket_id: message.ticketId, kind: message.kind, recipient: message.recipient,
    recipient_kind: message.recipientKind, locale: message.locale, subject: message.subject, text_body: message.text, html_body: message.html,
    message_id: message.messageId, in_reply_to: message.inReplyTo, reference_ids: message.references.join(' '), unsubscribe_url: message.unsubscribeUrl,
    status: message.status, attempts: message.attempts, next_attempt_at: message.nextAttemptAt, last_error: message.lastError,
    dedupe_key: message.dedupeKey, created_at: message.createdAt, sent_at: message.sentAt,
  };
}

function toMessage(row: Selectable<EmailMessageTable>): EmailMessage {
  return {
    id: row.id, workspaceId: row.workspace_id, ticketId: row.ticket_id, kind: row.kind as EmailKind, recipient: row.recipient,
    recipientKind: row.recipient_kind as RecipientKind, locale: row.locale as Locale, subject: row.subject, text: row.text_body, html: row.html_body,
    messageId: row.message_id, inReplyTo: row.in_reply_to, references: row.reference_ids ? row.reference_ids.split(' ') : [],
    unsubscribeUrl: row.unsubscribe_url, status: row.status as EmailStatus, attempts: row.attempts, nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error, dedupeKey: row.dedupe_key, createdAt: row.created_at, sentAt: row.sent_at,
  };
}

function toTemplate(row: Selectable<EmailTemplateTable>): EmailTemplate {
  return { workspaceId: row.workspace_id, kind: row.kind as EmailKind, locale: row.locale as Locale, subject: row.subject, text: row.text_body, updatedAt: row.updated_at };
}
