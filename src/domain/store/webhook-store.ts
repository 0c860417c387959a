import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../webhook/webhook.js';
import type { WorkspaceCount } from './metrics-store.js';
import type { Page } from './store.js';

/** How a claimed delivery's attempt ended, written back in one go. */
export interface DeliveryOutcome {
  attempt: WebhookAttempt;
  /** The delivery's state after the attempt. */
  status: WebhookDelivery['status'];
  nextAttemptAt: number | null;
}

/** Webhook endpoints, their outbox of deliveries, and the log of attempts. */
export interface WebhookRepository {
  getEndpoint(workspaceId: string, id: string): Promise<WebhookEndpoint | undefined>;
  listEndpoints(workspaceId: string): Promise<WebhookEndpoint[]>;
  /** Enabled endpoints of the workspace, for the outbox to match events against. */
  activeEndpoints(workspaceId: string): Promise<WebhookEndpoint[]>;
  insertEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  /** Writes the endpoint if its stored version is still `endpoint.version - 1`; false when it was not. */
  updateEndpoint(endpoint: WebhookEndpoint): Promise<boolean>;
  /** Removes the endpoint with its deliveries and their log. */
  deleteEndpoint(workspaceId: string, id: string): Promise<boolean>;
  /** Turns an endpoint off from the worker (HTTP 410), whatever its version. */
  disableEndpoint(id: string, reason: string, at: number): Promise<void>;

  insertDeliveries(deliveries: readonly WebhookDelivery[]): Promise<void>;
  getDelivery(workspaceId: string, id: string): Promise<WebhookDelivery | undefined>;
  /** The endpoint's deliveries, newest first, after the delivery id `after`. */
  listDeliveries(workspaceId: string, endpointId: string, after: string | undefined, limit: number): Promise<Page<WebhookDelivery>>;
  /** The attempts at these deliveries, oldest first. */
  attemptsOf(deliveryIds: readonly string[]): Promise<WebhookAttempt[]>;
  /**
   * Claims up to `limit` pending deliveries due at `now`, across workspaces, by moving their next
   * attempt to `leaseUntil` and counting the attempt: another node skips them, and a node that dies
   * mid-attempt leaves them to be tried again when the lease runs out.
   */
  claimDue(now: number, leaseUntil: number, limit: number): Promise<WebhookDelivery[]>;
  /** Logs an attempt and moves the delivery on, unless a newer claim took it meanwhile; false then. */
  finishAttempt(delivery: WebhookDelivery, outcome: DeliveryOutcome): Promise<boolean>;
  /** Deliveries waiting to be sent per workspace (all workspaces when null), for `GET /metrics`. */
  backlog(workspaceIds: readonly string[] | null): Promise<WorkspaceCount[]>;
}
