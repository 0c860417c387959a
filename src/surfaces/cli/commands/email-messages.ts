import type { Command } from 'commander';
import { retryEmailCommand } from '../../../commands/email/email-delivery-commands.js';
import { loadEmailSettings, setEmailSettingsCommand } from '../../../commands/email/email-settings-commands.js';
import { MAX_UPDATE_INTERVAL_HOURS } from '../../../domain/email/email-settings.js';
import { EMAIL_STATUSES, type EmailStatus } from '../../../domain/email/email-message.js';
import { presentEmailMessage, presentEmailSettings } from '../../wire/email/email-presenter.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { wholeNumberOption } from '../triage-text-options.js';
import { usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

type MessagesFlags = DatabaseFlags & { status?: string; ticket?: string; limit: string; json?: boolean };

/** `switchboard email messages`: the newest mails of the outbox, with what became of each. */
export function registerEmailMessages(email: Command): void {
  workspaceSubcommand(email, 'messages')
    .description('show the outbound mail log, newest first')
    .option('--status <status>', `only mails in this state (${EMAIL_STATUSES.join(', ')})`)
    .option('--ticket <id>', 'only mails about this ticket')
    .option('--limit <n>', 'how many mails', '20')
    .action((flags: MessagesFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      if (flags.status !== undefined && !(EMAIL_STATUSES as readonly string[]).includes(flags.status)) {
        usageError(`--status takes one of ${EMAIL_STATUSES.join(', ')}; got "${flags.status}".`);
      }
      const limit = wholeNumberOption('limit', flags.limit, 1, 200);
      const page = await store.read((tx) => tx.emails.listMessages({ workspaceId, status: flags.status as EmailStatus | undefined, ticketId: flags.ticket, limit }));
      const messages = page.items.map(presentEmailMessage);
      if (flags.json) return printJson({ data: messages });
      if (messages.length === 0) console.log('No mails.');
      for (const m of messages) {
        console.log(`${m.id}  ${m.created_at}  ${m.kind}  ${m.recipient}  ${m.status}  ${m.attempts} attempt(s)${m.last_error ? `  ${m.last_error}` : ''}`);
      }
    }));
}

/** `switchboard email retry <id>`: puts a mail back in the outbox; the running server sends it. */
export function registerEmailRetry(email: Command): void {
  workspaceSubcommand(email, 'retry')
    .description('send a mail again with a fresh retry schedule; the running server sends it')
    .argument('<id>', 'mail id (eml_…)')
    .action((id: string, flags: DatabaseFlags & { json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const message = await store.transaction((tx) => retryEmailCommand(context(tx), id)).catch(reportDomainError);
      if (flags.json) return printJson(presentEmailMessage(message));
      console.log(`Queued ${message.id} to ${message.recipient} again.`);
    }));
}

/** `switchboard email settings [--update-every HOURS]`: how long a requester may hear nothing before a "still working" mail. */
export function registerEmailSettings(email: Command): void {
  workspaceSubcommand(email, 'settings')
    .description('show the workspace\'s mail settings, or change the periodic-update interval (0 turns it off)')
    .option('--update-every <hours>', 'hours an open ticket\'s requester may hear nothing before a "still working on it" mail')
    .action((flags: DatabaseFlags & { updateEvery?: string; json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context, workspaceId }) => {
      const settings = flags.updateEvery === undefined
        ? await store.read((tx) => loadEmailSettings({ tx, workspaceId }))
        : await store.transaction((tx) => setEmailSettingsCommand(context(tx), wholeNumberOption('update-every', flags.updateEvery!, 0, MAX_UPDATE_INTERVAL_HOURS)));
      const shown = presentEmailSettings(settings);
      if (flags.json) return printJson(shown);
      console.log(shown.update_interval_hours === 0 ? 'Periodic updates: off.' : `Periodic updates: after ${shown.update_interval_hours} h without news.`);
    }));
}
