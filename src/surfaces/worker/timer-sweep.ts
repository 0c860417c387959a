import type { RoutingContext } from '../../commands/routing/routing-context.js';
import type { RoutingRuntime } from '../../commands/routing/routing-runtime.js';
import { fireTimerCommand } from '../../commands/timers.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Store } from '../../domain/store/store.js';
import type { Timer } from '../../domain/scheduling/timer.js';
import type { WorkerTask } from './worker.js';
import type { MailSettings } from '../../commands/email/mail-settings.js';
import { systemContext } from '../runtime.js';

const BATCH = 100;

/**
 * Fires due timers, each with the handler its feature registered (src/commands/timers.ts). Each
 * timer is claimed, handled and marked fired in one transaction: with several nodes a claimed
 * timer is skipped by the others, and a crash before the commit leaves it to fire again — so each
 * fires exactly once.
 */
export function timerSweep(store: Store, routing: RoutingRuntime, clock: Clock, ids: IdGenerator, mail?: MailSettings): WorkerTask {
  return {
    name: 'timers',
    everyMs: 1000,
    async run() {
      const due = await store.read((tx) => tx.timers.due(clock.now(), BATCH));
      const outcomes: string[] = [];
      for (const timer of due) {
        // One timer that fails (and is tried again next time) must not hold up the others.
        const outcome = await fireOne(store, routing, clock, ids, timer, mail).catch((error: unknown) => `${timer.kind} ${timer.id} failed: ${(error as Error).message}`);
        if (outcome) outcomes.push(outcome);
      }
      return outcomes.length > 0 ? outcomes.join('; ') : null;
    },
  };
}

async function fireOne(store: Store, routing: RoutingRuntime, clock: Clock, ids: IdGenerator, timer: Timer, mail: MailSettings | undefined): Promise<string | null> {
  return store.transaction(async (tx) => {
    const claimed = await tx.timers.claim(timer.id);
    if (!claimed) return null;
    const ctx: RoutingContext = { ...systemContext(tx, claimed.workspaceId, ids, clock), routing, mail };
    const outcome = await fireTimerCommand(ctx, claimed);
    await tx.timers.markFired(claimed.id, clock.now());
    return `${claimed.kind} ${claimed.id}: ${outcome}`;
  });
}
