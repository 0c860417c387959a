import type { Command } from 'commander';
import { checkMailboxHost } from '../../../adapters/email/imap-connection.js';
import { addMailboxCommand } from '../../../commands/inbound/mailbox-commands.js';
import { bodyValidator } from '../../http/validation.js';
import { mailboxInputFrom } from '../../wire/mailboxes/mailbox-input.js';
import { presentMailbox } from '../../wire/mailboxes/mailbox-presenter.js';
import { MailboxBody } from '../../wire/mailboxes/mailbox-schemas.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { readStdin } from '../read-stdin.js';
import { usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

interface AddFlags extends DatabaseFlags {
  address: string; host: string; port?: string; tls: string; user: string; folder?: string; moveTo?: string; json?: boolean;
}

const validMailbox = bodyValidator(MailboxBody);

/** The flags as the API's create body, checked by the same schema; the password comes from standard input. */
async function bodyFrom(flags: AddFlags) {
  const body = {
    address: flags.address, host: flags.host, tls: flags.tls, username: flags.user, password: await readStdin(),
    port: flags.port === undefined ? (flags.tls === 'implicit' ? 993 : 143) : Number(flags.port),
    ...(flags.folder === undefined ? {} : { folder: flags.folder }),
    ...(flags.moveTo === undefined ? {} : { after_import: 'move', move_to: flags.moveTo }),
  };
  const issues = validMailbox(body);
  if (issues.length > 0) usageError(issues.map((i) => `${i.path || '/'}: ${i.message}`).join('\n'));
  return mailboxInputFrom(body as Parameters<typeof mailboxInputFrom>[0]);
}

/** `switchboard mailboxes add`: checks the host as the API does, then saves the mailbox; the password comes from standard input. */
export function registerMailboxesAdd(mailboxes: Command, allowPrivate: () => boolean): void {
  workspaceSubcommand(mailboxes, 'add')
    .description('read a mailbox over IMAP; the password is read from standard input')
    .requiredOption('--address <email>', 'the address requesters write to')
    .requiredOption('--host <host>', 'the IMAP server')
    .requiredOption('--user <name>', 'the user to sign in as')
    .option('--port <n>', 'the port (default 993 with implicit TLS, else 143)')
    .option('--tls <mode>', 'implicit, starttls, or none (loopback only)', 'implicit')
    .option('--folder <name>', 'the folder to read (default INBOX)')
    .option('--move-to <folder>', 'move taken mail to this folder instead of flagging it \\Seen')
    .action((flags: AddFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const input = await bodyFrom(flags);
      const mailbox = await checkMailboxHost(input, allowPrivate())
        .then(() => store.transaction((tx) => addMailboxCommand(context(tx), input)))
        .catch(reportDomainError);
      if (flags.json) return printJson(presentMailbox(mailbox));
      console.log(`Added mailbox ${mailbox.id}: ${mailbox.username}@${mailbox.host}:${mailbox.port} ${mailbox.folder} for ${mailbox.address}.`);
    }));
}
