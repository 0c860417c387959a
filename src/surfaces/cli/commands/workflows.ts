import type { Command } from 'commander';
import { createAutomationCommand } from '../../../commands/automation/automation-commands.js';
import { escalationConfigCommand, saveEscalationConfigCommand } from '../../../commands/escalation/escalation-config-commands.js';
import type { AutomationDocument } from '../../../domain/automation/automation.js';
import type { EscalationDocument } from '../../../domain/escalation/escalation-config.js';
import { presentEscalationConfig } from '../../wire/workflows/workflow-presenter.js';
import { AutomationBody, EscalationConfigBody } from '../../wire/workflows/workflow-schemas.js';
import { systemClock, systemIds } from '../../runtime.js';
import { workflowSweep } from '../../worker/workflow-sweep.js';
import { RoutingRuntime } from '../../../commands/routing/routing-runtime.js';
import { readChecked, reportDomainError } from '../json-file.js';
import { withDatabaseOptions } from '../options.js';
import { exitTwoOnUsageError } from '../usage-error.js';
import { CLI_ACTOR } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { printJson } from '../print-json.js';
import { registerAutomationChanges } from './automations-manage.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

/**
 * `switchboard escalation show|set FILE` and `switchboard automations list|add FILE|run`: the
 * escalation config and automations from the command line, with the API's checks (the rest of
 * `automations` in automations-manage.ts).
 */
export function registerWorkflows(program: Command): void {
  const escalation = program.command('escalation').description('show and change the escalation config (levels, risks, checks, triggers)');
  const escalationSub = (name: string) => exitTwoOnUsageError(withDatabaseOptions(escalation.command(name))).option('--workspace <slug>', WORKSPACE_HELP);

  escalationSub('show').description('print the escalation config in force').action((flags: DatabaseFlags) =>
    inWorkspace(flags, CLI_ACTOR, async ({ store, context }) =>
      printJson(presentEscalationConfig(await store.read((tx) => escalationConfigCommand(context(tx)))))));

  escalationSub('set').description('check an escalation config file and put it in force').argument('<file>', 'escalation config JSON')
    .action((file: string, flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const document = readChecked<EscalationDocument>(file, EscalationConfigBody);
      const saved = await store.transaction((tx) => saveEscalationConfigCommand(context(tx), document)).catch(reportDomainError);
      console.log(`Saved as version ${saved.version}.`);
    }));

  const automations = program.command('automations').description('list, add, change, remove and try automations, and run the scheduled ones now');
  const automationSub = (name: string) => exitTwoOnUsageError(withDatabaseOptions(automations.command(name))).option('--workspace <slug>', WORKSPACE_HELP);

  automationSub('add').description('check an automation file and save it').argument('<file>', 'automation JSON')
    .action((file: string, flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const { version: _version, ...document } = readChecked<AutomationDocument & { version?: number }>(file, AutomationBody);
      const saved = await store.transaction((tx) => createAutomationCommand(context(tx), document)).catch(reportDomainError);
      console.log(`Saved as ${saved.id}.`);
    }));

  automationSub('run').description('run the worker\'s workflow sweep once, for every workspace: SLA reactions, scheduled triggers and automations')
    .action((flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store }) => {
      const outcome = await workflowSweep(store, new RoutingRuntime(), systemClock, systemIds()).run();
      console.log(outcome ?? 'Nothing to do.');
    }));
  registerAutomationChanges(automations);
}
