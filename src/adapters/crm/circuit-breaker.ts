export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before it lets one probe through. */
  cooldownMs: number;
  now: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half_open';

/**
 * Stops calling a service that keeps failing: after `failureThreshold` failures in a row the
 * circuit opens and refuses calls for `cooldownMs`; then one probe goes through (half-open), and
 * its success closes the circuit while its failure opens it for another cool-down.
 */
export class CircuitBreaker {
  #failures = 0;
  #openUntil: number | null = null;
  #probing = false;

  constructor(private readonly options: Readonly<CircuitBreakerOptions>) {}

  get state(): CircuitState {
    if (this.#openUntil === null) return 'closed';
    return this.options.now() < this.#openUntil || this.#probing ? 'open' : 'half_open';
  }

  /** True when a call may go out now; in the half-open state only the one probe may. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'half_open') this.#probing = true;
    return state !== 'open';
  }

  succeeded(): void {
    this.#failures = 0;
    this.#openUntil = null;
    this.#probing = false;
  }

  failed(): void {
    this.#failures += 1;
    this.#probing = false;
    if (this.#openUntil !== null || this.#failures >= this.options.failureThreshold) {
      this.#openUntil = this.options.now() + this.options.cooldownMs;
    }
  }
}
