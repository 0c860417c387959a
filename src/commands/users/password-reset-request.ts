import type { StoreTx } from '../../domain/store/store.js';
import type { MailSettings } from '../email/mail-settings.js';
import { recordEvent } from '../record-event.js';
import type { CommandContext } from '../context.js';
import { queueAccountLinkMail } from './account-link-mail.js';
import { mintAccountLink } from './account-links.js';

/** Where a link's token opens on the dashboard (`accountLinkPath` of the wire). */
type LinkPath = (purpose: 'password_reset', workspaceSlug: string, token: string) => string;

/**
 * A person's own "forgot password": when `email` is an enabled member of the workspace, a reset
 * link (an hour, once) goes to the outbox for that address, and the request is audited. Otherwise
 * nothing happens; the caller answers the same either way, so the answer tells no one whether the
 * address has an account.
 */
export async function requestPasswordResetCommand(ctx: Omit<CommandContext, 'actor'>, mail: MailSettings, pathOf: LinkPath, email: string, address: string): Promise<void> {
  const user = await ctx.tx.users.findByEmail(email.trim().toLowerCase());
  const membership = user && (await ctx.tx.users.membership(ctx.workspaceId, user.id));
  if (!user || !membership || user.disabledAt !== null) return;
  const workspace = (await ctx.tx.workspaces.get(ctx.workspaceId))!;
  const own = { ...ctx, actor: { kind: 'user' as const, id: user.id, name: user.name } };
  const token = await mintAccountLink(own, user.id, 'password_reset');
  await queueAccountLinkMail(own, mail, user.id, 'password_reset', pathOf('password_reset', workspace.slug, token));
  await recordEvent(own, { entityKind: 'user', entityId: user.id, type: 'user.password_reset_requested', data: { address } });
}

/**
 * The workspace a reset request is for: the one named, else the first the address is a member of
 * (as sign-in chooses); undefined when there is none, which the caller answers like any other.
 */
export async function resetRequestWorkspace(tx: StoreTx, email: string, slug: string | undefined): Promise<string | undefined> {
  if (slug !== undefined) return (await tx.workspaces.getBySlug(slug))?.id;
  const user = await tx.users.findByEmail(email);
  return user && (await tx.users.memberships(user.id))[0]?.workspaceId;
}
