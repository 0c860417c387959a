import type { DomainEvent } from '../../domain/shared/event.js';
import type { Store } from '../../domain/store/store.js';
import { CoalescedRun } from '../../domain/shared/coalesced-run.js';
import { EventCursor } from './event-cursor.js';

/** Someone following one workspace's events. */
export interface FeedListener {
  /** New events of the workspace, in the order the feed read them. */
  deliver(events: DomainEvent[]): void;
  /** The listener asked to resume further back than the feed replays: it should reload what it shows. */
  reset(): void;
}

export interface EventFeedOptions {
  /** How often the events table is read while anyone listens (default 1 s); PostgreSQL also wakes the feed at once. */
  pollMs?: number;
  /** The most events replayed to a listener that resumes after an id (default 1,000); further back is a reset. */
  replayLimit?: number;
  now: () => number;
  onError(error: unknown): void;
}

interface Subscription {
  workspaceId: string;
  listener: FeedListener;
  /** The id to resume after, until the first read; null to start with what comes next. */
  resumeAfter: number | null;
  started: boolean;
}

const BATCH = 500;

/**
 * One per process: reads new rows of the events table for the workspaces someone listens to and
 * hands them out. It reads the table rather than relaying what this process wrote, so it sees the
 * events of every process on the database. It polls while anyone listens; where the store can
 * push (`supportsEventNotifications`), a commit anywhere wakes it at once.
 */
export class EventFeed {
  private readonly subscriptions = new Set<Subscription>();
  private readonly cursor: EventCursor;
  private timer: NodeJS.Timeout | null = null;
  private stopListening: Promise<(() => Promise<void>) | null> | null = null;
  /** Reads of the table, one at a time; wake-ups during a read make one more after it. */
  private readonly reads = new CoalescedRun(() => this.readReportingErrors());
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly options: EventFeedOptions,
  ) {
    this.cursor = new EventCursor(options.now);
  }

  /** Follows a workspace from now, or from just after `resumeAfter`; returns the way to stop. */
  subscribe(workspaceId: string, resumeAfter: number | null, listener: FeedListener): () => void {
    const subscription: Subscription = { workspaceId, listener, resumeAfter, started: false };
    this.subscriptions.add(subscription);
    this.startPolling();
    this.wake();
    return () => {
      this.subscriptions.delete(subscription);
      if (this.subscriptions.size === 0) this.stopPolling();
    };
  }

  /** Reads the table now (or right after the read in progress). */
  wake(): void {
    this.reads.ask();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscriptions.clear();
    this.stopPolling();
    await this.reads.stop();
    const stop = await this.stopListening;
    await stop?.();
  }

  private startPolling(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 1_000);
    this.timer.unref();
    if (this.store.capabilities.supportsEventNotifications && !this.stopListening) {
      this.stopListening = this.store.listenForEvents(() => this.wake()).catch((error: unknown) => {
        this.options.onError(error);
        return null;
      });
    }
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async readReportingErrors(): Promise<void> {
    try {
      await this.read();
    } catch (error) {
      this.options.onError(error);
    }
  }

  private async read(): Promise<void> {
    if (this.subscriptions.size === 0) return;
    if (!this.cursor.started) this.cursor.startAt(await this.store.read((tx) => tx.events.latestId()));
    const fresh = await this.readFresh();
    for (const subscription of [...this.subscriptions]) {
      if (subscription.started) {
        send(subscription, fresh);
      } else {
        subscription.started = true;
        if (subscription.resumeAfter === null) send(subscription, fresh);
        else await this.replay(subscription, subscription.resumeAfter);
      }
    }
  }

  private async readFresh(): Promise<DomainEvent[]> {
    const fresh: DomainEvent[] = [];
    let awaited = this.cursor.awaited();
    for (;;) {
      const rows = await this.store.read((tx) => tx.events.since(this.cursor.last, awaited, BATCH));
      fresh.push(...this.cursor.advance(rows));
      if (rows.length < BATCH) return fresh;
      awaited = [];
    }
  }

  /**
   * What a resuming listener missed: its workspace's events after its id, up to where the feed
   * stands. Holes are left out; they reach it live when they commit, like everyone else's.
   */
  private async replay(subscription: Subscription, after: number): Promise<void> {
    const limit = this.options.replayLimit ?? 1_000;
    const page = await this.store.read((tx) => tx.events.listForWorkspace(subscription.workspaceId, after, limit));
    const missed = page.items.filter((event) => event.id <= this.cursor.last && !this.cursor.isAwaited(event.id));
    if (page.nextCursor !== null && missed.length === page.items.length) subscription.listener.reset();
    else if (missed.length > 0) subscription.listener.deliver(missed);
  }
}

function send(subscription: Subscription, events: DomainEvent[]): void {
  const own = events.filter((event) => event.workspaceId === subscription.workspaceId);
  if (own.length > 0) subscription.listener.deliver(own);
}
