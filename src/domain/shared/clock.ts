/** Time as the domain sees it: milliseconds since the epoch, handed in, never read from the host. */
export interface Clock {
  now(): number;
}

/** A clock that only moves when told to; the simulator and tests drive time with it. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  set(at: number): void {
    this.current = at;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
