/**
 * Runs `work` when asked, one run at a time: the asks that come while it runs, however many,
 * make it run once more after it, `between` the two. `work` must not throw.
 */
export class CoalescedRun {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly between: () => Promise<void> = async () => {},
  ) {}

  ask(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runUntilQuiet().finally(() => { this.running = null; });
  }

  /** Takes no more asks; resolves once the run in progress is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async runUntilQuiet(): Promise<void> {
    for (;;) {
      this.again = false;
      await this.work();
      if (!this.again || this.stopped) return;
      await this.between();
      if (this.stopped) return;
    }
  }
}
