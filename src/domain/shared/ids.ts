import type { Clock } from './clock.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Makes identifiers; the store never invents them, so commands stay deterministic under test. */
export interface IdGenerator {
  next(prefix: string): string;
}

/** A source of random bytes, handed in so the domain does no I/O of its own. */
export type RandomBytes = (size: number) => Uint8Array;

/**
 * Time-ordered ids (ULID layout: 48 bits of milliseconds, 80 random bits, Crockford base32),
 * monotonic within one millisecond so ids sort in creation order within a process.
 */
export class UlidGenerator implements IdGenerator {
  private lastTime = -1;
  private lastRandom: number[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly random: RandomBytes,
  ) {}

  next(prefix: string): string {
    const time = this.clock.now();
    if (time <= this.lastTime) {
      // When the random part runs out, borrow the next millisecond rather than wrap to zero,
      // which would sort the new id before the previous one.
      if (!this.incrementRandom()) this.lastTime += 1;
    } else {
      this.lastTime = time;
      this.lastRandom = Array.from(this.random(16), (b) => b & 31);
    }
    return `${prefix}_${encodeTime(this.lastTime)}${this.lastRandom.map((d) => CROCKFORD[d]).join('')}`;
  }

  /** Adds one to the random part; false when it overflowed (and is now all zeros). */
  private incrementRandom(): boolean {
    for (let i = this.lastRandom.length - 1; i >= 0; i--) {
      const digit = this.lastRandom[i]! + 1;
      if (digit < 32) {
        this.lastRandom[i] = digit;
        return true;
      }
      this.lastRandom[i] = 0;
    }
    return false;
  }
}

function encodeTime(time: number): string {
  let out = '';
  let rest = time;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[rest % 32]! + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}
