import { fail } from '../../domain/errors.js';
import type { JsonObject } from '../../domain/shared/json.js';
import { isEventPattern, type WebhookEndpoint } from '../../domain/webhook/webhook.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/** An endpoint as a client writes it; the URL was checked (scheme, resolved address) by the caller. */
export interface WebhookInput {
  url: string;
  eventTypes: string[];
  description?: string;
  enabled?: boolean;
}

/** The endpoint, or `webhook_not_found`. */
export async function loadWebhook(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, id: string): Promise<WebhookEndpoint> {
  const endpoint = await ctx.tx.webhooks.getEndpoint(ctx.workspaceId, id);
  if (!endpoint) throw fail('webhook_not_found', `No webhook ${id}.`);
  return endpoint;
}

function assertEventTypes(eventTypes: readonly string[]): void {
  const errors = eventTypes.flatMap((type, index) => (isEventPattern(type) ? [] : [{ path: `/event_types/${index}`, message: `"${type}" is not an event type, a prefix such as "ticket.*", or "*".` }]));
  if (errors.length > 0) throw fail('invalid_value', 'Some event types are not well formed.', { errors });
}

/** What the history shows of an endpoint: never its secret. */
function described(endpoint: WebhookEndpoint): JsonObject {
  return { url: endpoint.url, event_types: endpoint.eventTypes, description: endpoint.description, enabled: endpoint.enabled };
}

/** Saves a new endpoint with the secret the caller generated. */
export async function createWebhookCommand(ctx: CommandContext, input: WebhookInput, secret: string): Promise<WebhookEndpoint> {
  assertEventTypes(input.eventTypes);
  const now = ctx.clock.now();
  const endpoint: WebhookEndpoint = {
    id: ctx.ids.next('whk'), workspaceId: ctx.workspaceId, url: input.url, eventTypes: [...new Set(input.eventTypes)], description: input.description ?? '',
    enabled: input.enabled ?? true, disabledReason: null, secret, version: 1, createdAt: now, updatedAt: now,
  };
  await ctx.tx.webhooks.insertEndpoint(endpoint);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: endpoint.id, type: 'webhook.created', after: described(endpoint) });
  return endpoint;
}

/** Changes an endpoint; enabling it again clears why it was turned off. `version` applies the change only to that version. */
export async function updateWebhookCommand(ctx: CommandContext, id: string, input: Partial<WebhookInput> & { version?: number }): Promise<WebhookEndpoint> {
  const current = await loadWebhook(ctx, id);
  if (input.version !== undefined && input.version !== current.version) throw fail('version_conflict', `Webhook ${id} is at version ${current.version}.`);
  if (input.eventTypes) assertEventTypes(input.eventTypes);
  const enabled = input.enabled ?? current.enabled;
  const endpoint: WebhookEndpoint = {
    ...current,
    url: input.url ?? current.url,
    eventTypes: input.eventTypes ? [...new Set(input.eventTypes)] : current.eventTypes,
    description: input.description ?? current.description,
    enabled,
    disabledReason: enabled ? null : current.disabledReason,
    version: current.version + 1,
    updatedAt: ctx.clock.now(),
  };
  return save(ctx, current, endpoint, 'webhook.updated');
}

/** Replaces the signing secret; deliveries from now on are signed with the new one. */
export async function rotateWebhookSecretCommand(ctx: CommandContext, id: string, secret: string): Promise<WebhookEndpoint> {
  const current = await loadWebhook(ctx, id);
  return save(ctx, current, { ...current, secret, version: current.version + 1, updatedAt: ctx.clock.now() }, 'webhook.secret_rotated');
}

/** Removes an endpoint with its pending deliveries and log; automations that name it record a failure when they run. */
export async function deleteWebhookCommand(ctx: CommandContext, id: string): Promise<void> {
  const current = await loadWebhook(ctx, id);
  await ctx.tx.webhooks.deleteEndpoint(ctx.workspaceId, id);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: id, type: 'webhook.deleted', before: described(current) });
}

async function save(ctx: CommandContext, current: WebhookEndpoint, endpoint: WebhookEndpoint, type: string): Promise<WebhookEndpoint> {
  if (!(await ctx.tx.webhooks.updateEndpoint(endpoint))) throw fail('version_conflict', `Webhook ${endpoint.id} was changed by someone else.`);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: endpoint.id, type, before: described(current), after: described(endpoint) });
  return endpoint;
}
