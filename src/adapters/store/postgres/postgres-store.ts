import { Kysely, PostgresDialect, sql, type CreateTableBuilder } from 'kysely';
import type pg from 'pg';
import { lazyModule } from '../../../domain/shared/lazy-module.js';
import type { DialectTraits } from '../dialect-traits.js';
import { postgresFullText } from './postgres-full-text.js';
import { KyselyStore } from '../kysely-store.js';
import type { Database } from '../schema.js';

/** The driver, loaded when a PostgreSQL store is opened: a SQLite server never needs its memory. */
const driver = lazyModule<typeof pg>('pg');
const INT8_OID = 20;
const EVENTS_CHANNEL = 'switchboard_events';

/** Errors of reading the catalog while another schema is dropped or migrated (see isCatalogRace). */
const CATALOG_RACE_CODES: ReadonlySet<string> = new Set(['3F000', '42P01', '42703']);

const POSTGRES_TRAITS: DialectTraits = {
  capabilities: { supportsSkipLocked: true, supportsConcurrentWriters: true, supportsRowLocks: true, supportsEventNotifications: true },
  jsonType: 'jsonb',
  bigintType: 'bigint',
  beginSql: 'begin',
  fullText: postgresFullText,
  jsonText: (column, key) => sql<string | null>`(${sql.ref(column)} ->> ${sql.lit(key)})`,
  // jsonb's `?` asks for a key of an object or a string element of an array alike.
  jsonHasKey: (column, key) => sql<boolean>`(${sql.ref(column)} ? ${key})`,
  jsonArrayHas: (column, value) => sql<boolean>`(${sql.ref(column)} ? ${value})`,
  // Autovacuum keeps PostgreSQL's statistics fresh.
  refreshStatistics: async () => {},
  // A statement trigger on the events table: delivered when the transaction commits, to every
  // LISTENing connection of the database, once per transaction (PostgreSQL folds repeats). The
  // payload names the schema, so the nodes of other Switchboards in the database stay asleep.
  async installEventNotifications(db) {
    await sql.raw(`create or replace function switchboard_notify_events() returns trigger language plpgsql as $$
      begin
        perform pg_notify('${EVENTS_CHANNEL}', tg_table_schema);
        return null;
      end $$`).execute(db);
    await sql.raw('create trigger events_notify after insert on events for each statement execute function switchboard_notify_events()').execute(db);
  },
  async removeEventNotifications(db) {
    await sql.raw('drop trigger if exists events_notify on events').execute(db);
    await sql.raw('drop function if exists switchboard_notify_events()').execute(db);
  },
  insertsTogether: true,
  addAutoIdColumn<T extends string>(table: CreateTableBuilder<T, never>) {
    return table.addColumn('id', 'bigserial', (c) => c.primaryKey());
  },
  isUniqueViolation(error: unknown): boolean {
    return (error as { code?: unknown } | null)?.code === '23505';
  },
  isRetryable(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return code === '40P01' || code === '40001';
  },
  // Our own schema exists before migrating, so an unknown schema (3F000), table (42P01) or column
  // (42703) met while reading the catalog belongs to another schema, dropped or migrated mid-query.
  isCatalogRace: (error: unknown) => CATALOG_RACE_CODES.has(String((error as { code?: unknown } | null)?.code)),
};

export interface PostgresOptions {
  url: string;
  /** A schema to keep the tables in (created when missing); default: the database's search path. */
  schema?: string;
  /**
   * Connections in the pool: a server's comes from its configuration (`databasePoolSize`, 20
   * unless set: a ticket takes five round trips, each waiting its turn on a busy event loop while
   * it holds its connection, and with 10 one node's intake waited for connections more than for
   * PostgreSQL); without it, the driver's default (10).
   */
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the scale-out backend: a pool of connections to one PostgreSQL database. */
export function openPostgresStore(options: PostgresOptions): KyselyStore {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Invalid PostgreSQL schema name "${schema}".`);
  const connection = { connectionString: options.url, options: schema ? `-c search_path=${schema}` : undefined };
  const pg = driver();
  const pool = new pg.Pool({
    ...connection,
    max: options.poolSize,
    types: {
      // Millisecond timestamps are bigint; they fit a JavaScript number exactly.
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStore(db, POSTGRES_TRAITS, {
    async beforeMigrate(kysely) {
      // Two nodes creating the schema at once can collide even with IF NOT EXISTS; the loser goes on.
      if (schema) {
        await sql.raw(`create schema if not exists ${schema}`).execute(kysely).catch((error: unknown) => {
          if (!POSTGRES_TRAITS.isUniqueViolation(error)) throw error;
        });
      }
      const { rows } = await sql<{ name: string | null }>`select current_schema() as name`.execute(kysely);
      return rows[0]?.name ?? undefined;
    },
    eventListener: (wake) => listenForEvents(connection, wake),
    // The payload names the schema, as the listeners expect (see listenForEvents).
    announceCommits: async () => {
      await sql`select pg_notify(${EVENTS_CHANNEL}, current_schema())`.execute(db);
    },
  });
}

/**
 * Holds one connection of its own that LISTENs for committed events. If it breaks, listeners are
 * only woken later by their own polling, so its errors are dropped rather than crash the process.
 */
async function listenForEvents(connection: pg.ClientConfig, wake: () => void): Promise<() => Promise<void>> {
  const client = new (driver().Client)(connection);
  client.on('error', () => {});
  await client.connect();
  const { rows } = await client.query<{ name: string }>('select current_schema() as name');
  const schema = rows[0]!.name;
  client.on('notification', (message) => {
    if (message.payload === schema) wake();
  });
  await client.query(`listen ${EVENTS_CHANNEL}`);
  return async () => {
    await client.end().catch(() => {});
  };
}
