import type { Compilable, CompiledQuery, Kysely, QueryCreator, QueryResult } from 'kysely';
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
  const columns = setColumns(rows[0]!);
  const values = valuesInOrder(rows, columns);
  if (values === null) return db.executeQuery(insertOf<R>(db, table, rows, returning));
  const width = columns.length;
  return runShaped(db, `insert ${table} (${columns.join()}) × ${rows.length} returning ${returning ?? ''}`, values, (slots) =>
    insertOf<R>(db, table, rows.map((_, r) => Object.fromEntries(columns.map((column, c) => [column, slots[r * width + c]]))), returning));
}

/** Rows for one table of `insertTogether`. */
export interface TableRows {
  table: keyof Database & string;
  rows: readonly Record<string, unknown>[];
}

/**
 * Inserts into several tables in one statement, in the order given: the first parts as
 * data-modifying CTEs, the last as the statement, which returns its `returning` column (PostgreSQL
 * only; the database checks foreign keys at the end of the statement, so a later part may refer to
 * an earlier one's rows). One round trip instead of one per table. Compiled once per shape, as
 * `insertShaped`.
 */
export function insertTogether<R>(db: Kysely<Database>, parts: readonly TableRows[], returning: string): Promise<QueryResult<R>> {
  const columns = parts.map((part) => setColumns(part.rows[0]!));
  const values: unknown[] = [];
  for (const [i, part] of parts.entries()) {
    const inOrder = valuesInOrder(part.rows, columns[i]!);
    if (inOrder === null) return db.executeQuery(togetherOf<R>(db, parts, returning));
    values.push(...inOrder);
  }
  const key = `insert together ${parts.map((part, i) => `${part.table} (${columns[i]!.join()}) × ${part.rows.length}`).join(', ')} returning ${returning}`;
  return runShaped(db, key, values, (slots) => {
    let at = 0;
    const slotted = parts.map((part, i) => ({
      table: part.table,
      rows: part.rows.map(() => Object.fromEntries(columns[i]!.map((column) => [column, slots[at++]]))),
    }));
    return togetherOf<R>(db, slotted, returning);
  });
}

function togetherOf<R>(db: Kysely<Database>, parts: readonly TableRows[], returning: string): Compilable<R> {
  const last = parts.at(-1)!;
  let creator: QueryCreator<Database> = db;
  for (const [i, part] of parts.slice(0, -1).entries()) {
    creator = creator.with(`written_${i}`, (query) => query.insertInto(part.table).values(part.rows as never) as never) as unknown as QueryCreator<Database>;
  }
  return creator.insertInto(last.table).values(last.rows as never).returning(returning as never) as unknown as Compilable<R>;
}

function insertOf<R>(db: Kysely<Database>, table: keyof Database & string, rows: readonly Record<string, unknown>[], returning: string | undefined): Compilable<R> {
  const insert = db.insertInto(table).values(rows as never);
  return (returning ? insert.returning(returning as never) : insert) as unknown as Compilable<R>;
}

function setColumns(row: Record<string, unknown>): string[] {
  const columns: string[] = [];
  for (const column in row) if (row[column] !== undefined) columns.push(column);
  return columns;
}

/** Every row's values in `columns` order, or null when a row sets other columns or sets them in another order. */
function valuesInOrder(rows: readonly Record<string, unknown>[], columns: readonly string[]): unknown[] | null {
  const values: unknown[] = [];
  for (const row of rows) {
    let at = 0;
    for (const column in row) {
      const value = row[column];
      if (value === undefined) continue;
      if (columns[at] !== column) return null;
      values.push(value);
      at++;
    }
    if (at !== columns.length) return null;
  }
  return values;
}
