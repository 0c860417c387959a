/**
 * Shares flushes to the disk between commits: a flush covers everything written before it
 * began, so commits that ask while one is running wait for it and share the one that starts
 * next, instead of each starting its own. At most one flush runs and one waits.
 */
export class SharedFlush {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly flush: () => Promise<void>) {}

  /** Resolves once everything written before this call is on the disk. */
  request(): Promise<void> {
    if (!this.running) return this.start();
    this.next ??= this.running.then(() => this.start(), () => this.start());
    return this.next;
  }

  private start(): Promise<void> {
    this.next = null;
    const run = this.flush();
    this.running = run;
    const finished = () => { if (this.running === run) this.running = null; };
    run.then(finished, finished);
    return run;
  }
}
