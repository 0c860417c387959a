import type { Command } from 'commander';
import { registerTriageEval } from './triage-eval.js';
import { registerTriageTrain } from './triage-train.js';

/** `switchboard triage train|eval`: the ticket classifier from the command line. */
export function registerTriage(program: Command): void {
  const triage = program.command('triage').description('train and evaluate the ticket classifier');
  registerTriageTrain(triage);
  registerTriageEval(triage);
}
