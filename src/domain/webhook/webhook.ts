/** A subscriber's endpoint: where events of the chosen types are posted, signed with its secret. */
export interface WebhookEndpoint {
  id: string;
  workspaceId: string;
  url: string;
  /** Exact event types (`ticket.created`), prefixes (`ticket.*`) or `*` for every event. */
  eventTypes: string[];
  description: string;
  enabled: boolean;
  /** Why the endpoint was turned off by Switchboard (HTTP 410), or null. */
  disabledReason: string | null;
  /** The signing secret, `whsec_` and base64 (a secret: never logged, shown only when made). */
  secret: string;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One message in the outbox, for one endpoint, retried until it is delivered or the schedule ends. */
export interface WebhookDelivery {
  id: string;
  workspaceId: string;
  endpointId: string;
  /** The `webhook-id` header: the same for every attempt and every redelivery, so receivers can drop repeats. */
  messageId: string;
  eventType: string;
  /** The JSON body as sent, fixed when the change was made. */
  body: string;
  status: DeliveryStatus;
  /** Attempts made so far (an attempt in flight counts). */
  attempts: number;
  /** When the next attempt is due (ms); null once delivered or given up. */
  nextAttemptAt: number | null;
  createdAt: number;
}

/** What one attempt to post a delivery came to, as the delivery log shows it. */
export interface WebhookAttempt {
  id: string;
  workspaceId: string;
  endpointId: string;
  deliveryId: string;
  at: number;
  /** The receiver's HTTP status, or null when no response came (refused target, timeout, connection error). */
  httpStatus: number | null;
  succeeded: boolean;
  durationMs: number;
  error: string | null;
  /** The start of the response body, truncated. */
  responseExcerpt: string | null;
}

const EVENT_PATTERN = /^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/;

/** True when `pattern` is an exact event type, a `prefix.*` or `*`. */
export function isEventPattern(pattern: string): boolean {
  return EVENT_PATTERN.test(pattern);
}

/** True when an event of `type` is one the patterns subscribe to. */
export function matchesEventType(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => pattern === '*' || pattern === type || (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))));
}
