import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.js';

/** Stands for the value at `index` while a shape is compiled. */
class Slot {
  constructor(readonly index: number) {}
}

/** Past this many shapes a database's statements are built each time: keys made from input cannot grow memory. */
const MAX_SHAPES = 500;

interface Shape {
  query: CompiledQuery;
  /** Per parameter of the SQL: the slot whose value goes there, or a value the builder wrote itself. */
  parameters: readonly unknown[];
}

// Per database (its adapter, shared by every transaction of one Kysely instance): SQL differs by dialect.
const shapesByDatabase = new WeakMap<object, Map<string, Shape>>();

/**
 * Runs a hot statement compiled once per shape. Kysely builds and compiles a query on every call,
 * which for the statements every new ticket runs costs more than SQLite takes to execute them; a
 * query whose SQL depends only on `key` (its table, its columns, the lengths of its lists) is
 * built once with stand-ins for `values`, and later calls put their values in the stand-ins'
 * places. `build` must pass the values through untouched (no `toLowerCase`, no JSON encoding).
 */
export function runShaped<R>(
  db: Kysely<Database>,
  key: string,
  values: readonly unknown[],
  build: (values: readonly unknown[]) => Compilable<R>,
): Promise<QueryResult<R>> {
  const adapter = db.getExecutor().adapter;
  let shapes = shapesByDatabase.get(adapter);
  if (!shapes) shapesByDatabase.set(adapter, shapes = new Map());
  let shape = shapes.get(key);
  if (!shape) {
    if (shapes.size >= MAX_SHAPES) return db.executeQuery(build(values));
    const query = build(values.map((_, index) => new Slot(index))).compile();
    shape = { query, parameters: query.parameters };
    shapes.set(key, shape);
  }
  const parameters = shape.parameters.map((parameter) => parameter instanceof Slot ? values[parameter.index] : parameter);
  return db.executeQuery<R>({ ...shape.query, parameters } as CompiledQuery<R>);
}

/**
 * Inserts rows through a shape keyed by the table and the columns the rows set. Rows that set
 * different columns (Kysely leaves out undefined values) are inserted as Kysely builds them.
 */
export function insertShaped<T extends keyof Database & string, R = unknown>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Record<string, unknown>[],
  returning?: string,
): Promise<QueryResult<R>> {
  const columns = Object.keys(rows[0]!).filter((column) => rows[0]![column] !== undefined);
  const uniform = rows.every((row) => Object.keys(row).filter((column) => row[column] !== undefined).join() === columns.join());
  const values = uniform ? rows.flatMap((row) => columns.map((column) => row[column])) : [];
  const build = (slots: readonly unknown[]) => {
    const shapedRows = uniform
      ? rows.map((_, r) => Object.fromEntries(columns.map((column, c) => [column, slots[r * columns.length + c]])))
      : rows;
    const insert = db.insertInto(table).values(shapedRows as never);
    return (returning ? insert.returning(returning as never) : insert) as unknown as Compilable<R>;
  };
  if (!uniform) return db.executeQuery<R>(build([]));
  return runShaped(db, `insert ${table} (${columns.join()}) × ${rows.length} returning ${returning ?? ''}`, values, build);
}
