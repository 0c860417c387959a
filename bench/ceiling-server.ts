// The ceiling: a bare Fastify endpoint that inserts the ticket row a `POST /v1/tickets` would
// store, straight through better-sqlite3 or pg, with the same durability settings as the store.
// No auth, no validation, no tags, no event, no Kysely: whatever Switchboard does beyond this
// row is what the ratio to this server measures. Run as its own process by the bench:
//   node dist/bench/ceiling-server.js '{"kind":"sqlite","file":"…","workspaceId":"…"}'
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/config/config.js';
import { UlidGenerator } from '../src/domain/shared/ids.js';
import { insertTicketSql, ticketRowValues, type TicketRowValues, type WireTicket } from './ceiling-row.js';

export type CeilingConfig =
  | { kind: 'sqlite'; file: string; workspaceId: string }
  | { kind: 'postgres'; url: string; schema: string; workspaceId: string };

type InsertRow = (values: TicketRowValues) => unknown;

/** Autocommit, one fsync per row: WAL with synchronous=FULL, as `openSqliteStore` sets it. */
function sqliteInserter(file: string): InsertRow {
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const statement = database.prepare(insertTicketSql(() => '?'));
  return (values) => statement.run(values);
}

/**
 * A pool as large as the store's (the same environment gives both their size), a named prepared
 * statement, PostgreSQL's default durability.
 */
function postgresInserter(url: string, schema: string): InsertRow {
  const pool = new pg.Pool({ connectionString: url, max: loadConfig(process.env).databasePoolSize, options: `-c search_path=${schema}` });
  const text = insertTicketSql((i) => `$${i}`);
  return (values) => pool.query({ name: 'bench_insert_ticket', text, values });
}

async function main(config: CeilingConfig): Promise<void> {
  const insert = config.kind === 'sqlite' ? sqliteInserter(config.file) : postgresInserter(config.url, config.schema);
  const ids = new UlidGenerator({ now: () => Date.now() }, (size) => randomBytes(size));
  const app = Fastify({ logger: false });
  app.post('/v1/tickets', async (request, reply) => {
    const id = ids.next('tkt');
    await insert(ticketRowValues(request.body as WireTicket, id, config.workspaceId, Date.now()));
    return reply.status(201).send({ id });
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`ceiling listening on ${address}`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

await main(JSON.parse(process.argv[2] ?? '{}') as CeilingConfig);
