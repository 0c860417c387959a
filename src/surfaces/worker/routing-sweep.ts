import type { MailSettings } from '../../commands/email/mail-settings.js';
import { idleAgentsBesideWaitingWork } from '../../commands/routing/pull-for-idle.js';
import { pullWork } from '../../commands/routing/pull-work.js';
import type { RoutingContext } from '../../commands/routing/routing-context.js';
import type { RoutingRuntime } from '../../commands/routing/routing-runtime.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Store, StoreTx } from '../../domain/store/store.js';
import { systemContext } from '../runtime.js';
import type { WorkerTask } from './worker.js';

/**
 * Every few seconds, in each workspace where work waits, agents with room pull it, each in a
 * short transaction of its own: no ticket waits long beside an agent freed by another node
 * (whose release this node did not see) or by a process that does not route.
 */
export function routingSweep(store: Store, routing: RoutingRuntime, clock: Clock, ids: IdGenerator, mail?: MailSettings): WorkerTask {
  return {
    name: 'routing',
    everyMs: 2000,
    async run() {
      const lines: string[] = [];
      for (const workspace of await store.read((tx) => tx.workspaces.list())) {
        const context = (tx: StoreTx): RoutingContext => ({ ...systemContext(tx, workspace.id, ids, clock), routing, mail });
        let placed = 0;
        for (const agentId of await store.transaction((tx) => idleAgentsBesideWaitingWork(context(tx)))) {
          placed += (await store.transaction((tx) => pullWork(context(tx), agentId))).length;
        }
        if (placed > 0) lines.push(`${workspace.slug}: ${placed} waiting ticket(s) placed with agents who had room`);
      }
      return lines.length > 0 ? lines.join('; ') : null;
    },
  };
}
