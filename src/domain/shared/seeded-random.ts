/** A seeded pseudo-random source (mulberry32): the same seed gives the same training run. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1); promises the same sequence for the same seed. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns them. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const swap = items[i]!;
      items[i] = items[j]!;
      items[j] = swap;
    }
    return items;
  }
}

/**
 * Splits example indices so each class keeps about `share` of its examples in the second part
 * (at least one when it has two or more, none when it has one); promises a deterministic split per seed.
 */
export function stratifiedSplit(labels: readonly number[], share: number, seed: number): { first: number[]; second: number[] } {
  const random = new SeededRandom(seed);
  const byClass = new Map<number, number[]>();
  labels.forEach((label, index) => {
    const list = byClass.get(label) ?? [];
    list.push(index);
    byClass.set(label, list);
  });
  const first: number[] = [];
  const second: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const indices = random.shuffle(byClass.get(label)!);
    const held = indices.length < 2 ? 0 : Math.max(1, Math.round(indices.length * share));
    second.push(...indices.slice(0, held));
    first.push(...indices.slice(held));
  }
  return { first: first.sort((a, b) => a - b), second: second.sort((a, b) => a - b) };
}
