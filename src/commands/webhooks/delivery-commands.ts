import { fail } from '../../domain/errors.js';
import { nextAttemptAt } from '../../domain/webhook/retry-schedule.js';
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../../domain/webhook/webhook.js';
import type { DeliveryOutcome } from '../../domain/store/webhook-store.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';
import { loadWebhook } from './webhook-commands.js';

/** What posting one delivery came to. */
export interface AttemptResult {
  httpStatus: number | null;
  error: string | null;
  responseExcerpt: string | null;
  durationMs: number;
  /** No retry whatever the result: the endpoint was turned off or removed before the attempt. */
  final?: boolean;
}

/** A random number in [0, 1), handed in so retries can be spread without the command reading the host. */
export type Jitter = () => number;

/**
 * Logs an attempt and moves its delivery on: delivered on a 2xx; on 410 Gone the endpoint is
 * turned off and the delivery given up; otherwise retried on the schedule, given up after the
 * last. Returns a line for the worker's log.
 */
export async function finishDeliveryCommand(ctx: CommandContext, delivery: WebhookDelivery, result: AttemptResult, jitter: Jitter): Promise<string> {
  const at = ctx.clock.now();
  const succeeded = result.httpStatus !== null && result.httpStatus >= 200 && result.httpStatus < 300;
  const gone = result.httpStatus === 410;
  const retryAt = succeeded || gone || result.final ? null : nextAttemptAt(at, delivery.attempts, jitter());
  const attempt: WebhookAttempt = {
    id: ctx.ids.next('wha'), workspaceId: delivery.workspaceId, endpointId: delivery.endpointId, deliveryId: delivery.id, at,
    httpStatus: result.httpStatus, succeeded, durationMs: Math.round(result.durationMs), responseExcerpt: result.responseExcerpt,
    error: succeeded ? null : (result.error ?? `The receiver answered HTTP ${result.httpStatus}.`),
  };
  const outcome: DeliveryOutcome = { attempt, status: succeeded ? 'delivered' : retryAt === null ? 'failed' : 'pending', nextAttemptAt: retryAt };
  if (!(await ctx.tx.webhooks.finishAttempt(delivery, outcome))) return `${delivery.id}: attempt ${delivery.attempts} logged after the delivery moved on`;
  if (gone) await disableGone(ctx, delivery.endpointId);
  return `${delivery.id}: attempt ${delivery.attempts} ${outcome.status}${attempt.error ? ` (${attempt.error})` : ''}`;
}

async function disableGone(ctx: CommandContext, endpointId: string): Promise<void> {
  const reason = 'The endpoint answered 410 Gone.';
  await ctx.tx.webhooks.disableEndpoint(endpointId, reason, ctx.clock.now());
  await recordEvent(ctx, { entityKind: 'workspace', entityId: endpointId, type: 'webhook.disabled', data: { reason } });
}

/** Queues the delivery's message again for the endpoint, as a new delivery with the same `webhook-id`. */
export async function redeliverCommand(ctx: CommandContext, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  const endpoint: WebhookEndpoint = await loadWebhook(ctx, endpointId);
  const original = await ctx.tx.webhooks.getDelivery(ctx.workspaceId, deliveryId);
  if (!original || original.endpointId !== endpoint.id) throw fail('webhook_delivery_not_found', `Webhook ${endpointId} has no delivery ${deliveryId}.`);
  if (!endpoint.enabled) throw fail('webhook_disabled', `Webhook ${endpointId} is turned off; enable it before redelivering.`);
  const now = ctx.clock.now();
  const copy: WebhookDelivery = { ...original, id: ctx.ids.next('dlv'), status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now };
  await ctx.tx.webhooks.insertDeliveries([copy]);
  return copy;
}
