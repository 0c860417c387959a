import type { Command } from 'commander';
import { registerWebhooksCreate } from './webhooks-create.js';
import { registerWebhooksDelete } from './webhooks-delete.js';
import { registerWebhooksDeliveries } from './webhooks-deliveries.js';
import { registerWebhooksList } from './webhooks-list.js';
import { registerWebhooksRedeliver } from './webhooks-redeliver.js';

/** `switchboard webhooks list|create|delete|deliveries|redeliver`: outbound webhooks from the command line. */
export function registerWebhooks(program: Command): void {
  const webhooks = program.command('webhooks').description('list, add and delete webhook endpoints, read their delivery log, redeliver');
  registerWebhooksList(webhooks);
  registerWebhooksCreate(webhooks);
  registerWebhooksDelete(webhooks);
  registerWebhooksDeliveries(webhooks);
  registerWebhooksRedeliver(webhooks);
}
