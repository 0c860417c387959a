/**
 * A small in-process cache whose entries expire `ttlMs` after they were set, on the clock it is
 * given. Past `limit` entries the oldest go first. A TTL of 0 keeps nothing.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly limit = 10_000,
  ) {}

  /** The live entry of `key` (so a cached null is told from a miss), or undefined. */
  get(key: string): { value: V } | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return { value: entry.value };
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    this.#entries.delete(key);
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { value, until: this.now() + this.ttlMs });
  }
}
