import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../src/adapters/store/open-store.js';
import { ensureDefaultWorkspace } from '../src/surfaces/bootstrap.js';
import { systemIds } from '../src/surfaces/runtime.js';
import { cpuSecondsOfProcessesNamed } from './server-process.js';

export type Backend = 'sqlite' | 'postgres';

/** An empty database of one backend: where it is, and the CLI flags that point at it. */
export interface BenchDatabase {
  backend: Backend;
  location: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema: string };
  cliArgs: string[];
  dispose(): Promise<void>;
}

export const POSTGRES_URL = process.env.SWITCHBOARD_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A new SQLite file in `dir` (the bench deletes the whole directory at the end). */
export function freshSqlite(dir: string, name: string): BenchDatabase & { file: string } {
  const file = join(dir, `${name}.db`);
  return { backend: 'sqlite', file, location: { kind: 'sqlite', file }, cliArgs: ['--db', file], dispose: async () => {} };
}

/** A new schema in the PostgreSQL test database, dropped by `dispose`. */
export function freshPostgres(url: string = POSTGRES_URL): BenchDatabase {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  return {
    backend: 'postgres',
    location: { kind: 'postgres', url, schema },
    cliArgs: ['--database-url', url, '--database-schema', schema],
    dispose: async () => {
      await withClient(url, (client) => client.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

/**
 * CPU seconds used so far by PostgreSQL's processes on this machine (its backends and its own
 * workers, for every database it serves); null when it runs elsewhere.
 */
export const postgresCpu = () => cpuSecondsOfProcessesNamed('postgres');

/** True when PostgreSQL answers within two seconds. */
export async function postgresAnswers(url: string = POSTGRES_URL): Promise<boolean> {
  try {
    await withClient(url, (client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the tables with the real migrations (so the ceiling writes to the same indexes) and the
 * default workspace a ticket row must reference; returns the workspace id.
 */
export async function migrateWithWorkspace(database: BenchDatabase, adminToken: string): Promise<string> {
  const store = openStore(database.location);
  try {
    await store.migrate();
    const boot = await ensureDefaultWorkspace(store, systemIds(), adminToken);
    if (!boot.workspace) throw new Error(boot.problem ?? 'no workspace');
    return boot.workspace.id;
  } finally {
    await store.close();
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}
