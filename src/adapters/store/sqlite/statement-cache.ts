import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/** Distinct statements kept prepared; `IN (…)` lists of every length make many, so the oldest go. */
const CAPACITY = 500;

/**
 * The database as Kysely's SQLite driver sees it, with `prepare` answered from a cache: Kysely
 * prepares every statement anew, and preparing costs as much as running most of ours. A statement
 * still being iterated is busy and cannot be shared, so a fresh one is prepared for that call.
 */
export function withStatementCache(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Re-inserting keeps the map in least-recently-used order.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
