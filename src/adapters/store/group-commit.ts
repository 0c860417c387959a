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
 * commit is in flight wait, then run one after another inside one database transaction, each in
 * its own savepoint, and share one commit — one fsync for many tickets instead of one each.
 * A transaction that fails is rolled back to its savepoint and rejected at once, without touching
 * the others; the rest are acknowledged only after the shared commit is durable. Where the flush to
 * the disk is `syncCommits` rather than part of `COMMIT` (SQLite), it runs off the event loop.
 */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly beginSql: string,
    private readonly repositoriesOf: (db: Kysely<Database>) => Omit<StoreTx, 'afterCommit' | 'afterRollback'>,
    /** Makes what was committed durable, where `COMMIT` returns before the disk has it; the connection is free meanwhile. */
    private readonly syncCommits: () => Promise<void> = async () => {},
  ) {}

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
   * Runs queued transactions until none is waiting — letting the event loop turn once before the
   * commit, so requests that arrived meanwhile join this batch — then commits them together.
   */
  private async commitBatch(): Promise<void> {
    const done: { pending: Pending; value: unknown; hooks: CommitHooks }[] = [];
    try {
      await this.db.connection().execute(async (connection) => {
        await sql.raw(this.beginSql).execute(connection);
        const tx = this.repositoriesOf(connection);
        for (let taken = 0; taken < MAX_BATCH; taken++) {
          if (this.queue.length === 0) await yieldToEventLoop();
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
    // Committed: what follows a commit runs whatever the disk says, since the database holds it.
    // A failed flush is answered as an error, never as a success that might not survive a power cut.
    const synced = await this.syncCommits().then(() => null, (error: unknown) => ({ error }));
    for (const { pending, value, hooks } of done) {
      hooks.run(true);
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

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
