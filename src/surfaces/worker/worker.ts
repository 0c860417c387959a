import type { Clock } from '../../domain/shared/clock.js';
import type { Store } from '../../domain/store/store.js';
import { IDEMPOTENCY_RETENTION_MS } from '../http/idempotency.js';

export interface WorkerLogger {
  info(message: string): void;
  error(error: unknown, message: string): void;
}

export interface WorkerTask {
  name: string;
  everyMs: number;
  run(): Promise<string | null>;
}

/** Forgets idempotency keys once they are past their retention. */
export function idempotencySweep(store: Store, clock: Clock): WorkerTask {
  return {
    name: 'idempotency-sweep',
    everyMs: 10 * 60 * 1000,
    async run() {
      const removed = await store.transaction((tx) => tx.idempotency.deleteOlderThan(clock.now() - IDEMPOTENCY_RETENTION_MS));
      return removed > 0 ? `removed ${removed} expired idempotency keys` : null;
    },
  };
}

/** Refreshes the planner's statistics every hour, so plans keep up with tables that grow. */
export function statisticsSweep(store: Store): WorkerTask {
  return {
    name: 'statistics',
    everyMs: 60 * 60 * 1000,
    async run() {
      await store.refreshStatistics();
      return null;
    },
  };
}

/**
 * Runs background tasks on their intervals, one run of a task at a time; a failing run is
 * logged and retried at the next tick. `stop()` waits for runs in progress.
 */
export class Worker {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly tasks: readonly WorkerTask[],
    private readonly log: WorkerLogger,
  ) {}

  start(): void {
    for (const task of this.tasks) {
      let busy = false;
      const tick = () => {
        if (busy) return;
        busy = true;
        const run = task.run()
          .then((message) => { if (message) this.log.info(`${task.name}: ${message}`); })
          .catch((error: unknown) => this.log.error(error, `${task.name} failed`))
          .finally(() => { busy = false; this.running.delete(run); });
        this.running.add(run);
      };
      const timer = setInterval(tick, task.everyMs);
      timer.unref();
      this.timers.push(timer);
      tick();
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.running);
  }
}
