import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { KyselyStore } from '../../src/adapters/store/kysely-store.js';
import { openStore, type StoreLocation } from '../../src/adapters/store/open-store.js';

/** A fresh, migrated database of one backend, and how to throw it away. */
export interface TestDatabase {
  store: KyselyStore;
  location: StoreLocation;
  /** Flags that point the CLI at this database. */
  cliArgs: string[];
  cleanup(): Promise<void>;
}

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestDatabase>;
}

export const POSTGRES_URL = process.env.SWITCHBOARD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const sqlite: TestBackend = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-test-'));
    const file = join(dir, 'test.db');
    const store = openStore({ kind: 'sqlite', file });
    await store.migrate();
    return {
      store,
      location: { kind: 'sqlite', file },
      cliArgs: ['--db', file],
      async cleanup() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: TestBackend = {
  name: 'postgres',
  async open() {
    // Each test database is its own schema, so suites run side by side in one database.
    const schema = `sbt_${randomBytes(6).toString('hex')}`;
    const store = openStore({ kind: 'postgres', url: POSTGRES_URL, schema, poolSize: 5 });
    await store.migrate();
    return {
      store,
      location: { kind: 'postgres', url: POSTGRES_URL, schema },
      cliArgs: ['--database-url', POSTGRES_URL, '--database-schema', schema],
      async cleanup() {
        await store.close();
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    };
  },
};

async function availableBackends(): Promise<TestBackend[]> {
  const wanted = (process.env.SWITCHBOARD_TEST_BACKENDS ?? 'sqlite,postgres').split(',').map((s) => s.trim());
  const list: TestBackend[] = [];
  if (wanted.includes('sqlite')) list.push(sqlite);
  if (wanted.includes('postgres')) {
    if (await postgresAnswers()) {
      list.push(postgres);
    } else if (process.env.SWITCHBOARD_REQUIRE_POSTGRES === '1') {
      throw new Error(`PostgreSQL is required (SWITCHBOARD_REQUIRE_POSTGRES=1) but ${POSTGRES_URL} does not answer.`);
    } else {
      console.log(`# PostgreSQL suite skipped: ${POSTGRES_URL} does not answer. Start PostgreSQL or set SWITCHBOARD_TEST_DATABASE_URL to run it.`);
    }
  }
  return list;
}

/** The backends every storage and HTTP test loops over; SWITCHBOARD_TEST_BACKENDS narrows the list. */
export const BACKENDS: TestBackend[] = await availableBackends();
