import type { Store } from '../../domain/store/store.js';
import type { Workspace } from '../../domain/workspace/workspace.js';

/** The workspace a `--workspace <slug>` flag names, or exit with a message saying none exists. */
export async function resolveWorkspace(store: Store, slug: string): Promise<Workspace> {
  const workspace = await store.read((tx) => tx.workspaces.getBySlug(slug));
  if (!workspace) {
    console.error(`No workspace "${slug}". Start the server once, or run \`switchboard workspace create --slug ${slug}\`.`);
    process.exit(2);
  }
  return workspace;
}
