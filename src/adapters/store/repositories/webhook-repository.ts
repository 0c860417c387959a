import type { Insertable, Kysely, Selectable } from 'kysely';
import type { WorkspaceCount } from '../../../domain/store/metrics-store.js';
import type { Page, StoreCapabilities } from '../../../domain/store/store.js';
import type { DeliveryOutcome, WebhookRepository } from '../../../domain/store/webhook-store.js';
import type { DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../../../domain/webhook/webhook.js';
import { readJson, writeJson } from '../codec.js';
import type { Database } from '../schema.js';
import type { WebhookAttemptTable, WebhookDeliveryTable, WebhookEndpointTable } from '../webhook-schema.js';
import { pendingPerWorkspace } from './metrics-conditions.js';
import { bumpConfigVersion } from './config-version.js';

/** Webhook endpoints, the outbox and the attempt log; claims skip rows other nodes hold where the backend can. */
export class KyselyWebhookRepository implements WebhookRepository {
  constructor(private readonly db: Kysely<Database>, private readonly capabilities: StoreCapabilities) {}

  async getEndpoint(workspaceId: string, id: string): Promise<WebhookEndpoint | undefined> {
    const row = await this.db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toEndpoint(row);
  }

  async listEndpoints(workspaceId: string): Promise<WebhookEndpoint[]> {
    return (await this.db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute()).map(toEndpoint);
  }

  async activeEndpoints(workspaceId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId).where('enabled', '=', 1).orderBy('id').execute();
    return rows.map(toEndpoint);
  }

  async insertEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    await this.db.insertInto('webhook_endpoints').values(endpointRow(endpoint)).execute();
    await bumpConfigVersion(this.db, endpoint.workspaceId);
  }

  async updateEndpoint(endpoint: WebhookEndpoint): Promise<boolean> {
    const result = await this.db.updateTable('webhook_endpoints').set(endpointRow(endpoint))
      .where('workspace_id', '=', endpoint.workspaceId).where('id', '=', endpoint.id).where('version', '=', endpoint.version - 1).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) await bumpConfigVersion(this.db, endpoint.workspaceId);
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteEndpoint(workspaceId: string, id: string): Promise<boolean> {
    await this.db.deleteFrom('webhook_attempts').where('workspace_id', '=', workspaceId).where('endpoint_id', '=', id).execute();
    await this.db.deleteFrom('webhook_deliveries').where('workspace_id', '=', workspaceId).where('endpoint_id', '=', id).execute();
    const result = await this.db.deleteFrom('webhook_endpoints').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    await bumpConfigVersion(this.db, workspaceId);
    return Number(result.numDeletedRows) === 1;
  }

  async disableEndpoint(id: string, reason: string, at: number): Promise<void> {
    const row = await this.db.updateTable('webhook_endpoints')
      .set((eb) => ({ enabled: 0, disabled_reason: reason, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id).returning('workspace_id').executeTakeFirst();
    if (row) await bumpConfigVersion(this.db, row.workspace_id);
  }

  async insertDeliveries(deliveries: readonly WebhookDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.db.insertInto('webhook_deliveries').values(deliveries.map(deliveryRow)).execute();
  }

  async getDelivery(workspaceId: string, id: string): Promise<WebhookDelivery | undefined> {
    const row = await this.db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toDelivery(row);
  }

  async listDeliveries(workspaceId: string, endpointId: string, after: string | undefined, limit: number): Promise<Page<WebhookDelivery>> {
    const rows = await this.db.selectFrom('webhook_deliveries').selectAll()
      .where('workspace_id', '=', workspaceId).where('endpoint_id', '=', endpointId)
      .$if(after !== undefined, (q) => q.where('id', '<', after!))
      .orderBy('id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toDelivery);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
  }

  async attemptsOf(deliveryIds: readonly string[]): Promise<WebhookAttempt[]> {
    if (deliveryIds.length === 0) return [];
    return (await this.db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', [...deliveryIds]).orderBy('id').execute()).map(toAttempt);
  }

  async claimDue(now: number, leaseUntil: number, limit: number): Promise<WebhookDelivery[]> {
    let due = this.db.selectFrom('webhook_deliveries').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit);
    if (this.capabilities.supportsSkipLocked) due = due.forUpdate().skipLocked();
    const claimed: WebhookDelivery[] = [];
    for (const row of await due.execute()) {
      // The attempt count is the claim's fence: a node that read the row before this update finds it moved on.
      const result = await this.db.updateTable('webhook_deliveries').set({ attempts: row.attempts + 1, next_attempt_at: leaseUntil })
        .where('id', '=', row.id).where('status', '=', 'pending').where('attempts', '=', row.attempts).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) claimed.push({ ...toDelivery(row), attempts: row.attempts + 1, nextAttemptAt: leaseUntil });
    }
    return claimed;
  }

  async finishAttempt(delivery: WebhookDelivery, outcome: DeliveryOutcome): Promise<boolean> {
    await this.db.insertInto('webhook_attempts').values(attemptRow(outcome.attempt)).execute();
    const result = await this.db.updateTable('webhook_deliveries').set({ status: outcome.status, next_attempt_at: outcome.nextAttemptAt })
      .where('id', '=', delivery.id).where('status', '=', 'pending').where('attempts', '=', delivery.attempts).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  backlog(workspaceIds: readonly string[] | null): Promise<WorkspaceCount[]> {
    return pendingPerWorkspace(this.db, 'webhook_deliveries', workspaceIds);
  }
}

function endpointRow(endpoint: WebhookEndpoint): Insertable<WebhookEndpointTable> {
  return {
    id: endpoint.id, workspace_id: endpoint.workspaceId, url: endpoint.url, event_types: writeJson(endpoint.eventTypes), description: endpoint.description,
    enabled: endpoint.enabled ? 1 : 0, disabled_reason: endpoint.disabledReason, secret: endpoint.secret, version: endpoint.version,
    created_at: endpoint.createdAt, updated_at: endpoint.updatedAt,
  };
}

function toEndpoint(row: Selectable<WebhookEndpointTable>): WebhookEndpoint {
  return {
    id: row.id, workspaceId: row.workspace_id, url: row.url, eventTypes: readJson<string[]>(row.event_types), description: row.description,
    enabled: Number(row.enabled) === 1, disabledReason: row.disabled_reason, secret: row.secret, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function deliveryRow(delivery: WebhookDelivery): Insertable<WebhookDeliveryTable> {
  return {
    id: delivery.id, workspace_id: delivery.workspaceId, endpoint_id: delivery.endpointId, message_id: delivery.messageId, event_type: delivery.eventType,
    body: delivery.body, status: delivery.status, attempts: delivery.attempts, next_attempt_at: delivery.nextAttemptAt, created_at: delivery.createdAt,
  };
}

function toDelivery(row: Selectable<WebhookDeliveryTable>): WebhookDelivery {
  return {
    id: row.id, workspaceId: row.workspace_id, endpointId: row.endpoint_id, messageId: row.message_id, eventType: row.event_type, body: row.body,
    status: row.status as DeliveryStatus, attempts: row.attempts, nextAttemptAt: row.next_attempt_at, createdAt: row.created_at,
  };
}

function attemptRow(attempt: WebhookAttempt): Insertable<WebhookAttemptTable> {
  return {
    id: attempt.id, workspace_id: attempt.workspaceId, endpoint_id: attempt.endpointId, delivery_id: attempt.deliveryId, at: attempt.at,
    http_status: attempt.httpStatus, succeeded: attempt.succeeded ? 1 : 0, duration_ms: attempt.durationMs, error: attempt.error, response_excerpt: attempt.responseExcerpt,
  };
}

function toAttempt(row: Selectable<WebhookAttemptTable>): WebhookAttempt {
  return {
    id: row.id, workspaceId: row.workspace_id, endpointId: row.endpoint_id, deliveryId: row.delivery_id, at: row.at, httpStatus: row.http_status,
    succeeded: Number(row.succeeded) === 1, durationMs: row.duration_ms, error: row.error, responseExcerpt: row.response_excerpt,
  };
}
