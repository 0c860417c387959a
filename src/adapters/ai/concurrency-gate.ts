/**
 * Lets at most `limit` tasks run at once; the others wait in arrival order. A waiting task whose
 * signal aborts leaves the line with the signal's reason, so a time-out covers the wait too.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    await this.enter(signal);
    try {
      return await task();
    } finally {
      this.leave();
    }
  }

  private enter(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const admit = () => {
        signal.removeEventListener('abort', abandon);
        this.running++;
        resolve();
      };
      const abandon = () => {
        this.waiting.splice(this.waiting.indexOf(admit), 1);
        reject(signal.reason);
      };
      this.waiting.push(admit);
      signal.addEventListener('abort', abandon, { once: true });
    });
  }

  private leave(): void {
    this.running--;
    this.waiting.shift()?.();
  }
}
