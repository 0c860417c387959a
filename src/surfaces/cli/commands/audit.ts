import type { Command } from 'commander';
import type { Actor } from '../../../domain/shared/actor.js';
import { presentEvent } from '../../wire/tickets/ticket-presenter.js';
import { withDatabaseOptions } from '../options.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'cli audit' };

interface AuditFlags extends DatabaseFlags {
  limit: string;
  json?: boolean;
}

/** `switchboard audit`: the latest changes to a workspace's set-up, who made them and when. */
export function registerAudit(program: Command): void {
  exitTwoOnUsageError(withDatabaseOptions(program.command('audit')))
    .description('print the latest changes to the workspace\'s set-up (policy, tokens, agents, SLAs, automations…), newest first')
    .option('--workspace <slug>', WORKSPACE_HELP)
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print them as JSON lines')
    .action((flags: AuditFlags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      if (!/^\d{1,4}$/.test(flags.limit) || Number(flags.limit) < 1) usageError('--limit is a whole number from 1 to 9999.');
      const page = await store.read((tx) => tx.events.listAdministrative(workspaceId, undefined, Number(flags.limit)));
      for (const event of page.items.map(presentEvent)) {
        console.log(flags.json ? JSON.stringify(event) : `${event.at}\t${event.actor.name ?? event.actor.kind}\t${event.type}\t${event.entity.kind} ${event.entity.id}`);
      }
    }));
}
