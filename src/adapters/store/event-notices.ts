/**
 * Tells other processes that events were committed, after the commit and with at most one notice
 * in flight: commits that land while one is being sent share the next.
 *
 * Why not NOTIFY inside the transaction: PostgreSQL serializes every committing transaction that
 * has notified on one database-wide lock, held through its commit's WAL flush, so concurrent
 * ticket transactions could not share a flush and committed one at a time. A notice says only
 * "look again" (listeners read the events table, and poll it anyway), so one sent just after the
 * commit, for many commits at once, tells them the same.
 */
export class EventNotices {
  private sending: Promise<void> | null = null;
  private again = false;

  constructor(private readonly send: () => Promise<void>) {}

  /** Events were committed: a notice goes out now, or right after the one in flight. */
  committed(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = this.sendUntilQuiet().finally(() => { this.sending = null; });
  }

  /** Waits for the notice in flight, if any. */
  async settled(): Promise<void> {
    await this.sending;
  }

  private async sendUntilQuiet(): Promise<void> {
    do {
      this.again = false;
      // A notice that cannot be sent (the database is going away) is only a missed wake-up:
      // listeners poll the events table as well, so they see the events within their interval.
      await this.send().catch(() => {});
    } while (this.again);
  }
}
