import type { Command } from 'commander';
import { createTokenCommand, createWorkspaceCommand } from '../../../commands/workspace-commands.js';
import { DomainError } from '../../../domain/errors.js';
import { SYSTEM_ACTOR } from '../../../domain/shared/actor.js';
import { secretCodec } from '../../http/auth.js';
import { openConfiguredStore, systemClock, systemContext, systemIds } from '../../runtime.js';
import { configFrom, withDatabaseOptions } from '../options.js';
import { printJson } from '../print-json.js';

/** `switchboard workspace create`: a new tenant with its first admin token; returns `workspace` for its other sub-commands. */
export function registerWorkspaceCreate(program: Command): Command {
  const workspace = program.command('workspace').alias('workspaces').description('manage workspaces (tenants)');
  withDatabaseOptions(workspace.command('create'))
    .description('create a workspace and print its first admin token')
    .requiredOption('--slug <slug>', 'short name: lower-case letters, digits, dashes')
    .option('--name <name>', 'display name')
    .option('--json', 'print the workspace and its token as JSON')
    .action(async (flags: { slug: string; name?: string; json?: boolean; db?: string; databaseUrl?: string; databaseSchema?: string }) => {
      const store = await openConfiguredStore(configFrom({ db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema }));
      const ids = systemIds();
      try {
        const { created, secret } = await store.transaction(async (tx) => {
          const created = await createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids, tx }, { slug: flags.slug, name: flags.name ?? flags.slug });
          const issued = await createTokenCommand(systemContext(tx, created.id, ids), secretCodec, { name: 'first admin', role: 'admin' });
          return { created, secret: issued.secret };
        });
        if (flags.json) return printJson({ id: created.id, slug: created.slug, name: created.name, admin_token: secret });
        console.log(`Workspace ${flags.slug} created. Admin token (shown once): ${secret}`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        console.error(error.message);
        process.exitCode = 2;
      } finally {
        await store.close();
      }
    });
  return workspace;
}
