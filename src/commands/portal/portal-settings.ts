import { fail } from '../../domain/errors.js';
import type { ChallengeRules } from '../../domain/portal/proof-of-work.js';
import type { Workspace } from '../../domain/workspace/workspace.js';
import type { StoreTx } from '../../domain/store/store.js';
import { DEFAULT_LINK_TTL_MS } from './requester-links.js';

/** How the public form guards itself and how long the links it hands out last. */
export interface PortalSettings {
  challenge: ChallengeRules;
  linkTtlMs: number;
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  // 16 bits: about 65,000 hashes, a second or two in a browser.
  challenge: { bits: 16, minFillMs: 3_000, maxAgeMs: 60 * 60_000 },
  linkTtlMs: DEFAULT_LINK_TTL_MS,
};

/** The workspace a portal address names by its slug; `workspace_not_found` otherwise. */
export async function portalWorkspace(tx: StoreTx, slug: string): Promise<Workspace> {
  const workspace = await tx.workspaces.getBySlug(slug);
  if (!workspace) throw fail('workspace_not_found', `No workspace is called "${slug}".`);
  return workspace;
}
