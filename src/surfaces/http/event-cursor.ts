import type { DomainEvent } from '../../domain/shared/event.js';

/** Ids skipped over are awaited this long: a transaction that took its id earlier may still commit. */
const HOLE_WAIT_MS = 30_000;
/** A jump larger than this is not awaited id by id (ids taken and never used, not open transactions). */
const LARGEST_AWAITED_GAP = 1_000;

/**
 * Where the live feed stands in the events table. Ids are handed out when a row is inserted but
 * become visible when its transaction commits, so on a database with concurrent writers id 11 can
 * be seen before id 10. The cursor remembers such holes for a while and asks for them again, so a
 * late commit is still delivered (after its successors) instead of being skipped for good.
 */
export class EventCursor {
  private position: number | null = null;
  private readonly holes = new Map<number, number>();

  constructor(private readonly now: () => number) {}

  get started(): boolean {
    return this.position !== null;
  }

  /** The highest id seen; events up to it were delivered, except the holes. */
  get last(): number {
    return this.position ?? 0;
  }

  /** Starts from the events table's current end. */
  startAt(latestId: number): void {
    this.position = latestId;
  }

  /** Ids to ask for again besides those past `last`. */
  awaited(): number[] {
    return [...this.holes.keys()];
  }

  isAwaited(id: number): boolean {
    return this.holes.has(id);
  }

  /** Takes in rows read past the cursor (and found holes); returns those not seen before, in order. */
  advance(rows: readonly DomainEvent[]): DomainEvent[] {
    const fresh: DomainEvent[] = [];
    for (const row of rows) {
      if (this.holes.delete(row.id)) {
        fresh.push(row);
      } else if (row.id > this.last) {
        this.awaitGap(this.last, row.id);
        this.position = row.id;
        fresh.push(row);
      }
    }
    const now = this.now();
    for (const [id, until] of this.holes) if (until <= now) this.holes.delete(id);
    return fresh;
  }

  private awaitGap(from: number, to: number): void {
    if (to - from > LARGEST_AWAITED_GAP) return;
    const until = this.now() + HOLE_WAIT_MS;
    for (let id = from + 1; id < to; id++) this.holes.set(id, until);
  }
}
