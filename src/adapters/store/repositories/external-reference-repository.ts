import type { Kysely } from 'kysely';
import type { ExternalReferenceRepository } from '../../../domain/store/external-reference-store.js';
import type { Database } from '../schema.js';

/** One row per imported record, keyed by workspace, source and the source's id. */
export class KyselyExternalReferenceRepository implements ExternalReferenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(workspaceId: string, source: string, externalId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('external_references').select('local_id')
      .where('workspace_id', '=', workspaceId).where('source', '=', source).where('external_id', '=', externalId).executeTakeFirst();
    return row?.local_id;
  }

  async insert(reference: { workspaceId: string; source: string; externalId: string; localId: string; at: number }): Promise<void> {
    await this.db.insertInto('external_references').values({
      workspace_id: reference.workspaceId, source: reference.source, external_id: reference.externalId,
      local_id: reference.localId, created_at: reference.at,
    }).execute();
  }
}
