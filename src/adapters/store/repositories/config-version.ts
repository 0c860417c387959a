import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Marks the workspace's configuration as changed, in the transaction that changes it. */
export async function bumpConfigVersion(db: Kysely<Database>, workspaceId: string): Promise<void> {
  await db.updateTable('workspaces').set((eb) => ({ config_version: eb('config_version', '+', 1) })).where('id', '=', workspaceId).execute();
}
