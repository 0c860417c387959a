import { fail } from '../../domain/errors.js';
import { signLink, verifyLink, type LinkClaims, type LinkPurpose } from '../../domain/portal/signed-link.js';
import type { CommandContext } from '../context.js';
import { workspaceKey } from './workspace-keys.js';

/** How long a requester's link stays good when the workspace does not say otherwise: 90 days. */
export const DEFAULT_LINK_TTL_MS = 90 * 24 * 3600 * 1000;

const SECRET_NAME = 'requester_links';

const linkKey = (ctx: Pick<CommandContext, 'workspaceId' | 'clock' | 'tx'>) => workspaceKey(ctx, SECRET_NAME);

/** Signs requester links with the workspace's key, read once however many links are made (a mail makes two). */
export async function requesterLinkSigner(
  ctx: Pick<CommandContext, 'workspaceId' | 'clock' | 'tx'>, ttlMs = DEFAULT_LINK_TTL_MS,
): Promise<(purpose: LinkPurpose, subject: string) => string> {
  const key = await linkKey(ctx);
  return (purpose, subject) => signLink(key, { purpose, subject, expiresAt: ctx.clock.now() + ttlMs });
}

/** A signed token for a requester: a ticket's status page, or an address's unsubscribe. */
export async function mintRequesterLink(
  ctx: Pick<CommandContext, 'workspaceId' | 'clock' | 'tx'>, purpose: LinkPurpose, subject: string, ttlMs = DEFAULT_LINK_TTL_MS,
): Promise<string> {
  return (await requesterLinkSigner(ctx, ttlMs))(purpose, subject);
}

/** The claims of a link made by this workspace for this purpose; `link_invalid` or `link_expired` otherwise. */
export async function checkRequesterLink(
  ctx: Pick<CommandContext, 'workspaceId' | 'clock' | 'tx'>, purpose: LinkPurpose, token: string,
): Promise<LinkClaims> {
  const check = verifyLink(await linkKey(ctx), token, purpose, ctx.clock.now());
  if (check.ok) return check.claims;
  throw check.reason === 'expired' ? fail('link_expired') : fail('link_invalid');
}
