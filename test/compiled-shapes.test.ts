import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { insertShaped, runShaped } from '../src/adapters/store/compiled-shapes.js';
import type { Database } from '../src/adapters/store/schema.js';
import { BACKENDS, POSTGRES_URL } from './helpers/backends.js';

// A table of two columns under a name of the real schema, so the helpers' types accept it.
type Db = Kysely<Database>;
const notesOf = (db: Db, workspace: unknown) =>
  db.selectFrom('workspaces').select(['id', 'name']).where('name', '=', workspace as string).orderBy('id');

/** A bare Kysely instance per backend the suite runs on, each with one fresh table. */
async function withDatabases(run: (db: Db, name: string) => Promise<void>): Promise<void> {
  for (const { name } of BACKENDS) {
    const schema = `shapes_${randomBytes(6).toString('hex')}`;
    const db = name === 'sqlite'
      ? new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) })
      : new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` }) }) });
    try {
      if (name === 'postgres') await sql.raw(`create schema ${schema}`).execute(db);
      await sql`create table workspaces (id text primary key, name text)`.execute(db);
      await run(db, name);
    } finally {
      if (name === 'postgres') await sql.raw(`drop schema if exists ${schema} cascade`).execute(db).catch(() => {});
      await db.destroy();
    }
  }
}

describe('statements compiled once per shape', () => {
  it('reuse one shape for new values, on each dialect with its own SQL', async () => {
    await withDatabases(async (db, name) => {
      await insertShaped(db, 'workspaces', [{ id: 'a', name: 'x' }, { id: 'b', name: 'y' }]);
      await insertShaped(db, 'workspaces', [{ id: 'c', name: 'x' }, { id: 'd', name: 'z' }]);
      const of = async (workspace: string) => (await runShaped(db, 'notes by name', [workspace], ([w]) => notesOf(db, w))).rows;
      assert.deepEqual(await of('x'), [{ id: 'a', name: 'x' }, { id: 'c', name: 'x' }], name);
      assert.deepEqual(await of('z'), [{ id: 'd', name: 'z' }], name);
      assert.deepEqual(await of('none'), [], name);
    });
  });

  it('insert rows that set different columns, or the same in another order, as written', async () => {
    await withDatabases(async (db, name) => {
      await insertShaped(db, 'workspaces', [{ id: 'a', name: 'x' }, { name: 'y', id: 'b' }, { id: 'c', name: undefined }]);
      const rows = await db.selectFrom('workspaces').select(['id', 'name']).orderBy('id').execute();
      assert.deepEqual(rows, [{ id: 'a', name: 'x' }, { id: 'b', name: 'y' }, { id: 'c', name: null }], name);
    });
  });
});
