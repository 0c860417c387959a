import type { Command } from 'commander';
import { createTokenCommand } from '../../../commands/workspace-commands.js';
import { ROLES, type Role } from '../../../domain/auth/roles.js';
import { secretCodec } from '../../http/auth.js';
import { openConfiguredStore, systemContext, systemIds } from '../../runtime.js';
import { configFrom, withDatabaseOptions } from '../options.js';
import { WORKSPACE_HELP, resolveWorkspace } from '../workspace-option.js';

/** `switchboard token create`: issues an API token and prints its secret once; returns `token` for its other sub-commands. */
export function registerTokenCreate(program: Command): Command {
  const token = program.command('token').alias('tokens').description('manage API tokens');
  withDatabaseOptions(token.command('create'))
    .description('issue an API token (its secret is printed once)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--agent <id>', 'the agent this token acts as (for agent tokens)')
    .option('--workspace <slug>', WORKSPACE_HELP)
    .action(async (flags: { role: string; name: string; agent?: string; workspace?: string; db?: string; databaseUrl?: string; databaseSchema?: string }) => {
      if (!(ROLES as readonly string[]).includes(flags.role)) {
        console.error(`--role must be one of ${ROLES.join(', ')}.`);
        process.exit(2);
      }
      const store = await openConfiguredStore(configFrom({ db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema }));
      try {
        const workspace = await resolveWorkspace(store, flags.workspace);
        const ids = systemIds();
        const issued = await store.transaction((tx) =>
          createTokenCommand(systemContext(tx, workspace.id, ids), secretCodec, { name: flags.name, role: flags.role as Role, agentId: flags.agent }));
        console.log(issued.secret);
      } finally {
        await store.close();
      }
    });
  return token;
}
