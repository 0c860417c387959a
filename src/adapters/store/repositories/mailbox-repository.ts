import type { Kysely, Selectable } from 'kysely';
import type { AfterImport, Mailbox, MailboxTls } from '../../../domain/inbound/mailbox.js';
import type { MailboxMessageRecord, MailboxRepository } from '../../../domain/store/mailbox-store.js';
import type { MailboxTable } from '../mailbox-schema.js';
import type { Database } from '../schema.js';

/** Mailboxes and the messages taken from them. */
export class KyselyMailboxRepository implements MailboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(workspaceId: string): Promise<Mailbox[]> {
    const rows = await this.db.selectFrom('mailboxes').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
    return rows.map(mailboxOf);
  }

  async get(workspaceId: string, id: string): Promise<Mailbox | undefined> {
    const row = await this.db.selectFrom('mailboxes').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && mailboxOf(row);
  }

  async insert(mailbox: Mailbox): Promise<void> {
    await this.db.insertInto('mailboxes').values({
      id: mailbox.id, workspace_id: mailbox.workspaceId, address: mailbox.address, host: mailbox.host, port: mailbox.port, tls: mailbox.tls,
      username: mailbox.username, password: mailbox.password, folder: mailbox.folder, after_import: mailbox.afterImport, move_to: mailbox.moveTo,
      uid_validity: mailbox.uidValidity, last_uid: mailbox.lastUid, lease_owner: null, lease_until: 0,
      last_success_at: mailbox.lastSuccessAt, last_error: mailbox.lastError, last_error_at: mailbox.lastErrorAt,
      created_at: mailbox.createdAt, updated_at: mailbox.updatedAt,
    }).execute();
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const owned = await this.db.selectFrom('mailboxes').select('id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!owned) return false;
    await this.db.deleteFrom('mailbox_messages').where('mailbox_id', '=', id).execute();
    await this.db.deleteFrom('mailboxes').where('id', '=', id).execute();
    return true;
  }

  async claim(owner: string, now: number, leaseUntil: number): Promise<Mailbox[]> {
    // One UPDATE decides per row: a node that loses the race for a row sees the winner's lease and skips it.
    const rows = await this.db.updateTable('mailboxes').set({ lease_owner: owner, lease_until: leaseUntil })
      .where((eb) => eb.or([eb('lease_until', '<=', now), eb('lease_owner', '=', owner)]))
      .returningAll().execute();
    return rows.map(mailboxOf);
  }

  async release(owner: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('mailboxes').set({ lease_owner: null, lease_until: 0 })
      .where('lease_owner', '=', owner).where('id', 'in', [...ids]).execute();
  }

  async recordStatus(id: string, status: { lastSuccessAt?: number; lastError: string | null; lastErrorAt: number | null }): Promise<void> {
    await this.db.updateTable('mailboxes').set({
      ...(status.lastSuccessAt === undefined ? {} : { last_success_at: status.lastSuccessAt }),
      last_error: status.lastError, last_error_at: status.lastErrorAt,
    }).where('id', '=', id).execute();
  }

  async advance(id: string, uidValidity: number, lastUid: number): Promise<void> {
    await this.db.updateTable('mailboxes').set({ uid_validity: uidValidity, last_uid: lastUid })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('uid_validity', 'is', null), eb('uid_validity', '!=', uidValidity), eb('last_uid', '<', lastUid)]))
      .execute();
  }

  async isTaken(mailboxId: string, uidValidity: number, uid: number): Promise<boolean> {
    const row = await this.db.selectFrom('mailbox_messages').select('uid')
      .where('mailbox_id', '=', mailboxId).where('uid_validity', '=', uidValidity).where('uid', '=', uid).executeTakeFirst();
    return row !== undefined;
  }

  async recordTaken(record: MailboxMessageRecord): Promise<void> {
    await this.db.insertInto('mailbox_messages').values({
      mailbox_id: record.mailboxId, uid_validity: record.uidValidity, uid: record.uid,
      message_id: record.messageId, ticket_id: record.ticketId, at: record.at,
    }).execute();
  }
}

function mailboxOf(row: Selectable<MailboxTable>): Mailbox {
  return {
    id: row.id, workspaceId: row.workspace_id, address: row.address, host: row.host, port: Number(row.port), tls: row.tls as MailboxTls,
    username: row.username, password: row.password, folder: row.folder, afterImport: row.after_import as AfterImport, moveTo: row.move_to,
    uidValidity: row.uid_validity === null ? null : Number(row.uid_validity), lastUid: Number(row.last_uid),
    lastSuccessAt: row.last_success_at, lastError: row.last_error, lastErrorAt: row.last_error_at,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}
