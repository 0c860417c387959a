import type { JsonColumn } from './schema.js';

export interface WebhookEndpointTable {
  id: string;
  workspace_id: string;
  url: string;
  event_types: JsonColumn;
  description: string;
  /** 1 or 0: the same on both backends. */
  enabled: number;
  disabled_reason: string | null;
  secret: string;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface WebhookDeliveryTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  message_id: string;
  event_type: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  created_at: number;
}

export interface WebhookAttemptTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  delivery_id: string;
  at: number;
  http_status: number | null;
  succeeded: number;
  duration_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

/** The webhook tables as Kysely sees them. */
export interface WebhookTables {
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
}
