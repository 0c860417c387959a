import type { DomainEvent } from '../../domain/shared/event.js';
import { webhookPayload } from '../../domain/webhook/payload.js';
import { matchesEventType, type WebhookDelivery } from '../../domain/webhook/webhook.js';
import type { EventContext } from '../context.js';

/**
 * Writes the outbox rows for an event in the transaction that records it, so a change and its
 * webhooks land together or not at all: one per enabled endpoint subscribed to the event's type,
 * or only for `endpointId` when the event is meant for one endpoint (an automation's notification).
 */
export async function enqueueWebhooks(ctx: EventContext, event: DomainEvent, endpointId: string | undefined): Promise<void> {
  const endpoints = await ctx.tx.webhooks.activeEndpoints(ctx.workspaceId);
  const targets = endpointId === undefined
    ? endpoints.filter((endpoint) => matchesEventType(endpoint.eventTypes, event.type))
    : endpoints.filter((endpoint) => endpoint.id === endpointId);
  if (targets.length === 0) return;
  const body = JSON.stringify(webhookPayload(event));
  const messageId = ctx.ids.next('msg');
  const deliveries: WebhookDelivery[] = targets.map((endpoint) => ({
    id: ctx.ids.next('dlv'), workspaceId: ctx.workspaceId, endpointId: endpoint.id, messageId, eventType: event.type, body,
    status: 'pending', attempts: 0, nextAttemptAt: event.at, createdAt: event.at,
  }));
  await ctx.tx.webhooks.insertDeliveries(deliveries);
}
