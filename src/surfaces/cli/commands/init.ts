import type { Command } from 'commander';
import { applyTemplateCommand } from '../../../commands/templates/apply-template.js';
import { createTokenCommand, createWorkspaceCommand } from '../../../commands/workspace-commands.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { secretCodec } from '../../http/auth.js';
import { openConfiguredStore, systemClock, systemContext, systemIds } from '../../runtime.js';
import { sectionCounts } from '../../templates/write-template.js';
import { reportDomainError } from '../json-file.js';
import { configFrom, withDatabaseOptions } from '../options.js';
import { templateSource } from '../template-source.js';
import { exitTwoOnUsageError } from '../usage-error.js';
import { WORKSPACE_HELP, namedWorkspace } from '../workspace-option.js';
import { DEFAULT_WORKSPACE_SLUG } from '../../default-workspace.js';

const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli init' };

interface InitFlags {
  template: string;
  workspace?: string;
  name?: string;
  db?: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

/**
 * `switchboard init --template NAME`: a working workspace for a common case in one step. The
 * workspace is created when it does not exist yet, in the same transaction as the template, so a
 * refused template leaves no half-made workspace behind.
 */
export function registerInit(program: Command): void {
  exitTwoOnUsageError(withDatabaseOptions(program.command('init')))
    .description('set up a workspace from a workflow template (creating the workspace if needed)')
    .requiredOption('--template <file-or-name>', 'a shipped template (switchboard template list) or a bundle file')
    .option('--workspace <slug>', WORKSPACE_HELP)
    .option('--name <name>', 'display name of a workspace created now')
    .action(async (flags: InitFlags) => {
      const read = templateSource(flags.template);
      // init may create the workspace, so it names one rather than guessing among those there are.
      const slug = namedWorkspace(flags.workspace) ?? DEFAULT_WORKSPACE_SLUG;
      const store = await openConfiguredStore(configFrom({ db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema }));
      const ids = systemIds();
      try {
        const { secret } = await store.transaction(async (tx) => {
          let workspace = await tx.workspaces.getBySlug(slug);
          let token: string | null = null;
          if (!workspace) {
            workspace = await createWorkspaceCommand({ actor: CLI_ACTOR, clock: systemClock, ids, tx }, { slug, name: flags.name ?? slug });
            token = (await createTokenCommand(systemContext(tx, workspace.id, ids), secretCodec, { name: 'first admin', role: 'admin' })).secret;
          }
          await applyTemplateCommand(systemContext(tx, workspace.id, ids, systemClock, CLI_ACTOR), read);
          return { secret: token };
        }).catch(reportDomainError);
        const { meta } = read.plan;
        const counts = Object.entries(sectionCounts(read.plan)).filter(([, n]) => n > 0).map(([section, n]) => `${n} ${section.replace(/_/g, ' ')}`);
        console.log(`Workspace ${slug} set up from ${meta.name} ${meta.version} (${meta.title}): ${counts.join(', ')}.`);
        if (secret) console.log(`Workspace ${slug} created. Admin token (shown once): ${secret}`);
        if (read.plan.scenario) {
          console.log(`See how it performs: switchboard template export --scenario --out scenario.json --workspace ${slug} && switchboard simulate --scenario scenario.json --workspace ${slug}`);
        }
      } finally {
        await store.close();
      }
    });
}
