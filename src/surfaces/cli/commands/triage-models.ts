import type { Command } from 'commander';
import { presentTriageModel } from '../../wire/triage/triage-presenter.js';
import { printJson } from '../print-json.js';
import { TRIAGE_CLI_ACTOR, triageSubcommand } from '../triage-text-options.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

/** `switchboard triage models`: the stored models, newest first (as GET /v1/triage/models). */
export function registerTriageModels(triage: Command): void {
  triageSubcommand(triage, 'models')
    .description('list the stored triage models, newest first; the newest of each kind is in use')
    .action((flags: DatabaseFlags & { json?: boolean }) => inWorkspace(flags, TRIAGE_CLI_ACTOR, async ({ store, workspaceId }) => {
      const models = (await store.read((tx) => tx.triage.list(workspaceId))).map(presentTriageModel);
      if (flags.json) return printJson({ data: models });
      if (models.length === 0) console.log('No triage model yet.');
      for (const m of models) {
        console.log(`${m.kind} v${m.version}  ${m.created_at}  ${m.data_size} tickets, ${m.classes.length} classes, held-out accuracy ${(m.held_out.accuracy * 100).toFixed(1)}%`);
      }
    }));
}
