import type { Command } from 'commander';
import { registerTriageDuplicates } from './triage-duplicates.js';
import { registerTriageEval } from './triage-eval.js';
import { registerTriageMerge } from './triage-merge.js';
import { registerTriageModels } from './triage-models.js';
import { registerTriagePrefill } from './triage-prefill.js';
import { registerTriageSummary } from './triage-summary.js';
import { registerTriageTrain } from './triage-train.js';

/** `switchboard triage train|eval|models|prefill|summary|duplicates|merge`: AI triage from the command line. */
export function registerTriage(program: Command): void {
  const triage = program.command('triage').description('train and evaluate the ticket classifier; prefill, summaries, duplicates, merging');
  registerTriageTrain(triage);
  registerTriageEval(triage);
  registerTriageModels(triage);
  registerTriagePrefill(triage);
  registerTriageSummary(triage);
  registerTriageDuplicates(triage);
  registerTriageMerge(triage);
}
