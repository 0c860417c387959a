/**
 * The simulator's future-event list: a binary min-heap over (time, insertion order) held in typed
 * arrays, so a million pending events cost a few megabytes and no garbage. Events with the same
 * time come out in the order they were scheduled, which keeps a run deterministic.
 */
export class EventQueue {
  private times = new Float64Array(1024);
  private order = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private subjects = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  private count = 0;
  private scheduled = 0;

  get size(): number {
    return this.count;
  }

  /**
   * Adds an event of `kind` about `subject` (a ticket or agent index) at `time`; `stamp` comes
   * back with it, so a handler can tell an event meant for an earlier holder of a reused index.
   */
  push(time: number, kind: number, subject: number, stamp = 0): void {
    if (this.count === this.times.length) this.grow();
    let at = this.count++;
    const order = this.scheduled++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(time, order, parent)) break;
      this.move(parent, at);
      at = parent;
    }
    this.put(at, time, order, kind, subject, stamp);
  }

  /** The earliest event's time (Infinity when empty). */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.times[0]!;
  }

  /** Removes the earliest event; its kind and subject are read from `last` afterwards. */
  pop(): boolean {
    if (this.count === 0) return false;
    this.last.time = this.times[0]!;
    this.last.kind = this.kinds[0]!;
    this.last.subject = this.subjects[0]!;
    this.last.stamp = this.stamps[0]!;
    const end = --this.count;
    if (end > 0) this.siftDown(end);
    return true;
  }

  readonly last = { time: 0, kind: 0, subject: 0, stamp: 0 };

  private siftDown(from: number): void {
    const time = this.times[from]!;
    const order = this.order[from]!;
    const kind = this.kinds[from]!;
    const subject = this.subjects[from]!;
    const stamp = this.stamps[from]!;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.count) break;
      const right = left + 1;
      const child = right < this.count && this.earlier(right, this.times[left]!, this.order[left]!) ? right : left;
      if (!this.earlier(child, time, order)) break;
      this.move(child, at);
      at = child;
    }
    this.put(at, time, order, kind, subject, stamp);
  }

  /** Whether the event at `index` comes before (time, order). */
  private earlier(index: number, time: number, order: number): boolean {
    const t = this.times[index]!;
    return t < time || (t === time && this.order[index]! < order);
  }

  /** Whether (time, order) comes before the event at `index`. */
  private before(time: number, order: number, index: number): boolean {
    const t = this.times[index]!;
    return time < t || (time === t && order < this.order[index]!);
  }

  private move(from: number, to: number): void {
    this.put(to, this.times[from]!, this.order[from]!, this.kinds[from]!, this.subjects[from]!, this.stamps[from]!);
  }

  private put(at: number, time: number, order: number, kind: number, subject: number, stamp: number): void {
    this.times[at] = time;
    this.order[at] = order;
    this.kinds[at] = kind;
    this.subjects[at] = subject;
    this.stamps[at] = stamp;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    const order = new Float64Array(size);
    order.set(this.order);
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const subjects = new Int32Array(size);
    subjects.set(this.subjects);
    const stamps = new Int32Array(size);
    stamps.set(this.stamps);
    this.times = times;
    this.order = order;
    this.kinds = kinds;
    this.subjects = subjects;
    this.stamps = stamps;
  }
}
