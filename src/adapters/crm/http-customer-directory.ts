import type { CustomerDirectory, CustomerKey } from '../../domain/crm/customer-directory.js';
import type { JsonObject } from '../../domain/shared/json.js';
import { holdsUnstorableText } from '../../domain/shared/storable-text.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { TtlCache } from './ttl-cache.js';

export interface HttpCustomerDirectoryOptions {
  /** A URL with `{email}` and/or `{id}`, filled in (URL-encoded) for each customer; asked with GET. */
  urlTemplate: string;
  /** Sent as `Authorization: Bearer …`; null for a service that needs none. */
  token: string | null;
  /** Each call gives up after this long. */
  timeoutMs: number;
  /** How long an answer (a record or "no such customer") is kept; 0 keeps none. */
  cacheTtlMs: number;
  /** Consecutive failures that stop calls for `breakerCooldownMs`. */
  breakerFailures: number;
  breakerCooldownMs: number;
  /** The clock the cache and the breaker run on. */
  now: () => number;
  /** Told why a call gave no answer (never the token), so the process can log it. */
  onFailure?: (reason: string) => void;
}

/** An answer larger than this is refused: a ticket keeps what the CRM said, and it must stay small. */
const MAX_ANSWER_CHARS = 64 * 1024;

class LookupFailure extends Error {}

/**
 * A CRM behind a JSON-over-HTTP lookup: `GET {urlTemplate}` answers the customer's record as a
 * JSON object, or 404 when it has none. Answers are cached; a CRM that keeps failing is left
 * alone for a cool-down (circuit breaker). Every failure answers null.
 */
export class HttpCustomerDirectory implements CustomerDirectory {
  readonly #cache: TtlCache<JsonObject | null>;
  readonly #breaker: CircuitBreaker;
  readonly #headers: Record<string, string>;

  constructor(private readonly options: Readonly<HttpCustomerDirectoryOptions>) {
    this.#cache = new TtlCache(options.cacheTtlMs, options.now);
    this.#breaker = new CircuitBreaker({ failureThreshold: options.breakerFailures, cooldownMs: options.breakerCooldownMs, now: options.now });
    this.#headers = { accept: 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) };
  }

  async lookup(customer: CustomerKey): Promise<JsonObject | null> {
    const url = this.urlFor(customer);
    if (url === null) return null;
    const cached = this.#cache.get(url);
    if (cached) return cached.value;
    if (!this.#breaker.tryAcquire()) return null;
    try {
      const answer = await this.fetchAnswer(url);
      this.#breaker.succeeded();
      this.#cache.set(url, answer);
      return answer;
    } catch (error) {
      this.#breaker.failed();
      this.options.onFailure?.(error instanceof LookupFailure ? error.message : `no answer within ${this.options.timeoutMs} ms or no connection (${(error as Error).name})`);
      return null;
    }
  }

  /** The template filled in; null when it needs a value the customer does not have. */
  private urlFor(customer: CustomerKey): string | null {
    let missing = false;
    const url = this.options.urlTemplate.replace(/\{(email|id)\}/g, (_match, name: 'email' | 'id') => {
      const value = customer[name];
      if (!value) missing = true;
      return encodeURIComponent(value ?? '');
    });
    return missing ? null : url;
  }

  private async fetchAnswer(url: string): Promise<JsonObject | null> {
    const response = await fetch(url, { headers: this.#headers, signal: AbortSignal.timeout(this.options.timeoutMs), redirect: 'error' });
    const text = await response.text();
    if (response.status === 404) return null;
    if (!response.ok) throw new LookupFailure(`HTTP ${response.status} from the CRM`);
    if (text.length > MAX_ANSWER_CHARS) throw new LookupFailure(`the answer is longer than ${MAX_ANSWER_CHARS} characters`);
    return recordIn(text);
  }
}

function recordIn(text: string): JsonObject {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new LookupFailure('the answer is not JSON');
  }
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) throw new LookupFailure('the answer is not a JSON object');
  if (holdsUnstorableText(answer)) throw new LookupFailure('the answer holds text that cannot be stored');
  return answer as JsonObject;
}
