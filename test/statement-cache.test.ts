import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { withStatementCache } from '../src/adapters/store/sqlite/statement-cache.js';

/** A database with two tables that share a column name, behind the cache Kysely's driver sees. */
function cachedDatabase() {
  const database = new SqliteDatabase(':memory:');
  database.exec(`
    create table tickets (id text primary key, title text, score real, body blob);
    create table notes (id text primary key, ticket_id text, title text);
    insert into tickets values ('t1', 'Printer', 1.5, x'00ff'), ('t2', 'Mail', null, null);
    insert into notes values ('n1', 't1', 'Note title');
  `);
  return { database, cached: withStatementCache(database) };
}

describe('the SQLite statement cache', () => {
  it('gives rows as objects with every column, its value and type as SQLite has them', () => {
    const { cached } = cachedDatabase();
    const rows = cached.prepare('select id, title, score, body from tickets order by id').all([]);
    assert.deepEqual(rows, [
      { id: 't1', title: 'Printer', score: 1.5, body: Buffer.from([0, 255]) },
      { id: 't2', title: 'Mail', score: null, body: null },
    ]);
    assert.equal(Object.getPrototypeOf(rows[0]), Object.prototype);
  });

  it('keeps the last of two columns of one name, as SQLite\'s own objects do', () => {
    const { database, cached } = cachedDatabase();
    const query = 'select tickets.title, notes.title from tickets join notes on notes.ticket_id = tickets.id';
    assert.deepEqual(cached.prepare(query).all([]), database.prepare(query).all());
    assert.deepEqual(cached.prepare(query).all([]), [{ title: 'Note title' }]);
  });

  it('gives a row with a column named __proto__ as SQLite\'s own object would be', () => {
    const { database, cached } = cachedDatabase();
    const query = `select id, body as "__proto__" from tickets where id = 't1'`;
    const [row] = cached.prepare(query).all([]) as object[];
    const own = database.prepare(query).get() as object;
    assert.deepEqual(Object.getPrototypeOf(row), Object.getPrototypeOf(own));
    assert.deepEqual({ ...row }, { ...own });
  });

  it('gives the same objects when iterating, runs writes, and serves a statement again from the cache', () => {
    const { cached } = cachedDatabase();
    const statement = cached.prepare('select id, title from tickets where id = ?');
    assert.equal(cached.prepare('select id, title from tickets where id = ?'), statement);
    assert.deepEqual([...statement.iterate(['t2'])], [{ id: 't2', title: 'Mail' }]);
    const insert = cached.prepare('insert into notes values (?, ?, ?)');
    assert.equal(insert.reader, false);
    assert.equal(Number(insert.run(['n2', 't2', 'Second']).changes), 1);
    assert.deepEqual(cached.prepare('insert into notes values (?, ?, ?) returning id').all(['n3', 't2', 'Third']), [{ id: 'n3' }]);
  });
});
