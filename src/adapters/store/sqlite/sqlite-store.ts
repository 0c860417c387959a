import { open, type FileHandle } from 'node:fs/promises';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type CreateTableBuilder } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';
import { sqliteFullText } from './sqlite-full-text.js';
import { withStatementCache } from './statement-cache.js';
import { KyselyStore } from '../kysely-store.js';
import type { Database } from '../schema.js';

const SQLITE_TRAITS: DialectTraits = {
  capabilities: { supportsSkipLocked: false, supportsConcurrentWriters: false, supportsRowLocks: false, supportsEventNotifications: false },
  jsonType: 'text',
  bigintType: 'integer',
  // IMMEDIATE takes the write lock at once, so a second process waits (busy_timeout) instead of
  // failing half-way through a transaction.
  beginSql: 'begin immediate',
  addAutoIdColumn<T extends string>(table: CreateTableBuilder<T, never>) {
    return table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  },
  // One writer at a time, and busy_timeout already waits for the lock: nothing to retry.
  isRetryable: () => false,
  isCatalogRace: () => false,
  fullText: sqliteFullText,
  jsonText: (column, key) => sql<string | null>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${key}`)})`,
  // json_each rather than a path: a key from input may hold the characters a path gives meaning to.
  jsonHasKey: (column, key) =>
    sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}) as j where j.key = ${key})`,
  jsonArrayHas: (column, value) =>
    sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}) as j where j.value = ${value})`,
  // Nothing to tell: listeners poll the events table.
  installEventNotifications: async () => {},
  removeEventNotifications: async () => {},
  // Only SELECT may stand in a WITH clause; each table takes its statement (in-process, no round trip).
  insertsTogether: false,
  // SQLite gathers statistics only when asked; a server started on a young database would plan
  // with none while its tables grow. Cheap when nothing changed much (analysis_limit bounds it).
  async refreshStatistics(db) {
    await sql`pragma optimize`.execute(db);
  },
  isUniqueViolation(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  },
};

/**
 * Opens the embedded backend: one SQLite file in WAL mode, where a ticket acknowledged to a client
 * survives a crash or a power cut. `COMMIT` writes the transaction to the WAL file without waiting
 * for the disk (`synchronous=NORMAL`); the shared commit is then flushed with `fdatasync` on
 * libuv's thread pool (`WalFile`) before any of its requests is answered, so the event loop parses,
 * reads and routes while the disk works, instead of blocking in a synchronous fsync for each
 * commit. SQLite itself syncs the WAL before each checkpoint and its header when it is reused.
 */
export function openSqliteStore(file: string): KyselyStore {
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  // A checkpoint copies each page once however often the WAL holds it, and every commit rewrites
  // the same hot pages (the ends of the ticket and event indexes): at 4,000 pages instead of
  // SQLite's 1,000, the event loop spent half the time in checkpoints under a full intake load
  // (13 ms a quarter as often instead of 6.8 ms), for a WAL of up to ~16 MB.
  database.pragma('wal_autocheckpoint = 4000');
  database.pragma('foreign_keys = ON');
  tune(database);
  // Gathers the statistics the planner needs to use the customer and assignee indexes on big
  // tables (without them it scans the workspace); cheap when nothing changed.
  database.pragma('analysis_limit = 1000');
  database.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const wal = new WalFile(`${file}-wal`);
  const reader = readConnection(file);
  return new KyselyStore(db, SQLITE_TRAITS, {
    readDb: reader.db, readStamp: reader.stamp, syncCommits: () => wal.sync(), closed: () => wal.close(),
  });
}

/**
 * A store on the file that only reads, for a thread of its own (see PageThreads): one read-only
 * connection, which sees the last commit of the process's writer while that writer works (WAL).
 */
export function openSqliteReader(file: string): KyselyStore {
  const reader = readConnection(file);
  return new KyselyStore(reader.db, SQLITE_TRAITS, { readDb: reader.db, readStamp: reader.stamp });
}

/**
 * The database's WAL file, flushed to the disk off the event loop: what COMMIT wrote there is then
 * durable. It stays open between flushes (opening it for each cost more than the flush's own
 * share of the loop): SQLite keeps the same file while any connection is open, truncating and
 * reusing it but never replacing it, and the store's connections stay open until it closes.
 */
class WalFile {
  private handle: Promise<FileHandle> | null = null;

  constructor(private readonly path: string) {}

  async sync(): Promise<void> {
    const opened = (this.handle ??= open(this.path, 'r'));
    try {
      await (await opened).datasync();
    } catch (error) {
      // Opened again next time: a failed open must not be remembered.
      if (this.handle === opened) this.handle = null;
      throw error;
    }
  }

  /** Closes the file once the flushes in progress are done. */
  async close(): Promise<void> {
    const opened = this.handle;
    this.handle = null;
    await (await opened?.catch(() => null))?.close();
  }
}

/**
 * A second, read-only connection for reads outside transactions. The writer's connection is held
 * by a batch of transactions until their shared commit is durable (GroupCommitter); WAL lets a
 * reader see the last commit meanwhile, so a page of tickets does not wait for other people's
 * new tickets to reach the disk. Its stamp is SQLite's `data_version`, which moves with every
 * commit the reader has not seen yet, its own process's writer's included.
 */
function readConnection(file: string): { db: Kysely<Database>; stamp: () => number } {
  const database = new SqliteDatabase(file, { readonly: true });
  tune(database);
  const dataVersion = database.prepare('pragma data_version').pluck();
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }),
    stamp: () => dataVersion.get() as number,
  };
}

function tune(database: SqliteDatabase.Database): void {
  database.pragma('busy_timeout = 5000');
  // better-sqlite3 builds SQLite with a 16 MB page cache. Random ticket reads on a large file miss
  // it anyway (the OS caches the file), while the pages every statement needs, the indexes' upper
  // levels, fit in a few MB: 4 MB kept the desk reads' CPU per request and saved ~12 MB of RSS.
  database.pragma('cache_size = -4000');
}
