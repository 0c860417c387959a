import type { Command } from 'commander';
import { sharedCatalogue } from '../../../adapters/i18n/load-catalogue.js';
import { listEmailTemplates, resetEmailTemplateCommand, setEmailTemplateCommand } from '../../../commands/email/email-template-commands.js';
import { EMAIL_KINDS, type EmailKind } from '../../../domain/email/email-message.js';
import { isLocale, LOCALES, type Locale } from '../../../domain/i18n/locales.js';
import { presentTemplateEntry } from '../../wire/email/email-presenter.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { usageError } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

function kindAndLocale(kind: string, locale: string): [EmailKind, Locale] {
  if (!(EMAIL_KINDS as readonly string[]).includes(kind)) usageError(`Unknown kind "${kind}"; use one of ${EMAIL_KINDS.join(', ')}.`);
  if (!isLocale(locale)) usageError(`Unknown locale "${locale}"; use one of ${LOCALES.join(', ')}.`);
  return [kind as EmailKind, locale];
}

/** `switchboard email templates list|set|reset`: the workspace's own wording of its mails. */
export function registerEmailTemplates(email: Command): void {
  const templates = email.command('templates').description('list, set and reset the workspace\'s mail templates');

  workspaceSubcommand(templates, 'list')
    .description('every kind of mail in every language, marking the ones the workspace words itself')
    .action((flags: DatabaseFlags & { json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const entries = (await store.read((tx) => listEmailTemplates({ tx, workspaceId }, sharedCatalogue()))).map(presentTemplateEntry);
      if (flags.json) return printJson({ data: entries });
      for (const e of entries) console.log(`${e.kind}  ${e.locale}  ${e.override ? 'own' : 'default'}  ${(e.override ?? e.default).subject}`);
    }));

  workspaceSubcommand(templates, 'set')
    .description('use the workspace\'s own subject and text for one kind in one language')
    .argument('<kind>', EMAIL_KINDS.join('|')).argument('<locale>', LOCALES.join('|'))
    .requiredOption('--subject <text>', 'the subject, with {variables}')
    .requiredOption('--text <text>', 'the body, with {variables}')
    .action((kind: string, locale: string, flags: DatabaseFlags & { subject: string; text: string; json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const [k, l] = kindAndLocale(kind, locale);
      await store.transaction((tx) => setEmailTemplateCommand(context(tx), k, l, { subject: flags.subject, text: flags.text })).catch(reportDomainError);
      console.log(`Saved the ${k} mail in ${l}.`);
    }));

  workspaceSubcommand(templates, 'reset')
    .description('go back to the default wording of one kind in one language')
    .argument('<kind>', EMAIL_KINDS.join('|')).argument('<locale>', LOCALES.join('|'))
    .action((kind: string, locale: string, flags: DatabaseFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const [k, l] = kindAndLocale(kind, locale);
      const removed = await store.transaction((tx) => resetEmailTemplateCommand(context(tx), k, l));
      console.log(removed ? `The ${k} mail in ${l} is back to the default.` : `The ${k} mail in ${l} already used the default.`);
    }));
}
