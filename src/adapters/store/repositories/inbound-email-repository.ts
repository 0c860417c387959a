import type { Kysely } from 'kysely';
import type { InboundMessageRecord, InboundOutcome } from '../../../domain/inbound/inbound-email.js';
import type { InboundEmailRepository } from '../../../domain/store/inbound-store.js';
import type { WorkspaceSecretRepository } from '../../../domain/store/intake-store.js';
import type { Database } from '../schema.js';

/** Inbound Message-IDs, one row per workspace and id. */
export class KyselyInboundEmailRepository implements InboundEmailRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(workspaceId: string, messageIds: readonly string[]): Promise<InboundMessageRecord[]> {
    if (messageIds.length === 0) return [];
    const rows = await this.db.selectFrom('inbound_emails').selectAll()
      .where('workspace_id', '=', workspaceId).where('message_id', 'in', [...messageIds]).execute();
    return rows.map((row) => ({
      workspaceId: row.workspace_id,
      messageId: row.message_id,
      ticketId: row.ticket_id,
      outcome: row.outcome as InboundOutcome,
      createdAt: row.created_at,
    }));
  }

  async insert(record: InboundMessageRecord): Promise<void> {
    await this.db.insertInto('inbound_emails').values({
      workspace_id: record.workspaceId,
      message_id: record.messageId,
      ticket_id: record.ticketId,
      outcome: record.outcome,
      created_at: record.createdAt,
    }).execute();
  }
}

/** Signing secrets, one row per workspace and name. */
export class KyselyWorkspaceSecretRepository implements WorkspaceSecretRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async getOrCreate(workspaceId: string, name: string, candidate: string, now: number): Promise<string> {
    await this.db.insertInto('workspace_secrets')
      .values({ workspace_id: workspaceId, name, secret: candidate, created_at: now })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'name']).doNothing())
      .execute();
    const row = await this.db.selectFrom('workspace_secrets').select('secret')
      .where('workspace_id', '=', workspaceId).where('name', '=', name).executeTakeFirstOrThrow();
    return row.secret;
  }
}
