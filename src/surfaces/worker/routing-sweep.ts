import type { MailSettings } from '../../commands/email/mail-settings.js';
import { idleAgentsBesideWaitingWork } from '../../commands/routing/pull-for-idle.js';
import { pullWork } from '../../commands/routing/pull-work.js';
import type { RoutingContext } from '../../commands/routing/routing-context.js';
import type { RoutingRuntime } from '../../commands/routing/routing-runtime.js';
import { DomainError } from '../../domain/errors.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Store, StoreTx } from '../../domain/store/store.js';
import { systemContext } from '../runtime.js';
import type { WorkerTask } from './worker.js';

/** Pulls for one agent tried again after losing a race for a ticket to another node. */
const PULL_ATTEMPTS = 3;

/**
 * Every few seconds, in each workspace where work waits, agents with room pull it, each in a
 * short transaction of its own: no ticket waits long beside an agent freed by another node
 * (whose release this node did not see) or by a process that does not route. One agent's
 * failure does not keep the others from pulling; the failures are thrown together at the end.
 */
export function routingSweep(store: Store, routing: RoutingRuntime, clock: Clock, ids: IdGenerator, mail?: MailSettings): WorkerTask {
  return {
    name: 'routing',
    everyMs: 2000,
    async run() {
      const lines: string[] = [];
      const failures: unknown[] = [];
      for (const workspace of await store.read((tx) => tx.workspaces.list())) {
        const context = (tx: StoreTx): RoutingContext => ({ ...systemContext(tx, workspace.id, ids, clock), routing, mail });
        let placed = 0;
        for (const agentId of await store.transaction((tx) => idleAgentsBesideWaitingWork(context(tx)))) {
          try {
            placed += await pullFor(store, context, agentId);
          } catch (error) {
            failures.push(error);
          }
        }
        if (placed > 0) lines.push(`${workspace.slug}: ${placed} waiting ticket(s) placed with agents who had room`);
      }
      if (failures.length > 0) throw new AggregateError(failures, `${failures.length} agent(s) could not pull; ${lines.join('; ') || 'nothing placed'}`);
      return lines.length > 0 ? lines.join('; ') : null;
    },
  };
}

/**
 * The agent's pull in a transaction of its own, tried again when another node changed the
 * ticket it chose (each try reads the queue afresh): how many tickets it placed.
 */
async function pullFor(store: Store, context: (tx: StoreTx) => RoutingContext, agentId: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await store.transaction((tx) => pullWork(context(tx), agentId))).length;
    } catch (error) {
      const lostRace = error instanceof DomainError && error.code === 'version_conflict';
      if (!lostRace || attempt >= PULL_ATTEMPTS) throw error;
    }
  }
}
