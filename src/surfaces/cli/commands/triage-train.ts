import type { Command } from 'commander';
import { trainTriageCommand } from '../../../commands/triage/train-triage.js';
import { DomainError } from '../../../domain/errors.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { presentTraining } from '../../wire/triage/triage-presenter.js';
import { systemClock, systemIds } from '../../runtime.js';
import { configFrom, withDatabaseOptions } from '../options.js';
import { progressBar } from '../progress-bar.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { printJson } from '../print-json.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli triage' };

interface TrainFlags extends DatabaseFlags {
  seed?: string;
  json?: boolean;
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** `switchboard triage train`: trains the workspace's models; a refusal exits 1 with its reason, misuse 2. */
export function registerTriageTrain(triage: Command): void {
  exitTwoOnUsageError(withDatabaseOptions(triage.command('train')))
    .description("train the category and priority models on the workspace's resolved tickets")
    .option('--workspace <slug>', WORKSPACE_HELP)
    .option('--seed <n>', 'makes the training repeatable')
    .option('--json', 'print the new models as JSON')
    .action((flags: TrainFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const seed = flags.seed === undefined ? undefined : Number(flags.seed);
      if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0)) usageError(`--seed must be a whole number; got "${flags.seed}".`);
      const progress = progressBar('training');
      const context = { actor: CLI_ACTOR, workspaceId, clock: systemClock, ids: systemIds() };
      const keepVersions = configFrom({}).triageKeepVersions;
      const outcome = await trainTriageCommand(store, context, { seed, keepVersions, onProgress: (done, examples) => progress.update(done, examples) })
        .catch((error: unknown) => {
          progress.stop();
          if (!(error instanceof DomainError)) throw error;
          console.error(error.message);
          if (error.details !== undefined) console.error(JSON.stringify(error.details));
          process.exit(1);
        });
      progress.stop();
      const shown = presentTraining(outcome);
      if (flags.json) return printJson(shown);
      for (const warning of shown.warnings) console.error(`warning: ${warning}`);
      if (shown.pruned > 0) console.error(`Removed ${shown.pruned} stored model(s) of old versions.`);
      for (const m of shown.models) {
        const e = m.held_out;
        console.log(`${m.kind} model v${m.version}: ${m.data_size} tickets, ${m.classes.length} classes; held out ${e.examples}: accuracy ${pct(e.accuracy)}, macro-F1 ${pct(e.macro_f1)}, ECE ${e.expected_calibration_error.toFixed(3)}`);
        const r = m.recent_month;
        if (r) console.log(`  most recent month (${r.from.slice(0, 10)} to ${r.to.slice(0, 10)}), learnt from the tickets before it: ${r.examples} tickets, accuracy ${pct(r.accuracy)}, macro-F1 ${pct(r.macro_f1)}`);
      }
    }));
}
