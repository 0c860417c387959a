import type { Command } from 'commander';
import { deleteTicketTypeCommand, loadTicketType, saveTicketTypeCommand } from '../../../commands/ticket-types/ticket-type-commands.js';
import type { TicketTypeDocument } from '../../../domain/ticket/ticket-type.js';
import { presentTicketType } from '../../wire/ticket-types/ticket-type-presenter.js';
import { TicketTypeBody } from '../../wire/ticket-types/ticket-type-schemas.js';
import { readChecked, reportDomainError } from '../json-file.js';
import { withDatabaseOptions } from '../options.js';
import { exitTwoOnUsageError } from '../usage-error.js';
import { CLI_ACTOR } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { printJson } from '../print-json.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

/** `switchboard types list|show NAME|set FILE|remove NAME`: ticket types and their fields, with the API's checks. */
export function registerTicketTypes(program: Command): void {
  const types = program.command('types').description('list, show, set and remove ticket types (the fields each kind of work asks for)');
  const sub = (name: string) => exitTwoOnUsageError(withDatabaseOptions(types.command(name))).option('--workspace <slug>', WORKSPACE_HELP);

  sub('list').description('print every ticket type').action((flags: DatabaseFlags) =>
    inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) =>
      printJson((await store.read((tx) => tx.ticketTypes.list(workspaceId))).map(presentTicketType))));

  sub('show').description('print one ticket type').argument('<name>', 'type name')
    .action((name: string, flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) =>
      printJson(presentTicketType(await store.read((tx) => loadTicketType({ tx, workspaceId }, name)).catch(reportDomainError)))));

  sub('set').description('check a ticket type file and save it (created, or replaced by name)').argument('<file>', 'ticket type JSON')
    .action((file: string, flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const document = readChecked<TicketTypeDocument>(file, TicketTypeBody);
      const saved = await store.transaction((tx) => saveTicketTypeCommand(context(tx), document)).catch(reportDomainError);
      console.log(`Saved ${saved.name} as version ${saved.version}.`);
    }));

  sub('remove').description('delete a ticket type; its tickets keep their fields').argument('<name>', 'type name')
    .action((name: string, flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      await store.transaction((tx) => deleteTicketTypeCommand(context(tx), name)).catch(reportDomainError);
      console.log(`Removed ${name}.`);
    }));
}
