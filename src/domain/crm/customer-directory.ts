import type { JsonObject } from '../shared/json.js';

/** How the CRM is asked about a customer: by id, by e-mail address, or both. */
export interface CustomerKey {
  id: string | null;
  email: string | null;
}

/**
 * A CRM outside the process that knows more about customers (plan, account manager, lifetime
 * value). An implementation answers null when it knows nothing or fails (time-out, error, a
 * reply it cannot read) and never throws, so intake never waits on it for long or fails with it.
 */
export interface CustomerDirectory {
  lookup(customer: CustomerKey): Promise<JsonObject | null>;
}
