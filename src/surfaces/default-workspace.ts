import type { StoreTx } from '../domain/store/store.js';
import type { Workspace } from '../domain/workspace/workspace.js';

export const DEFAULT_WORKSPACE_SLUG = 'default';

/** The workspace meant when none is named, or why there is none to pick. */
export type WorkspaceChoice = { workspace: Workspace } | { problem: string; missing: boolean };

/**
 * The workspace `slug` names; without one, the only workspace there is, else the one named
 * `default`. A database with several workspaces and none of them `default` needs a name.
 */
export async function chooseWorkspace(tx: Pick<StoreTx, 'workspaces'>, slug: string | null): Promise<WorkspaceChoice> {
  if (slug) {
    const named = await tx.workspaces.getBySlug(slug);
    return named ? { workspace: named } : { problem: `No workspace "${slug}".`, missing: true };
  }
  const all = await tx.workspaces.list();
  if (all.length === 1) return { workspace: all[0]! };
  const fallback = all.find((workspace) => workspace.slug === DEFAULT_WORKSPACE_SLUG);
  if (fallback) return { workspace: fallback };
  if (all.length === 0) return { problem: 'There is no workspace yet.', missing: true };
  const slugs = all.map((workspace) => workspace.slug).sort().join(', ');
  return { problem: `There are several workspaces (${slugs}): name one with --workspace or SWITCHBOARD_WORKSPACE.`, missing: false };
}
