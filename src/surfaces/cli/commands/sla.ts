import type { Static } from 'typebox';
import type { Command } from 'commander';
import { createBusinessHoursCommand, replaceBusinessHoursCommand } from '../../../commands/sla/business-hours-commands.js';
import { replaceAllSlaPoliciesCommand } from '../../../commands/sla/sla-policy-commands.js';
import { presentBusinessHours, presentSlaPolicy } from '../../wire/sla/sla-presenter.js';
import { businessHoursFromBody, slaPolicyFromBody } from '../../wire/sla/sla-input.js';
import { BusinessHoursBody, SlaPoliciesFile } from '../../wire/sla/sla-schemas.js';
import { readChecked, reportDomainError } from '../json-file.js';
import { withDatabaseOptions } from '../options.js';
import { exitTwoOnUsageError } from '../usage-error.js';
import { CLI_ACTOR } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { printJson } from '../print-json.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

/** `switchboard sla list|set|hours`: SLA policies and business hours from the command line. */
export function registerSla(program: Command): void {
  const sla = program.command('sla').description('show and change SLA policies and business hours');
  const sub = (name: string) => exitTwoOnUsageError(withDatabaseOptions(sla.command(name))).option('--workspace <slug>', WORKSPACE_HELP);

  sub('list').description('print the business hours and the SLA policies in the order they are tried').action((flags: DatabaseFlags) =>
    inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const [hours, policies] = await store.read(async (tx) => [await tx.businessHours.list(workspaceId), await tx.slaPolicies.list(workspaceId)] as const);
      printJson({
        business_hours: hours.map(presentBusinessHours), policies: policies.map(presentSlaPolicy),
      });
    }));

  sub('set').description('check a file {"policies": [...]} and make it the SLA policies, in its order').argument('<file>', 'policies JSON')
    .action((file: string, flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const body = readChecked<Static<typeof SlaPoliciesFile>>(file, SlaPoliciesFile);
      const documents = body.policies.map(({ version: _ignored, ...policy }) => slaPolicyFromBody(policy));
      const saved = await store.transaction((tx) => replaceAllSlaPoliciesCommand(context(tx), documents)).catch(reportDomainError);
      console.log(`Saved ${saved.length} SLA ${saved.length === 1 ? 'policy' : 'policies'}.`);
    }));

  sub('hours').description('add business hours from a file, or replace them with --id').argument('<file>', 'business hours JSON, as for POST /v1/business-hours')
    .option('--id <id>', 'the business hours to replace')
    .action((file: string, flags: DatabaseFlags & { id?: string }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const { version, ...rest } = readChecked<Static<typeof BusinessHoursBody>>(file, BusinessHoursBody);
      const document = businessHoursFromBody(rest);
      const saved = await store.transaction((tx) => (flags.id
        ? replaceBusinessHoursCommand(context(tx), flags.id, document, version)
        : createBusinessHoursCommand(context(tx), document))).catch(reportDomainError);
      console.log(`Saved business hours ${saved.id} (version ${saved.version}).`);
    }));
}
