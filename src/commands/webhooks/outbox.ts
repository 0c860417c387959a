import type { DomainEvent } from '../../domain/shared/event.js';
import { webhookPayload } from '../../domain/webhook/payload.js';
import { matchesEventType, type WebhookDelivery } from '../../domain/webhook/webhook.js';
import type { EventContext } from '../context.js';

/**
 * Writes the outbox rows for events in the transaction that records them, so a change and its
 * webhooks land together or not at all: per event, one per enabled endpoint subscribed to its
 * type, or only for `endpointId` when the event is meant for one endpoint (an automation's notification).
 */
export async function enqueueWebhooks(ctx: EventContext, events: readonly { event: DomainEvent; endpointId: string | undefined }[]): Promise<void> {
  const endpoints = ctx.known?.webhooks ?? (await ctx.tx.webhooks.activeEndpoints(ctx.workspaceId));
  if (endpoints.length === 0) return;
  const deliveries: WebhookDelivery[] = [];
  for (const { event, endpointId } of events) {
    const targets = endpointId === undefined
      ? endpoints.filter((endpoint) => matchesEventType(endpoint.eventTypes, event.type))
      : endpoints.filter((endpoint) => endpoint.id === endpointId);
    if (targets.length === 0) continue;
    const body = JSON.stringify(webhookPayload(event));
    const messageId = ctx.ids.next('msg');
    deliveries.push(...targets.map((endpoint): WebhookDelivery => ({
      id: ctx.ids.next('dlv'), workspaceId: ctx.workspaceId, endpointId: endpoint.id, messageId, eventType: event.type, body,
      status: 'pending', attempts: 0, nextAttemptAt: event.at, createdAt: event.at,
    })));
  }
  if (deliveries.length > 0) await ctx.tx.webhooks.insertDeliveries(deliveries);
}
