import { performance } from 'node:perf_hooks';
import { signatureHeaders } from '../../adapters/webhooks/standard-webhooks.js';
import { postWebhook, type PostOptions } from '../../adapters/webhooks/webhook-client.js';
import { finishDeliveryCommand, type AttemptResult, type Jitter } from '../../commands/webhooks/delivery-commands.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Store } from '../../domain/store/store.js';
import type { WebhookDelivery } from '../../domain/webhook/webhook.js';
import type { WorkerTask } from './worker.js';
import { systemContext } from '../runtime.js';

/** Deliveries claimed per run; they are posted at the same time. */
const BATCH = 20;
/** Added to the attempt's time-out for the claim's lease: a node that dies mid-attempt frees its claims after this. */
const LEASE_MARGIN_MS = 60_000;

/**
 * Posts due webhook deliveries from the outbox. Each is claimed in a short transaction (its next
 * attempt moved to the end of a lease, so other nodes skip it), posted outside any transaction,
 * and its outcome written in another: delivered, retried on the schedule, or given up.
 */
export function webhookSweep(store: Store, clock: Clock, ids: IdGenerator, options: PostOptions, jitter: Jitter = Math.random): WorkerTask {
  return {
    name: 'webhooks',
    everyMs: 1000,
    async run() {
      const now = clock.now();
      const claimed = await store.transaction((tx) => tx.webhooks.claimDue(now, now + options.timeoutMs + LEASE_MARGIN_MS, BATCH));
      // One delivery that fails to be written back (and is tried again after its lease) must not hold up the others.
      const lines = await Promise.all(claimed.map((delivery) =>
        deliverOne(store, clock, ids, options, jitter, delivery).catch((error: unknown) => `${delivery.id} failed: ${(error as Error).message}`)));
      return lines.length > 0 ? lines.join('; ') : null;
    },
  };
}

async function deliverOne(store: Store, clock: Clock, ids: IdGenerator, options: PostOptions, jitter: Jitter, delivery: WebhookDelivery): Promise<string> {
  const result = await attempt(store, clock, options, delivery);
  return store.transaction((tx) =>
    finishDeliveryCommand(systemContext(tx, delivery.workspaceId, ids, clock), delivery, result, jitter));
}

async function attempt(store: Store, clock: Clock, options: PostOptions, delivery: WebhookDelivery): Promise<AttemptResult> {
  const endpoint = await store.read((tx) => tx.webhooks.getEndpoint(delivery.workspaceId, delivery.endpointId));
  if (!endpoint?.enabled) return { httpStatus: null, error: 'The endpoint was turned off before the attempt.', responseExcerpt: null, durationMs: 0, final: true };
  const headers = signatureHeaders(endpoint.secret, delivery.messageId, Math.floor(clock.now() / 1000), delivery.body);
  const started = performance.now();
  const posted = await postWebhook(endpoint.url, delivery.body, headers, options);
  return { ...posted, durationMs: performance.now() - started };
}
