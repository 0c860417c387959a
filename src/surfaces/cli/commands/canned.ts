import type { Command } from 'commander';
import {
  createCannedResponseCommand, deleteCannedResponseCommand, loadCannedResponse, updateCannedResponseCommand,
} from '../../../commands/automation/canned-response-commands.js';
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
type Shown = ReturnType<typeof presentCannedResponse>;

function printCanned(canned: Shown, json: boolean | undefined): void {
  if (json) return printJson(canned);
  console.log(`${canned.id}  ${canned.name}  (version ${canned.version}, updated ${canned.updated_at})\n\n${canned.body}`);
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
      printCanned(presentCannedResponse(await store.read((tx) => loadCannedResponse({ tx, workspaceId }, id)).catch(refusedAsUsage)), flags.json);
    }));
  workspaceSubcommand(canned, 'create')
    .description('save a canned response; an unknown {{variable}} is refused with its position')
    .requiredOption('--name <name>', 'what agents pick it by')
    .requiredOption('--body <text>', 'the text, with {{ticket.…}} variables')
    .action((flags: TextFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const input = checkedBody<{ name: string; body: string }>({ name: flags.name, body: flags.body }, CannedResponseBody);
      printCanned(presentCannedResponse(await store.transaction((tx) => createCannedResponseCommand(context(tx), input)).catch(refusedAsUsage)), flags.json);
    }));
  workspaceSubcommand(canned, 'update')
    .description('change a canned response\'s name or body')
    .argument('<id>', 'the canned response id')
    .option('--name <name>', 'the new name')
    .option('--body <text>', 'the new text')
    .action((id: string, flags: TextFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const given = Object.fromEntries(Object.entries({ name: flags.name, body: flags.body }).filter(([, value]) => value !== undefined));
      if (Object.keys(given).length === 0) usageError('Give --name, --body or both.');
      const patch = checkedBody<{ name?: string; body?: string }>(given, CannedResponsePatch);
      printCanned(presentCannedResponse(await store.transaction((tx) => updateCannedResponseCommand(context(tx), id, patch)).catch(refusedAsUsage)), flags.json);
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
