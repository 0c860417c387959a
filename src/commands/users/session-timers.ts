import { isSessionLive } from '../../domain/auth/session-policy.js';
import type { Session } from '../../domain/auth/user.js';
import type { Timer } from '../../domain/scheduling/timer.js';
import type { CommandContext } from '../context.js';
import type { TimerHandler } from '../scheduling/timer-handler.js';
import { presenceAfterSignOut } from './presence.js';

const SESSION_IDLE = 'session_idle';

type ArmContext = Pick<CommandContext, 'tx' | 'ids' | 'workspaceId'>;

/**
 * Arms the check of an agent's session for when it would go idle (or reach its absolute end,
 * if sooner). Not about a ticket: the timer's ticket is empty, its ref says whose session it is.
 */
export async function armSessionIdleTimer(ctx: ArmContext, session: Session, agentId: string, idleMs: number): Promise<void> {
  await ctx.tx.timers.insert({
    id: ctx.ids.next('tmr'), workspaceId: ctx.workspaceId, kind: SESSION_IDLE, ticketId: '',
    ref: [session.userId, session.id, agentId, idleMs].join(' '), dueAt: Math.min(session.lastSeenAt + idleMs, session.expiresAt), firedAt: null,
  });
}

/**
 * A session still in use is checked again when it could next go idle; once it has ended (idle,
 * past its end, or signed out) the agent goes offline through the same presence command as
 * signing out, unless another of their sessions in the workspace is live, and their unstarted
 * work returns to routing.
 */
export async function fireSessionIdleTimerCommand(ctx: CommandContext, timer: Timer): Promise<string> {
  const [userId = '', sessionId = '', agentId = '', idle = ''] = timer.ref.split(' ');
  const lifetimes = { idleMs: Number(idle), absoluteMs: Number.POSITIVE_INFINITY };
  const now = ctx.clock.now();
  const session = (await ctx.tx.sessions.listLive(userId, now)).find((candidate) => candidate.id === sessionId);
  if (session && isSessionLive(session, lifetimes, now)) {
    await armSessionIdleTimer(ctx, session, agentId, lifetimes.idleMs);
    return `session ${sessionId} still in use`;
  }
  await presenceAfterSignOut(ctx, userId, agentId, lifetimes);
  return `session ${sessionId} ended; presence of agent ${agentId} follows`;
}

/** Sessions' timers: the idle time-out of a signed-in agent. */
export const sessionTimers: TimerHandler = { kinds: new Set([SESSION_IDLE]), fire: fireSessionIdleTimerCommand };
