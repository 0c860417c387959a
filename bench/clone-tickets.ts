import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { UlidGenerator } from '../src/domain/shared/ids.js';

/** How each copy differs from its template: its id, its customer, and who (if anyone) holds it. */
export interface CloneSpec {
  templateIds: readonly string[];
  count: number;
  /** The agent the n-th copy is assigned to, or null to leave it queued. */
  assigneeOf(n: number): string | null;
}

// Copies tickets the commands wrote, row for row (ticket, tags, `ticket.created` event), with SQL
// built from the live table definitions: a column added by a later migration is copied too, so
// the seeded rows keep the shape the repository writes without the bench knowing it.
const BATCH = 20_000;

function columnsOf(db: SqliteDatabase.Database, table: string): string[] {
  return db.prepare(`select name from pragma_table_info('${table}')`).pluck().all() as string[];
}

function copySql(db: SqliteDatabase.Database, table: string, overrides: Record<string, string>, where: string, skip: string[] = []): string {
  const columns = columnsOf(db, table).filter((column) => !skip.includes(column));
  const select = columns.map((column) => overrides[column] ?? `"${column}"`).join(', ');
  return `insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) select ${select} from ${table} where ${where}`;
}

/** Adds `spec.count` copies of the template tickets to the SQLite file; returns their ids. */
export function cloneTickets(file: string, spec: CloneSpec): string[] {
  const db = new SqliteDatabase(file);
  try {
    db.pragma('journal_mode = WAL');
    // Seeding only: a large cache keeps the six ticket indexes in memory between batches.
    db.pragma('cache_size = -131072');
    // Each copy gets a customer of its own: 50 open tickets per customer would make every new
    // ticket of those customers a suspected duplicate.
    const ticket = db.prepare(copySql(db, 'tickets', {
      id: '@id',
      assignee_id: '@assignee',
      status: '@status',
      customer_id: '@customer',
      customer_email: '@email',
      customer: `json_set("customer", '$.id', @customer, '$.email', @email)`,
    }, 'id = @template'));
    const tags = db.prepare(copySql(db, 'ticket_tags', { ticket_id: '@id' }, 'ticket_id = @template'));
    const event = db.prepare(copySql(db, 'events', {
      entity_id: '@id',
      ticket_id: '@id',
      after: `json_set("after", '$.id', @id, '$.assigneeId', @assignee, '$.status', @status, '$.customer.id', @customer, '$.customer.email', @email)`,
    }, `ticket_id = @template and type = 'ticket.created'`, ['id']));
    const ids = new UlidGenerator({ now: () => Date.now() }, (size) => randomBytes(size));
    const created: string[] = [];
    const batch = db.transaction((from: number, to: number) => {
      for (let n = from; n < to; n++) {
        const assignee = spec.assigneeOf(n);
        const row = {
          id: ids.next('tkt'), template: spec.templateIds[n % spec.templateIds.length], assignee, status: assignee ? 'assigned' : 'queued',
          customer: `cus_seed_${n}`, email: `seed.${n}@example.com`,
        };
        ticket.run(row);
        tags.run({ id: row.id, template: row.template });
        event.run(row);
        created.push(row.id);
      }
    });
    for (let from = 0; from < spec.count; from += BATCH) {
      batch(from, Math.min(spec.count, from + BATCH));
      // Fold the batch into the database file now: left in a growing WAL, every later lookup
      // walks the WAL index and the copy slows down several times over.
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return created;
  } finally {
    db.close();
  }
}
