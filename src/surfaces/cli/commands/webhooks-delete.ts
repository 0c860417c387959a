import type { Command } from 'commander';
import { deleteWebhookCommand } from '../../../commands/webhooks/webhook-commands.js';
import { printJson } from '../print-json.js';
import { refusedAsUsage } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

/** `switchboard webhooks delete`: removes an endpoint and its deliveries, as DELETE /v1/webhooks/:id. */
export function registerWebhooksDelete(webhooks: Command): void {
  workspaceSubcommand(webhooks, 'delete')
    .description('remove a webhook endpoint and its delivery log')
    .argument('<id>', 'the endpoint id (see webhooks list)')
    .action((id: string, flags: DatabaseFlags & { json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      await store.transaction((tx) => deleteWebhookCommand(context(tx), id)).catch(refusedAsUsage);
      if (flags.json) return printJson({ id, deleted: true });
      console.log(`Webhook ${id} deleted.`);
    }));
}
