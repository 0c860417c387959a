import type { Timer } from '../../domain/scheduling/timer.js';
import type { CommandContext } from '../context.js';

/**
 * What firing a feature's timers does: registered by each feature for the kinds it arms (see
 * src/commands/timers.ts). Runs inside the caller's transaction, which marks the timer fired; a
 * timer whose situation has moved on does nothing, so firing late or twice is harmless.
 */
export interface TimerHandler {
  readonly kinds: ReadonlySet<string>;
  fire(ctx: CommandContext, timer: Timer): Promise<string>;
}
