import { isSessionLive, type SessionLifetimes } from '../../domain/auth/session-policy.js';
import { updateAgentCommand } from '../agent-commands.js';
import type { CommandContext } from '../context.js';

/**
 * Presence follows the person: signing in brings their offline agent online (away or busy stay
 * as the agent set them), and once their last session in the workspace ends the agent goes
 * offline, which returns their unstarted work to routing as any presence change does.
 */
export async function presenceAfterSignIn(ctx: CommandContext, agentId: string): Promise<void> {
  const agent = await ctx.tx.agents.get(ctx.workspaceId, agentId);
  if (agent && agent.removedAt === null && agent.status === 'offline') await updateAgentCommand(ctx, agentId, { status: 'available' });
}

/** See `presenceAfterSignIn`: offline when none of the person's sessions in the workspace is left. */
export async function presenceAfterSignOut(ctx: CommandContext, userId: string, agentId: string, lifetimes: SessionLifetimes): Promise<void> {
  const now = ctx.clock.now();
  const sessions = await ctx.tx.sessions.listLive(userId, now);
  if (sessions.some((session) => session.workspaceId === ctx.workspaceId && isSessionLive(session, lifetimes, now))) return;
  const agent = await ctx.tx.agents.get(ctx.workspaceId, agentId);
  if (agent && agent.removedAt === null && agent.status !== 'offline') await updateAgentCommand(ctx, agentId, { status: 'offline' });
}
