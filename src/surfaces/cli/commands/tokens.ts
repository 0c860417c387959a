import type { Command } from 'commander';
import { revokeTokenCommand } from '../../../commands/workspace-commands.js';
import { presentToken } from '../../wire/tokens/token-presenter.js';
import { systemClock } from '../../runtime.js';
import { formatTable } from '../evaluation-table.js';
import { printJson } from '../print-json.js';
import { refusedAsUsage } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

type Flags = DatabaseFlags & { json?: boolean };

/** `switchboard token list|revoke`: the workspace's tokens (never their secrets), and ending one. */
export function registerTokenAdmin(token: Command): void {
  workspaceSubcommand(token, 'list')
    .description('list the API tokens (name, role, agent, created, revoked)')
    .action((flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const tokens = (await store.read((tx) => tx.tokens.list(workspaceId))).map(presentToken);
      if (flags.json) return printJson({ data: tokens });
      console.log(formatTable(['id', 'name', 'role', 'agent', 'created', 'revoked'],
        tokens.map((t) => [t.id, t.name, t.role, t.agent_id ?? '', t.created_at ?? '', t.revoked_at ?? '']), true));
    }));
  workspaceSubcommand(token, 'revoke')
    .description('revoke a token: it stops working at once on this node, within seconds on others')
    .argument('<id>', 'the token id (see token list)')
    .action((id: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      await store.transaction((tx) => revokeTokenCommand({ ...context(tx), clock: systemClock }, id)).catch(refusedAsUsage);
      if (flags.json) return printJson({ id, revoked: true });
      console.log(`Token ${id} revoked.`);
    }));
}
