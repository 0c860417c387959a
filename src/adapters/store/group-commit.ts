import { sql, type Kysely } from 'kysely';
import type { StoreTx } from '../../domain/store/store.js';
import type { Database } from './schema.js';

/** Callbacks a transaction asked to run once it is durable, or once it rolled back. */
export class CommitHooks {
  private readonly committed: (() => void)[] = [];
  private readonly rolledBack: (() => void)[] = [];

  /** The repositories of a transaction with its hooks collected here. */
  bind(repositories: Omit<StoreTx, 'afterCommit' | 'afterRollback'>): StoreTx {
    return { ...repositories, afterCommit: (callback) => this.committed.push(callback), afterRollback: (callback) => this.rolledBack.push(callback) };
  }

  /** Runs the hooks of the outcome, once. */
  run(committed: boolean): void {
    const callbacks = committed ? this.committed : this.rolledBack;
    for (const callback of callbacks.splice(0)) callback();
  }
}

interface Pending {
  work: (tx: StoreTx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How many transactions share one commit at most. */
const MAX_BATCH = 256;

/**
 * Group commit for a single-writer database (one SQLite file): transactions that arrive while a
 * batch is open wait, then run one after another inside one database transaction, each in its own
 * savepoint, and share one commit — one fsync for many tickets instead of one each. A transaction
 * that fails is rolled back to its savepoint and rejected at once, without touching the others; the
 * rest are acknowledged only after the shared commit is durable. Where the flush to the disk is
 * `syncCommits` rather than part of `COMMIT` (SQLite), it runs off the event loop, and the next
 * batch does not wait for it: its transactions run and commit while the disk works, and their own
 * flush follows (see SharedFlush).
 */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private draining = false;
  private readonly flush: SharedFlush;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly beginSql: string,
    private readonly repositoriesOf: (db: Kysely<Database>) => Omit<StoreTx, 'afterCommit' | 'afterRollback'>,
    /** Makes what was committed durable, where `COMMIT` returns before the disk has it; the connection is free meanwhile. */
    syncCommits: () => Promise<void> = async () => {},
  ) {
    this.flush = new SharedFlush(syncCommits);
  }

  run<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.commitBatch();
    } finally {
      this.draining = false;
    }
  }

  /**
   * Runs queued transactions until none is waiting, letting the event loop turn once so that
   * requests which arrived meanwhile join this batch, then commits them together. Once only: under
   * a steady stream a batch that waited again whenever its queue ran dry would stay open for as
   * long as the stream lasts, and its first transaction would wait for all of them.
   */
  private async commitBatch(): Promise<void> {
    const done: { pending: Pending; value: unknown; hooks: CommitHooks }[] = [];
    try {
      await this.db.connection().execute(async (connection) => {
        await sql.raw(this.beginSql).execute(connection);
        const tx = this.repositoriesOf(connection);
        let turned = false;
        for (let taken = 0; taken < MAX_BATCH; taken++) {
          if (this.queue.length === 0 && !turned) {
            turned = true;
            await yieldToEventLoop();
          }
          const pending = this.queue.shift();
          if (!pending) break;
          const hooks = new CommitHooks();
          const value = await this.inSavepoint(connection, hooks.bind(tx), pending);
          if (value === FAILED) hooks.run(false);
          else done.push({ pending, value, hooks });
        }
        try {
          await sql.raw('commit').execute(connection);
        } catch (error) {
          await sql.raw('rollback').execute(connection).catch(() => {});
          throw error;
        }
      });
    } catch (error) {
      // Nothing of this batch reached the disk: every transaction that had not failed on its own fails now.
      for (const { pending, hooks } of done) {
        hooks.run(false);
        pending.reject(error);
      }
      return;
    }
    // Committed: what follows a commit runs now, whatever the disk says, since the database holds
    // it and the next batch must see it. The answers wait for the flush, which the next batch does not.
    for (const { hooks } of done) hooks.run(true);
    void this.answerOnceDurable(done);
  }

  /** A failed flush is answered as an error, never as a success that might not survive a power cut. */
  private async answerOnceDurable(committed: readonly { pending: Pending; value: unknown }[]): Promise<void> {
    const synced = await this.flush.covering().then(() => null, (error: unknown) => ({ error }));
    for (const { pending, value } of committed) {
      if (synced) pending.reject(synced.error);
      else pending.resolve(value);
    }
  }

  private async inSavepoint(connection: Kysely<Database>, tx: StoreTx, pending: Pending): Promise<unknown> {
    await sql.raw('savepoint grouped').execute(connection);
    try {
      const value = await pending.work(tx);
      await sql.raw('release grouped').execute(connection);
      return value;
    } catch (error) {
      await sql.raw('rollback to grouped').execute(connection);
      await sql.raw('release grouped').execute(connection);
      pending.reject(error);
      return FAILED;
    }
  }
}

const FAILED = Symbol('failed');

/**
 * Flushes to the disk one at a time. A flush covers every commit made before it started, so a
 * commit made while one runs waits for the next, which starts when the running one ends and serves
 * every commit made meanwhile: one flush each time the disk is ready, however many batches came.
 */
class SharedFlush {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly flush: () => Promise<void>) {}

  /** Resolves once a flush that started after this call has finished. */
  covering(): Promise<void> {
    const running = this.running;
    if (!running) return this.start();
    return (this.next ??= running.then(() => this.startNext(), () => this.startNext()));
  }

  private startNext(): Promise<void> {
    this.next = null;
    return this.start();
  }

  private start(): Promise<void> {
    const run = this.flush();
    this.running = run;
    const ended = () => { if (this.running === run) this.running = null; };
    run.then(ended, ended);
    return run;
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
