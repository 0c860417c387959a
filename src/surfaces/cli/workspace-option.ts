import type { Store } from '../../domain/store/store.js';
import type { Workspace } from '../../domain/workspace/workspace.js';
import { chooseWorkspace } from '../default-workspace.js';
import { configFrom } from './options.js';

/** Help of `--workspace <slug>`, which has no fixed default: `resolveWorkspace` picks one. */
export const WORKSPACE_HELP = 'workspace slug (default: SWITCHBOARD_WORKSPACE, else the only workspace, else "default")';

/** The slug a command names or the environment sets, before any database is asked. */
export function namedWorkspace(slug: string | undefined): string | null {
  return slug ?? configFrom({}).workspace;
}

/** The workspace a `--workspace <slug>` flag (or its default) names, or exit with a message saying why there is none. */
export async function resolveWorkspace(store: Store, slug: string | undefined): Promise<Workspace> {
  const wanted = namedWorkspace(slug);
  const choice = await store.read((tx) => chooseWorkspace(tx, wanted));
  if ('problem' in choice) {
    const create = `switchboard workspace create --slug ${wanted ?? 'SLUG'}`;
    const hint = choice.missing ? ` Start the server once, or run \`${create}\`.` : '';
    console.error(`${choice.problem}${hint}`);
    process.exit(2);
  }
  return choice.workspace;
}
