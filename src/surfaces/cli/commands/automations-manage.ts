import type { Command } from 'commander';
import {
  deleteAutomationCommand, loadAutomation, replaceAutomationCommand,
} from '../../../commands/automation/automation-commands.js';
import { dryRunAutomationCommand } from '../../../commands/automation/dry-run-automation.js';
import type { AutomationDocument } from '../../../domain/automation/automation.js';
import { presentAutomation, presentDryRun } from '../../wire/workflows/workflow-presenter.js';
import { AutomationBody, AutomationDryRunBody } from '../../wire/workflows/workflow-schemas.js';
import { formatTable } from '../evaluation-table.js';
import { checkedBody, readChecked, reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { refusedAsUsage } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

type Flags = DatabaseFlags & { json?: boolean };
type Shown = ReturnType<typeof presentAutomation>;

const trigger = (a: Shown) => a.schedule ? 'schedule' : (a.events ?? []).join(',');

/** `switchboard automations list|show|update|remove|dry-run`: the saved automations, as /v1/automations. */
export function registerAutomationChanges(automations: Command): void {
  workspaceSubcommand(automations, 'list')
    .description('every automation, in the order they run')
    .action((flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const all = (await store.read((tx) => tx.workflow.automations.list(workspaceId))).map(presentAutomation);
      if (flags.json) return printJson({ data: all });
      console.log(formatTable(['id', 'name', 'enabled', 'on', 'version', 'next run'],
        all.map((a) => [a.id, a.name, a.enabled ? 'yes' : 'no', trigger(a), String(a.version), a.next_run_at ?? '']), true));
    }));
  workspaceSubcommand(automations, 'show')
    .description('one automation as the API gives it')
    .argument('<id>', 'the automation id')
    .action((id: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) =>
      printJson(presentAutomation(await store.read((tx) => loadAutomation({ tx, workspaceId }, id)).catch(refusedAsUsage)))));
  workspaceSubcommand(automations, 'update')
    .description('replace an automation with a file shaped as PUT /v1/automations/:id (version: only if unchanged since)')
    .argument('<id>', 'the automation id')
    .argument('<file>', 'automation JSON')
    .action((id: string, file: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const { version, ...document } = readChecked<AutomationDocument & { version?: number }>(file, AutomationBody);
      const saved = presentAutomation(
        await store.transaction((tx) => replaceAutomationCommand(context(tx), id, document, version)).catch(reportDomainError));
      if (flags.json) return printJson(saved);
      console.log(`Saved ${saved.id} as version ${saved.version}.`);
    }));
  workspaceSubcommand(automations, 'remove')
    .description('delete an automation')
    .argument('<id>', 'the automation id')
    .action((id: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      await store.transaction((tx) => deleteAutomationCommand(context(tx), id)).catch(refusedAsUsage);
      if (flags.json) return printJson({ id, removed: true });
      console.log(`Automation ${id} removed.`);
    }));
  workspaceSubcommand(automations, 'dry-run')
    .description('would this automation act on this ticket now, and how? Changes nothing')
    .argument('<id>', 'the automation id')
    .requiredOption('--ticket <id>', 'the ticket to test with')
    .option('--event <type>', 'the event to test with (default: the first it listens to)')
    .action((id: string, flags: Flags & { ticket: string; event?: string }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const body = checkedBody<{ ticket_id: string; event?: string }>(
        { ticket_id: flags.ticket, ...(flags.event ? { event: flags.event } : {}) }, AutomationDryRunBody);
      const result = presentDryRun(
        await store.read((tx) => dryRunAutomationCommand(context(tx), id, body.ticket_id, body.event)).catch(refusedAsUsage));
      if (flags.json) return printJson(result);
      const verdict = result.condition.error ? `condition failed: ${result.condition.error}` : result.matched ? 'would act' : 'would not act';
      console.log(`${result.automation.name} on ${result.ticket_id} (${result.event}): ${verdict}`);
      if (result.matched) for (const action of result.actions) console.log(`  ${action.kind}: ${action.description}`);
    }));
}
