import { RoutingRuntime } from '../../commands/routing/routing-runtime.js';
import type { RoutingContext } from '../../commands/routing/routing-context.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { StoreTx } from '../../domain/store/store.js';
import type { KyselyStore } from '../../adapters/store/kysely-store.js';
import { openConfiguredStore, systemClock, systemContext, systemIds } from '../runtime.js';
import { configFrom } from './options.js';
import { resolveWorkspace } from './workspace-option.js';

export interface DatabaseFlags {
  /** `--workspace`; left out, SWITCHBOARD_WORKSPACE or the only workspace. */
  workspace?: string;
  db?: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

/** What a CLI command that works inside one workspace needs: the store and a way to build contexts. */
export interface WorkspaceSession {
  store: KyselyStore;
  workspaceId: string;
  workspaceSlug: string;
  context(tx: StoreTx): RoutingContext;
}

/**
 * Opens the configured database, finds the `--workspace`, runs `work`, and closes the store
 * whatever happens. Commands run as the CLI actor, with routing, as the API's would.
 */
export async function inWorkspace<T>(flags: DatabaseFlags, actor: Actor, work: (session: WorkspaceSession) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore(configFrom({ db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema }));
  try {
    const workspace = await resolveWorkspace(store, flags.workspace);
    const ids = systemIds();
    const routing = new RoutingRuntime();
    const context = (tx: StoreTx): RoutingContext => {
      return { ...systemContext(tx, workspace.id, ids, systemClock, actor), routing };
    };
    return await work({ store, workspaceId: workspace.id, workspaceSlug: workspace.slug, context });
  } finally {
    await store.close();
  }
}
