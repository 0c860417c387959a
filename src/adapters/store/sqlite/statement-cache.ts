import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept prepared; `IN (…)` lists of every length make many, so the oldest go. */
const CAPACITY = 500;

/**
 * The database as Kysely's SQLite driver sees it, with `prepare` answered from a cache: Kysely
 * prepares every statement anew, and preparing costs as much as running most of ours. A statement
 * still being iterated is busy and cannot be shared, so a fresh one is prepared for that call.
 */
export function withStatementCache(database: SqliteDatabase.Database): KyselySqliteDatabase {
  const cache = new Map<string, RowStatement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.statement.busy) {
        // Re-inserting keeps the map in least-recently-used order.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = new RowStatement(database.prepare(sql));
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}

/**
 * A statement whose rows SQLite returns as arrays, made into objects by a function written for
 * its columns. better-sqlite3 builds each row object a property at a time from native code: a
 * page of 50 tickets (34 columns) took 2–3 times as long as reading the same rows as arrays and
 * building them with an object literal of fixed shape, which V8 compiles once.
 */
class RowStatement implements SqliteStatement {
  readonly reader: boolean;
  private readonly row: ((values: unknown[]) => unknown) | null;

  constructor(readonly statement: SqliteDatabase.Statement) {
    this.reader = statement.reader;
    this.row = statement.reader ? rowBuilder(statement.raw(true).columns()) : null;
  }

  all(parameters: readonly unknown[]): unknown[] {
    const rows = this.statement.all(parameters) as unknown[];
    if (this.row) for (let i = 0; i < rows.length; i++) rows[i] = this.row(rows[i] as unknown[]);
    return rows;
  }

  run(parameters: readonly unknown[]): SqliteDatabase.RunResult {
    return this.statement.run(parameters);
  }

  *iterate(parameters: readonly unknown[]): IterableIterator<unknown> {
    for (const values of this.statement.iterate(parameters) as IterableIterator<unknown[]>) yield this.row!(values);
  }
}

/**
 * `(values) => ({"id": values[0], "title": values[1], …})` for the statement's columns, the names
 * written in as JSON strings. As in better-sqlite3's own objects, a name that comes twice (a join)
 * keeps its last value, and a column named `__proto__` sets the prototype when it holds a blob.
 */
function rowBuilder(columns: readonly SqliteDatabase.ColumnDefinition[]): (values: unknown[]) => unknown {
  const fields = columns.map((column, i) => `${JSON.stringify(column.name)}: values[${i}]`);
  return new Function('values', `return {${fields.join(', ')}};`) as (values: unknown[]) => unknown;
}
