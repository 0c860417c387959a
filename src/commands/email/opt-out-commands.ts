import type { CommandContext } from '../context.js';
import { checkRequesterLink } from '../portal/requester-links.js';
import { recordEvent } from '../record-event.js';

/** What an unsubscribe link did, and for which address. */
export interface OptOutResult {
  address: string;
  /** False when the address was already in that state (the link was used twice). */
  changed: boolean;
}

/**
 * Stops a requester's notification mail with their signed unsubscribe link (idempotent); later
 * mails to the address are kept in the outbox as `suppressed`, not sent.
 */
export async function unsubscribeCommand(ctx: CommandContext, token: string): Promise<OptOutResult> {
  const { subject: address } = await checkRequesterLink(ctx, 'unsubscribe', token);
  const changed = await ctx.tx.emails.optOut(ctx.workspaceId, address, ctx.clock.now());
  if (changed) await recordEvent(ctx, { entityKind: 'workspace', entityId: ctx.workspaceId, type: 'email.unsubscribed', data: { address } });
  return { address, changed };
}

/** Undoes an unsubscribe with the same link, for a requester who clicked it by mistake. */
export async function resubscribeCommand(ctx: CommandContext, token: string): Promise<OptOutResult> {
  const { subject: address } = await checkRequesterLink(ctx, 'unsubscribe', token);
  const changed = await ctx.tx.emails.optIn(ctx.workspaceId, address);
  if (changed) await recordEvent(ctx, { entityKind: 'workspace', entityId: ctx.workspaceId, type: 'email.resubscribed', data: { address } });
  return { address, changed };
}
