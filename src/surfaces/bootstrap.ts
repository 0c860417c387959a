import { createTokenCommand, createWorkspaceCommand } from '../commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../domain/shared/actor.js';
import type { Workspace } from '../domain/workspace/workspace.js';
import type { IdGenerator } from '../domain/shared/ids.js';
import type { Store } from '../domain/store/store.js';
import { secretCodec } from './http/auth.js';
import { systemClock, systemContext } from './runtime.js';
import { DEFAULT_WORKSPACE_SLUG, chooseWorkspace } from './default-workspace.js';

export interface BootstrapOutcome {
  /** The default workspace; null when several exist and none is named (a message says so). */
  workspace: Workspace | null;
  /** True when this start created the first workspace of an empty database (the demo may go there). */
  created: boolean;
  /** The secret of an admin token created at this start, to print once. */
  newAdminSecret: string | null;
  /** Why there is no default workspace, when there is none. */
  problem: string | null;
}

/**
 * Finds the default workspace (`slug`, else the only one, else `default`), creating it when the
 * database has none or the named one is missing, and makes sure the configured admin token (if
 * any) works for it; on a new workspace without a configured token, creates one and hands its
 * secret back once. A database that already holds workspaces gets no new `default` beside them.
 */
export async function ensureDefaultWorkspace(store: Store, ids: IdGenerator, adminToken: string | null, slug: string | null = null): Promise<BootstrapOutcome> {
  const choice = await store.read((tx) => chooseWorkspace(tx, slug));
  if (!('workspace' in choice) && !choice.missing) return { workspace: null, created: false, newAdminSecret: null, problem: choice.problem };
  const databaseWasEmpty = (await store.read((tx) => tx.workspaces.list())).length === 0;
  const found = 'workspace' in choice ? { workspace: choice.workspace, created: false } : await createWorkspace(store, ids, slug ?? DEFAULT_WORKSPACE_SLUG);
  const workspace = found.workspace;
  let newAdminSecret: string | null = null;
  if (adminToken) {
    await registerAdminToken(store, ids, workspace.id, adminToken);
  } else if (found.created) {
    const issued = await store.transaction((tx) =>
      createTokenCommand(systemContext(tx, workspace.id, ids), secretCodec, { name: 'first admin', role: 'admin' }));
    newAdminSecret = issued.secret;
  }
  return { workspace, created: found.created && databaseWasEmpty, newAdminSecret, problem: null };
}

async function createWorkspace(store: Store, ids: IdGenerator, slug: string): Promise<{ workspace: Workspace; created: boolean }> {
  const name = slug === DEFAULT_WORKSPACE_SLUG ? 'Default workspace' : slug;
  try {
    const workspace = await store.transaction((tx) =>
      createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids, tx }, { name, slug }));
    return { workspace, created: true };
  } catch (error) {
    // Another node created it at the same moment.
    const workspace = await store.read((tx) => tx.workspaces.getBySlug(slug));
    if (!workspace) throw error;
    return { workspace, created: false };
  }
}

async function registerAdminToken(store: Store, ids: IdGenerator, workspaceId: string, adminToken: string): Promise<void> {
  const known = await store.read((tx) => tx.tokens.findByHash(secretCodec.hash(adminToken)));
  if (known) return;
  await store.transaction((tx) =>
    createTokenCommand(systemContext(tx, workspaceId, ids), secretCodec, { name: 'SWITCHBOARD_ADMIN_TOKEN', role: 'admin', secret: adminToken }))
    .catch((error: unknown) => {
      // Several nodes starting together: another one registered the same token first.
      if (!store.isUniqueViolation(error)) throw error;
    });
}
