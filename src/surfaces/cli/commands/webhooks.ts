import type { Command } from 'commander';
import { registerWebhooksCreate } from './webhooks-create.js';
import { registerWebhooksDeliveries } from './webhooks-deliveries.js';
import { registerWebhooksList } from './webhooks-list.js';
import { registerWebhooksRedeliver } from './webhooks-redeliver.js';

/** `switchboard webhooks list|create|deliveries|redeliver`: outbound webhooks from the command line. */
export function registerWebhooks(program: Command): void {
  const webhooks = program.command('webhooks').description('list and add webhook endpoints, read their delivery log, redeliver');
  registerWebhooksList(webhooks);
  registerWebhooksCreate(webhooks);
  registerWebhooksDeliveries(webhooks);
  registerWebhooksRedeliver(webhooks);
}
