import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadTemplateFile, templateNames } from '../../../adapters/templates/template-files.js';
import { applyTemplateCommand, previewTemplateCommand } from '../../../commands/templates/apply-template.js';
import { exportTemplateCommand } from '../../../commands/templates/export-template.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { readTemplate } from '../../templates/read-template.js';
import { presentDiff, presentTemplateCard, writeTemplate } from '../../templates/write-template.js';
import { reportDomainError } from '../json-file.js';
import { withDatabaseOptions } from '../options.js';
import { diffLines, templateSource } from '../template-source.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { printJson } from '../print-json.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli template' };

interface ApplyFlags extends DatabaseFlags {
  replace?: boolean;
  yes?: boolean;
  json?: boolean;
}

/** `switchboard template list|show|export|diff|apply`: workflow templates from the command line. */
export function registerTemplate(program: Command): void {
  const template = program.command('template').description('list, show, export, compare and apply workflow templates (docs/templates.md)');
  const sub = (name: string) => exitTwoOnUsageError(template.command(name));
  const inDatabase = (name: string) => exitTwoOnUsageError(withDatabaseOptions(template.command(name))).option('--workspace <slug>', WORKSPACE_HELP);

  sub('list').description('the shipped templates').option('--json', 'print the gallery as JSON').action((flags: { json?: boolean }) => {
    const cardOf = (name: string) => presentTemplateCard(name, readTemplate(loadTemplateFile(name)).plan);
    const cards = templateNames().map(cardOf);
    if (flags.json) printJson(cards);
    else for (const card of cards) console.log(`${card.name}\t${card.version}\t${card.title}`);
  });

  sub('show').description('print a shipped template\'s bundle').argument('<name>').action((name: string) => {
    try {
      printJson(loadTemplateFile(name));
    } catch (error) {
      reportDomainError(error);
    }
  });

  inDatabase('export').description('print the workspace\'s settings as a template bundle').option('--out <file>', 'write the bundle to this file')
    .option('--scenario', 'only the simulator scenario a template brought, as `switchboard simulate --scenario` takes it')
    .action((flags: DatabaseFlags & { out?: string; scenario?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const bundle = writeTemplate(await store.read((tx) => exportTemplateCommand({ tx, workspaceId })));
      if (flags.scenario && !bundle.scenario) usageError('This workspace has no scenario: apply a template that brings one.');
      const written = flags.scenario ? bundle.scenario : bundle;
      if (flags.out) {
        writeFileSync(flags.out, `${JSON.stringify(written, null, 2)}\n`);
        console.log(`Exported to ${flags.out}.`);
      } else printJson(written);
    }));

  inDatabase('diff').description('what applying a template (file or shipped name) would change; changes nothing').argument('<file-or-name>')
    .option('--replace', 'also remove what the template leaves out').option('--json', 'print the diff as JSON')
    .action((source: string, flags: ApplyFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const read = templateSource(source);
      const diff = await store.read((tx) => previewTemplateCommand(context(tx), read, { replace: flags.replace })).catch(reportDomainError);
      if (flags.json) printJson(presentDiff(diff));
      else console.log(diffLines(diff).join('\n'));
    }));

  inDatabase('apply').description('apply a template (file or shipped name) in one transaction').argument('<file-or-name>')
    .option('--replace', 'also remove what the template leaves out').option('--yes', 'apply without asking: print the diff and apply it').option('--json', 'print the applied diff as JSON')
    .action((source: string, flags: ApplyFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const read = templateSource(source);
      if (!flags.yes) {
        const diff = await store.read((tx) => previewTemplateCommand(context(tx), read, { replace: flags.replace })).catch(reportDomainError);
        console.log([...diffLines(diff), 'Nothing was applied: run again with --yes to apply these changes.'].join('\n'));
        return;
      }
      const diff = await store.transaction((tx) => applyTemplateCommand(context(tx), read, { replace: flags.replace })).catch(reportDomainError);
      if (flags.json) printJson(presentDiff(diff));
      else console.log([...diffLines(diff), `Applied ${read.plan.meta.name} ${read.plan.meta.version}.`].join('\n'));
    }));
}
