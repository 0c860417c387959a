import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AccountMail, AccountMailPurpose } from '../../../domain/email/account-mail.js';
import type { EmailStatus } from '../../../domain/email/email-message.js';
import type { AccountMailRepository } from '../../../domain/store/account-mail-store.js';
import type { EmailOutcome } from '../../../domain/store/email-store.js';
import type { StoreCapabilities } from '../../../domain/store/store.js';
import type { AccountMailTable } from '../email-schema.js';
import type { Database } from '../schema.js';

/** The account-mail outbox; claims skip rows other nodes hold where the backend can, fenced by the attempt count. */
export class KyselyAccountMailRepository implements AccountMailRepository {
  constructor(private readonly db: Kysely<Database>, private readonly capabilities: StoreCapabilities) {}

  async insert(mail: AccountMail): Promise<void> {
    await this.db.insertInto('account_mails').values(toRow(mail)).execute();
  }

  async claimDue(now: number, leaseUntil: number, limit: number): Promise<AccountMail[]> {
    let due = this.db.selectFrom('account_mails').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit);
    if (this.capabilities.supportsSkipLocked) due = due.forUpdate().skipLocked();
    const claimed: AccountMail[] = [];
    for (const row of await due.execute()) {
      const result = await this.db.updateTable('account_mails').set({ attempts: row.attempts + 1, next_attempt_at: leaseUntil })
        .where('id', '=', row.id).where('status', '=', 'pending').where('attempts', '=', row.attempts).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) claimed.push({ ...toMail(row), attempts: row.attempts + 1, nextAttemptAt: leaseUntil });
    }
    return claimed;
  }

  async finishAttempt(mail: AccountMail, outcome: EmailOutcome): Promise<boolean> {
    const result = await this.db.updateTable('account_mails')
      .set({ status: outcome.status, next_attempt_at: outcome.nextAttemptAt, last_error: outcome.lastError, sent_at: outcome.sentAt })
      .where('id', '=', mail.id).where('status', '=', 'pending').where('attempts', '=', mail.attempts).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function toRow(mail: AccountMail): Insertable<AccountMailTable> {
  return {
    id: mail.id, workspace_id: mail.workspaceId, user_id: mail.userId, purpose: mail.purpose, recipient: mail.recipient,
    subject: mail.subject, text_body: mail.text, html_body: mail.html, status: mail.status, attempts: mail.attempts,
    next_attempt_at: mail.nextAttemptAt, last_error: mail.lastError, created_at: mail.createdAt, sent_at: mail.sentAt,
  };
}

function toMail(row: Selectable<AccountMailTable>): AccountMail {
  return {
    id: row.id, workspaceId: row.workspace_id, userId: row.user_id, purpose: row.purpose as AccountMailPurpose, recipient: row.recipient,
    subject: row.subject, text: row.text_body, html: row.html_body, status: row.status as EmailStatus, attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at, lastError: row.last_error, createdAt: row.created_at, sentAt: row.sent_at,
  };
}
