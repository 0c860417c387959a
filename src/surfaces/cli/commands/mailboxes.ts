import type { Command } from 'commander';
import { probeMailbox } from '../../../adapters/email/imap-connection.js';
import { loadMailbox, removeMailboxCommand } from '../../../commands/inbound/mailbox-commands.js';
import { presentMailbox } from '../../wire/mailboxes/mailbox-presenter.js';
import { configFrom } from '../options.js';
import { printJson } from '../print-json.js';
import { refusedAsUsage } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { registerMailboxesAdd } from './mailboxes-add.js';

/** `switchboard mailboxes add|list|test|remove`: IMAP mailboxes the server reads mail from. */
export function registerMailboxes(program: Command): void {
  const mailboxes = program.command('mailboxes').description('add, list, test and remove the IMAP mailboxes mail is read from');
  const allowPrivate = () => configFrom({}).mailboxAllowPrivate;

  registerMailboxesAdd(mailboxes, allowPrivate);

  workspaceSubcommand(mailboxes, 'list')
    .description('list the mailboxes with the last success and the last error of their readers')
    .action((flags: DatabaseFlags & { json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const listed = (await store.read((tx) => tx.mailboxes.list(workspaceId))).map(presentMailbox);
      if (flags.json) return printJson({ data: listed });
      if (listed.length === 0) console.log('No mailboxes.');
      for (const m of listed) {
        const after = m.after_import === 'move' ? `move to ${m.move_to}` : 'mark seen';
        const status = m.status.last_error ? `error: ${m.status.last_error}` : m.status.last_success_at ? `read ${m.status.last_success_at}` : 'not read yet';
        console.log(`${m.id}  ${m.address}  ${m.username}@${m.host}:${m.port} (${m.tls})  ${m.folder}  ${after}  ${status}`);
      }
    }));

  workspaceSubcommand(mailboxes, 'test')
    .description('sign in to a mailbox and look at its folder, changing nothing')
    .argument('<id>', 'the mailbox')
    .action((id: string, flags: DatabaseFlags & { json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const mailbox = await store.read((tx) => loadMailbox({ tx, workspaceId }, id)).catch(refusedAsUsage);
      const probe = await probeMailbox(mailbox, allowPrivate());
      if (flags.json) printJson(probe);
      else console.log(probe.ok ? `OK: ${probe.messages} message(s) in ${mailbox.folder}.` : `Failed: ${probe.error}`);
      if (!probe.ok) process.exitCode = 1;
    }));

  workspaceSubcommand(mailboxes, 'remove')
    .description('stop reading a mailbox (tickets made from its mail stay)')
    .argument('<id>', 'the mailbox')
    .action((id: string, flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      await store.transaction((tx) => removeMailboxCommand(context(tx), id)).catch(refusedAsUsage);
      console.log(`Removed mailbox ${id}.`);
    }));
}
