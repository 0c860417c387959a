import type { Command } from 'commander';
import { needsWorkspace, prepareScenarioCommand, resolveScenario } from '../../../commands/simulation/prepare-scenario.js';
import { runReplicationsOnThreads } from '../../../adapters/simulation/simulation-thread.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { MAX_REPLICATIONS, withReplications } from '../../../domain/simulator/replications.js';
import { EVENTS_PER_SLICE, simulateScenario } from '../../../domain/simulator/run-scenario.js';
import type { ScenarioDocument } from '../../../domain/simulator/scenario.js';
import type { SimulationResult } from '../../../domain/simulator/simulation-result.js';
import { scenarioFromBody } from '../../wire/simulation/simulation-input.js';
import { ScenarioBody } from '../../wire/simulation/simulation-schemas.js';
import { readChecked, reportDomainError } from '../json-file.js';
import { withDatabaseOptions } from '../options.js';
import { progressBar } from '../progress-bar.js';
import { simulationTable } from '../simulation-table.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { registerSimulateCalibrate } from './simulate-calibrate.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli simulate' };

interface SimulateFlags extends DatabaseFlags {
  scenario?: string;
  json?: boolean;
  replications: string;
}

/** `switchboard simulate --scenario FILE`: runs a scenario on the live routing engine and prints the figures per policy. */
export function registerSimulate(program: Command): void {
  const simulate = exitTwoOnUsageError(withDatabaseOptions(program.command('simulate')));
  registerSimulateCalibrate(simulate);
  simulate
    .description('run a simulation scenario (docs/simulator.md) and print its figures per policy')
    .option('--scenario <file>', 'scenario JSON')
    .option('--workspace <slug>', `${WORKSPACE_HELP}; its policy in force is "current"`)
    .option('--json', 'print the result as one JSON object')
    .option('--replications <n>', `independent runs on seeds seed, seed + 1, … on worker threads, with a 95 % confidence interval per figure (1 to ${MAX_REPLICATIONS})`, '1')
    .action(async (flags: SimulateFlags) => {
      if (!flags.scenario) usageError('Give --scenario FILE (or a subcommand: calibrate).');
      const replications = Number(flags.replications);
      if (!Number.isInteger(replications) || replications < 1 || replications > MAX_REPLICATIONS) usageError(`--replications must be a whole number from 1 to ${MAX_REPLICATIONS}.`);
      const input = scenarioFromBody(readChecked(flags.scenario!, ScenarioBody));
      const scenario = needsWorkspace(input)
        ? await inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => store.read((tx) => prepareScenarioCommand(context(tx), input)).catch(reportDomainError))
        : (() => { try { return resolveScenario(input, { current: null, history: null }); } catch (error) { return reportDomainError(error); } })();
      const result = replications === 1
        ? await run(scenario as ScenarioDocument)
        : withReplications(await runReplicationsOnThreads(scenario as ScenarioDocument, replications, new AbortController().signal));
      console.log(flags.json ? JSON.stringify(result, null, 2) : simulationTable(result));
    });
}

/** Runs slice by slice, letting the progress bar draw (and Ctrl-C stop the run) between slices. */
async function run(scenario: ScenarioDocument): Promise<SimulationResult> {
  const bar = progressBar('Simulating', process.stderr, 'events');
  const steps = simulateScenario(scenario);
  let slices = 0;
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      bar.update(next.value.done, ++slices * EVENTS_PER_SLICE);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    bar.stop();
  }
}
