import { randomBytes } from 'node:crypto';
import type { CommandContext } from '../context.js';

/**
 * A workspace's signing key of this name, made on first use and kept in the database so every
 * node of a deployment signs and checks the same way. Each use (links, form challenges) has its own.
 */
export async function workspaceKey(ctx: Pick<CommandContext, 'workspaceId' | 'clock' | 'tx'>, name: string): Promise<Buffer> {
  const secret = await ctx.tx.secrets.getOrCreate(ctx.workspaceId, name, randomBytes(32).toString('base64url'), ctx.clock.now());
  return Buffer.from(secret, 'base64url');
}
