import type { Command } from 'commander';
import { redeliverCommand } from '../../../commands/webhooks/delivery-commands.js';
import { presentDelivery } from '../../wire/webhooks/webhook-presenter.js';
import { reportDomainError } from '../json-file.js';
import { printJson } from '../print-json.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

/** `switchboard webhooks redeliver <webhook> <delivery>`: queues a delivery again; the server's worker sends it. */
export function registerWebhooksRedeliver(webhooks: Command): void {
  workspaceSubcommand(webhooks, 'redeliver')
    .description('queue a delivery again, as the same message; the running server sends it')
    .argument('<webhook>', 'endpoint id (whk_…)')
    .argument('<delivery>', 'delivery id (dlv_…)')
    .action((webhookId: string, deliveryId: string, flags: DatabaseFlags & { json?: boolean }) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      const delivery = await store.transaction((tx) => redeliverCommand(context(tx), webhookId, deliveryId)).catch(reportDomainError);
      if (flags.json) return printJson(presentDelivery(delivery, []));
      console.log(`Queued ${delivery.id} (message ${delivery.messageId}).`);
    }));
}
