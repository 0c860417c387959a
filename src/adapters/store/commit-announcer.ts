import { CoalescedRun } from '../../domain/shared/coalesced-run.js';

/** The least time between two announcements of one store, so a busy node wakes the others in steps, not per commit. */
const SPACING_MS = 10;

/**
 * Tells the listeners of every node that events were committed, after the commit rather than
 * inside the transaction: a transaction that calls `pg_notify` takes PostgreSQL's notification
 * lock when it commits and holds it until its commit is flushed to the disk, so such commits go
 * to the disk one after another instead of sharing a flush. Commits close together share one
 * announcement: while one is in flight, later commits are announced together by the next, sent
 * no sooner than `SPACING_MS` after it. A failed announcement is dropped: listeners also poll.
 */
export class CommitAnnouncer {
  private readonly run: CoalescedRun;

  constructor(
    announce: () => Promise<void>,
    pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.run = new CoalescedRun(() => announce().catch(() => {}), () => pause(SPACING_MS));
  }

  committed(): void {
    this.run.ask();
  }

  /** Stops announcing; resolves once the announcement in flight is done. */
  close(): Promise<void> {
    return this.run.stop();
  }
}
