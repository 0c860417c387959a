import type { Command } from 'commander';
import { dryRunCommand } from '../../../commands/routing/dry-run.js';
import { rollbackPolicyCommand, savePolicyCommand } from '../../../commands/routing/policy-commands.js';
import { expressionEnvironment } from '../../../domain/expression/environment.js';
import { EDITOR_SCOPES } from '../../wire/expressions/expression-scopes.js';
import type { PolicyDocument } from '../../../domain/routing/policy.js';
import { customFieldUses } from '../../../domain/ticket/ticket-type.js';
import type { TicketDraft } from '../../../domain/ticket/ticket.js';
import { presentDryRun, presentPolicy } from '../../wire/routing/routing-presenter.js';
import { draftFromBody } from '../../wire/tickets/ticket-input.js';
import { PolicyBody } from '../../wire/routing/routing-schemas.js';
import { TicketCreateBody } from '../../wire/tickets/ticket-schemas.js';
import { withDatabaseOptions } from '../options.js';
import { readChecked, reportDomainError } from '../json-file.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { CLI_ACTOR } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { printJson } from '../print-json.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

/** `switchboard policy show|set|versions|rollback|dry-run|fields`: the routing policy from the command line. */
export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('show, change, roll back and try the routing policy');
  const sub = (name: string) => exitTwoOnUsageError(withDatabaseOptions(policy.command(name))).option('--workspace <slug>', WORKSPACE_HELP);

  sub('show').description('print the policy in force').action((flags: DatabaseFlags) =>
    inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const saved = await store.read((tx) => tx.policies.current(workspaceId));
      if (!saved) usageError('This workspace has no routing policy yet.');
      printJson(presentPolicy(saved));
    }));

  sub('versions').description('list every saved version').action((flags: DatabaseFlags) =>
    inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      for (const saved of await store.read((tx) => tx.policies.list(workspaceId))) {
        console.log(`${saved.version}\t${new Date(saved.createdAt).toISOString()}\t${saved.createdBy ?? ''}${saved.restoredFrom ? `\trestored ${saved.restoredFrom}` : ''}`);
      }
    }));

  sub('set').description('check a policy file and make it the policy in force').argument('<file>', 'policy JSON')
    .action((file: string, flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const document = readChecked<PolicyDocument>(file, PolicyBody);
      const saved = await store.transaction((tx) => savePolicyCommand(context(tx), document)).catch(reportDomainError);
      console.log(`Saved as version ${saved.version}.`);
    }));

  sub('rollback').description('make an earlier version the policy in force again').argument('<version>', 'version number')
    .action((version: string, flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      if (!/^\d+$/.test(version)) usageError('The version is a whole number.');
      const saved = await store.transaction((tx) => rollbackPolicyCommand(context(tx), Number(version))).catch(reportDomainError);
      console.log(`Version ${version} restored as version ${saved.version}.`);
    }));

  sub('dry-run').description('where would this ticket go, and why? (changes nothing)').argument('<ticket>', 'ticket JSON as for POST /v1/tickets')
    .option('--policy <file>', 'try this policy instead of the one in force')
    .action((file: string, flags: DatabaseFlags & { policy?: string }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const draft: TicketDraft = draftFromBody(readChecked(file, TicketCreateBody));
      const document = flags.policy ? readChecked<PolicyDocument>(flags.policy, PolicyBody) : undefined;
      const decision = await store.read((tx) => dryRunCommand(context(tx), draft, document)).catch(reportDomainError);
      printJson(presentDryRun(decision));
    }));

  sub('fields').description('print the fields, custom fields and functions expressions may use').action((flags: DatabaseFlags) =>
    inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) =>
      printJson(expressionEnvironment(EDITOR_SCOPES, customFieldUses(await store.read((tx) => tx.ticketTypes.list(workspaceId)))))));
}
