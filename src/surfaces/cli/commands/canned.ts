import type { Command } from 'commander';
import {
  createCannedResponseCommand, deleteCannedResponseCommand, loadCannedResponse, updateCannedResponseCommand,
} from '../../../commands/automation/canned-response-commands.js';
import type { CannedResponse } from '../../../domain/automation/automation.js';
import { presentCannedResponse } from '../../wire/workflows/workflow-presenter.js';
import { CannedResponseBody, CannedResponsePatch } from '../../wire/workflows/workflow-schemas.js';
import { formatTable } from '../evaluation-table.js';
import { checkedBody } from '../json-file.js';
import { printJson } from '../print-json.js';
import { refusedAsUsage, usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

type Flags = DatabaseFlags & { json?: boolean };
type TextFlags = Flags & { name?: string; body?: string };
function printCanned(canned: CannedResponse, json: boolean | undefined): void {
  const shown = presentCannedResponse(canned);
  if (json) return printJson(shown);
  console.log(`${shown.id}  ${shown.name}  (version ${shown.version}, updated ${shown.updated_at})\n\n${shown.body}`);
}

/** `switchboard canned list|show|create|update|remove`: canned responses, as /v1/canned-responses. */
export function registerCanned(program: Command): void {
  const canned = program.command('canned').description('canned responses: replies and notes with {{ticket.title}}-style variables');
  workspaceSubcommand(canned, 'list')
    .description('every canned response')
    .action((flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const all = (await store.read((tx) => tx.workflow.cannedResponses.list(workspaceId))).map(presentCannedResponse);
      if (flags.json) return printJson({ data: all });
      console.log(formatTable(['id', 'name', 'version', 'updated', 'body'],
        all.map((c) => [c.id, c.name, String(c.version), c.updated_at, c.body.replace(/\s+/g, ' ').slice(0, 50)]), true));
    }));
  workspaceSubcommand(canned, 'show')
    .description('one canned response, its body in full')
    .argument('<id>', 'the canned response id')
    .action((id: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const canned = await store.read((tx) => loadCannedResponse({ tx, workspaceId }, id)).catch(refusedAsUsage);
      printCanned(canned, flags.json);
    }));
  workspaceSubcommand(canned, 'create')
    .description('save a canned response; an unknown {{variable}} is refused with its position')
    .requiredOption('--name <name>', 'what agents pick it by')
    .requiredOption('--body <text>', 'the text, with {{ticket.…}} variables')
    .action((flags: TextFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const input = checkedBody<{ name: string; body: string }>({ name: flags.name, body: flags.body }, CannedResponseBody);
      const canned = await store.transaction((tx) => createCannedResponseCommand(context(tx), input)).catch(refusedAsUsage);
      printCanned(canned, flags.json);
    }));
  workspaceSubcommand(canned, 'update')
    .description('change a canned response\'s name or body')
    .argument('<id>', 'the canned response id')
    .option('--name <name>', 'the new name')
    .option('--body <text>', 'the new text')
    .action((id: string, flags: TextFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const given = Object.fromEntries(Object.entries({ name: flags.name, body: flags.body }).filter(([, text]) => text !== undefined));
      if (Object.keys(given).length === 0) usageError('Give --name, --body or both.');
      const patch = checkedBody<{ name?: string; body?: string }>(given, CannedResponsePatch);
      const canned = await store.transaction((tx) => updateCannedResponseCommand(context(tx), id, patch)).catch(refusedAsUsage);
      printCanned(canned, flags.json);
    }));
  workspaceSubcommand(canned, 'remove')
    .description('delete a canned response; automations naming it record a failure when they run')
    .argument('<id>', 'the canned response id')
    .action((id: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      await store.transaction((tx) => deleteCannedResponseCommand(context(tx), id)).catch(refusedAsUsage);
      if (flags.json) return printJson({ id, removed: true });
      console.log(`Canned response ${id} removed.`);
    }));
}
