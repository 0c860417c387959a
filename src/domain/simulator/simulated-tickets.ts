/** Where a simulated ticket stands. */
export const TicketState = { Waiting: 1, Serving: 2, Done: 3, Abandoned: 4 } as const;

/**
 * The simulated tickets of one run as parallel typed arrays indexed by arrival number: a million
 * tickets cost some sixty megabytes and no objects. A ticket object for the routing engine is
 * built only when the engine looks at one.
 */
export class SimulatedTickets {
  count = 0;
  arrival = new Float64Array(0);
  handleMs = new Float64Array(0);
  kind = new Int32Array(0);
  priority = new Uint8Array(0);
  state = new Uint8Array(0);
  /** Changes each time the ticket enters or leaves a waiting line; stale line entries are skipped. */
  epoch = new Int32Array(0);
  /** The epoch a pending step time-out belongs to. */
  timeoutEpoch = new Int32Array(0);
  queue = new Int16Array(0);
  /** Index of the matched rule among the policy's rules, -1 for the default target. */
  rule = new Int16Array(0);
  step = new Uint8Array(0);
  stepStartedAt = new Float64Array(0);
  answeredAt = new Float64Array(0);
  reroutes = new Uint8Array(0);
  agent = new Int32Array(0);
  dueFirst = new Float64Array(0);
  dueResolve = new Float64Array(0);
  counted = new Uint8Array(0);

  /** Adds a ticket that arrived at `at`; returns its index. */
  add(at: number, kind: number): number {
    if (this.count === this.arrival.length) this.grow(Math.max(1024, this.count * 2));
    const t = this.count++;
    this.arrival[t] = at;
    this.kind[t] = kind;
    this.dueFirst[t] = Infinity;
    this.dueResolve[t] = Infinity;
    this.answeredAt[t] = Number.NaN;
    this.agent[t] = -1;
    return t;
  }

  private grow(size: number): void {
    for (const key of Object.keys(this) as (keyof this)[]) {
      const array = this[key];
      if (!ArrayBuffer.isView(array)) continue;
      const typed = array as unknown as Float64Array;
      const next = new (typed.constructor as Float64ArrayConstructor)(size);
      next.set(typed);
      (this as Record<keyof this, unknown>)[key] = next;
    }
  }
}
