import type { Command } from 'commander';
import { batchDispatchCommand } from '../../../commands/dispatch/batch-dispatch-command.js';
import { DomainError } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { presentDispatch } from '../../wire/dispatch/dispatch-presenter.js';
import { withDatabaseOptions } from '../options.js';
import { exitTwoOnUsageError } from '../usage-error.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { printJson } from '../print-json.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli dispatch' };

interface DispatchFlags extends DatabaseFlags {
  queue?: string;
  team?: string;
  apply?: boolean;
  json?: boolean;
}

/** `switchboard dispatch`: plans (and with --apply, carries out) a batch field dispatch. */
export function registerDispatch(program: Command): void {
  exitTwoOnUsageError(withDatabaseOptions(program.command('dispatch')))
    .description('assign waiting work orders to technicians as one optimisation (least travel plus skill mismatch)')
    .option('--workspace <slug>', WORKSPACE_HELP)
    .option('--queue <queue>', 'only the work orders waiting in this queue')
    .option('--team <team>', 'only technicians of this team')
    .option('--apply', 'carry the plan out (default: only show it)')
    .option('--json', 'print the plan as JSON')
    .action((flags: DispatchFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const outcome = await store.transaction((tx) =>
        batchDispatchCommand(context(tx), { queue: flags.queue, team: flags.team, apply: flags.apply === true }),
      ).catch((error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        console.error(error.message);
        process.exit(1);
      });
      const shown = presentDispatch(outcome);
      if (flags.json) return printJson(shown);
      console.table(shown.assignments);
      for (const u of shown.unassigned) console.log(`not assigned: ${u.ticket_id} (${u.reason})`);
      console.log(`optimal: ${shown.assigned} assigned, total cost ${shown.total_cost}; greedy: ${shown.greedy.assigned} assigned, total cost ${shown.greedy.total_cost}`);
      if (shown.applied) console.log(`applied: ${shown.applied.filter((r) => r.status === 'assigned').length} of ${shown.applied.length}`);
    }));
}
