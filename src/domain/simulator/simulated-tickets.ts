/** Where a simulated ticket stands. */
export const TicketState = { Waiting: 1, Serving: 2, Done: 3, Abandoned: 4 } as const;

/**
 * The tickets of one run still in play, as parallel typed arrays: memory grows with the tickets
 * present at once, not with the run's length, since a ticket's index is reused once it is done.
 * A ticket object for the routing engine is built only when the engine looks at one.
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
  /** Moves each time an index is reused, so events meant for its earlier ticket are recognised. */
  generation = new Int32Array(0);
  private readonly free: number[] = [];

  /** Adds a ticket that arrived at `at`; returns its index. */
  add(at: number, kind: number): number {
    const t = this.free.pop() ?? this.next();
    this.generation[t]!++;
    this.state[t] = 0;
    this.reroutes[t] = 0;
    this.arrival[t] = at;
    this.kind[t] = kind;
    this.dueFirst[t] = Infinity;
    this.dueResolve[t] = Infinity;
    this.answeredAt[t] = Number.NaN;
    this.agent[t] = -1;
    return t;
  }

  /** The ticket reached its outcome; its index may be reused. Its epoch keeps counting, so old line entries stay stale. */
  release(t: number): void {
    this.free.push(t);
  }

  private next(): number {
    if (this.count === this.arrival.length) this.grow(Math.max(1024, this.count * 2));
    return this.count++;
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
