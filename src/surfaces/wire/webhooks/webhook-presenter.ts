import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../../../domain/webhook/webhook.js';
import { iso } from '../time.js';

/** An endpoint as the API shows it: everything but the secret. */
export function presentWebhook(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    event_types: endpoint.eventTypes,
    description: endpoint.description,
    enabled: endpoint.enabled,
    disabled_reason: endpoint.disabledReason,
    version: endpoint.version,
    created_at: iso(endpoint.createdAt),
    updated_at: iso(endpoint.updatedAt),
  };
}

/** An endpoint with its secret: only in the answer that made the secret. */
export function presentWebhookWithSecret(endpoint: WebhookEndpoint) {
  return { ...presentWebhook(endpoint), secret: endpoint.secret };
}

/** A delivery with its attempts, oldest first. */
export function presentDelivery(delivery: WebhookDelivery, attempts: readonly WebhookAttempt[]) {
  return {
    id: delivery.id,
    webhook_id: delivery.endpointId,
    message_id: delivery.messageId,
    event_type: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    next_attempt_at: delivery.status === 'pending' ? iso(delivery.nextAttemptAt) : null,
    created_at: iso(delivery.createdAt),
    payload: JSON.parse(delivery.body) as unknown,
    log: attempts.map(presentAttempt),
  };
}

function presentAttempt(attempt: WebhookAttempt) {
  return {
    id: attempt.id,
    at: iso(attempt.at),
    http_status: attempt.httpStatus,
    succeeded: attempt.succeeded,
    duration_ms: attempt.durationMs,
    error: attempt.error,
    response_excerpt: attempt.responseExcerpt,
  };
}
