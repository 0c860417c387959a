import { approvalTimers } from './approval/approval-timers.js';
import type { CommandContext } from './context.js';
import { routingTimers } from './routing/routing-timers.js';
import type { TimerHandler } from './scheduling/timer-handler.js';
import { slaTimers } from './sla/fire-sla-timer.js';
import { sessionTimers } from './users/session-timers.js';
import type { Timer } from '../domain/scheduling/timer.js';

/** Every feature's timers; a kind belongs to one feature. */
const HANDLERS: readonly TimerHandler[] = [routingTimers, slaTimers, approvalTimers, sessionTimers];

/**
 * Fires one due timer inside the caller's transaction, with the handler its feature registered
 * for its kind; the caller marks it fired in the same transaction. A kind nobody registered (a
 * timer armed by a newer version of Switchboard) is reported and marked fired, not retried forever.
 */
export async function fireTimerCommand(ctx: CommandContext, timer: Timer): Promise<string> {
  const handler = HANDLERS.find((candidate) => candidate.kinds.has(timer.kind));
  return handler ? handler.fire(ctx, timer) : `${timer.kind} ${timer.id}: no feature handles this kind of timer`;
}
