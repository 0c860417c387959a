import { createTokenCommand, createWorkspaceCommand } from '../commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../domain/shared/actor.js';
import type { Workspace } from '../domain/workspace/workspace.js';
import type { IdGenerator } from '../domain/shared/ids.js';
import type { Store } from '../domain/store/store.js';
import { secretCodec } from './http/auth.js';
import { systemClock, systemContext } from './runtime.js';

export const DEFAULT_WORKSPACE_SLUG = 'default';

export interface BootstrapOutcome {
  workspace: Workspace;
  /** True when this start created the workspace (a new database). */
  created: boolean;
  /** The secret of an admin token created at this start, to print once. */
  newAdminSecret: string | null;
}

/**
 * Makes sure the default workspace exists and that the configured admin token (if any) works for
 * it; on a new database without a configured token, creates one and hands its secret back once.
 */
export async function ensureDefaultWorkspace(store: Store, ids: IdGenerator, adminToken: string | null): Promise<BootstrapOutcome> {
  let created = false;
  let workspace = await store.read((tx) => tx.workspaces.getBySlug(DEFAULT_WORKSPACE_SLUG));
  if (!workspace) {
    try {
      workspace = await store.transaction((tx) =>
        createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids, tx }, { name: 'Default workspace', slug: DEFAULT_WORKSPACE_SLUG }));
      created = true;
    } catch (error) {
      // Another node created it at the same moment.
      workspace = await store.read((tx) => tx.workspaces.getBySlug(DEFAULT_WORKSPACE_SLUG));
      if (!workspace) throw error;
    }
  }
  const workspaceId = workspace.id;
  let newAdminSecret: string | null = null;
  if (adminToken) {
    const known = await store.read((tx) => tx.tokens.findByHash(secretCodec.hash(adminToken)));
    if (!known) {
      await store.transaction((tx) =>
        createTokenCommand(systemContext(tx, workspaceId, ids), secretCodec, { name: 'SWITCHBOARD_ADMIN_TOKEN', role: 'admin', secret: adminToken }))
        .catch((error: unknown) => {
          // Several nodes starting together: another one registered the same token first.
          if (!store.isUniqueViolation(error)) throw error;
        });
    }
  } else if (created) {
    const issued = await store.transaction((tx) =>
      createTokenCommand(systemContext(tx, workspaceId, ids), secretCodec, { name: 'first admin', role: 'admin' }));
    newAdminSecret = issued.secret;
  }
  return { workspace, created, newAdminSecret };
}
