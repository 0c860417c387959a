import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { GroupCommitter } from '../src/adapters/store/group-commit.js';
import type { Database } from '../src/adapters/store/schema.js';
import type { StoreTx } from '../src/domain/store/store.js';

/** A transaction's own connection, which these tests hand to the work instead of repositories. */
const connectionOf = (tx: StoreTx) => (tx as unknown as { connection: Kysely<Database> }).connection;

/** A flush the test finishes (or fails) when it chooses. */
function heldFlush() {
  const calls: { finish: () => void; fail: (error: Error) => void }[] = [];
  const sync = () => new Promise<void>((resolve, reject) => { calls.push({ finish: resolve, fail: reject }); });
  return { calls, sync };
}

describe('group commit on SQLite', () => {
  let dir: string;
  let file: string;
  let db: Kysely<Database>;
  let reader: SqliteDatabase.Database;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-group-'));
    file = join(dir, 'group.db');
    const writer = new SqliteDatabase(file);
    writer.pragma('journal_mode = WAL');
    writer.exec('create table rows (name text primary key)');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: writer }) });
    reader = new SqliteDatabase(file, { readonly: true });
  });
  after(async () => {
    reader.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (name: string) => async (tx: StoreTx) => {
    await sql`insert into rows (name) values (${name})`.execute(connectionOf(tx));
    return name;
  };
  const stored = (name: string) => reader.prepare('select count(*) as n from rows where name = ?').get(name) as { n: number };
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('answers the transactions of a shared commit only once the flush that follows it has finished', async () => {
    const flush = heldFlush();
    const committer = new GroupCommitter(db, 'begin immediate', (connection) => ({ connection }) as never, flush.sync);
    let answered = 0;
    const names = ['a1', 'a2', 'a3'];
    const runs = names.map((name) => committer.run(insert(name)).then((value) => { answered++; return value; }));
    while (flush.calls.length === 0) await nextTurn();
    assert.deepEqual(names.map((name) => stored(name).n), [1, 1, 1], 'committed, and seen by another connection');
    assert.equal(answered, 0, 'nobody is answered before the flush');
    flush.calls[0]!.finish();
    assert.deepEqual(await Promise.all(runs), names);
    assert.equal(flush.calls.length, 1, 'one flush for the shared commit');
  });

  it('answers a failed flush as an error, after the commit hooks ran', async () => {
    const flush = heldFlush();
    const committer = new GroupCommitter(db, 'begin immediate', (connection) => ({ connection }) as never, flush.sync);
    let hooked = false;
    const run = committer.run(async (tx) => {
      tx.afterCommit(() => { hooked = true; });
      return insert('b1')(tx);
    });
    while (flush.calls.length === 0) await nextTurn();
    flush.calls[0]!.fail(new Error('EIO: the disk refused the flush'));
    await assert.rejects(run, /EIO/);
    assert.equal(hooked, true, 'the database holds the row, so what follows a commit ran');
  });

  it('keeps a batch open for one turn of the event loop, however steady the stream of transactions', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const storedAtEachFlush: number[] = [];
    const count = reader.prepare("select count(*) as n from rows where name like 'c%'");
    const committer = new GroupCommitter(db, 'begin immediate', (connection) => ({ connection }) as never, async () => {
      storedAtEachFlush.push((count.get() as { n: number }).n);
    });
    const runs: Promise<string>[] = [];
    for (const name of names) {
      runs.push(committer.run(insert(name)));
      await nextTurn();
    }
    assert.deepEqual(await Promise.all(runs), names);
    assert.ok(storedAtEachFlush[0]! < names.length, `the first commit came before the stream ended (it held ${storedAtEachFlush[0]})`);
    assert.ok(storedAtEachFlush.length >= names.length / 2, `a commit every turn or two: ${storedAtEachFlush.length} commits`);
  });

  it('runs and commits the next batch while the flush of the one before is still running, then flushes again for it', async () => {
    const flush = heldFlush();
    const committer = new GroupCommitter(db, 'begin immediate', (connection) => ({ connection }) as never, flush.sync);
    let secondAnswered = false;
    const first = committer.run(insert('d1'));
    while (flush.calls.length === 0) await nextTurn();
    const second = committer.run(insert('d2')).then((value) => { secondAnswered = true; return value; });
    for (let turn = 0; turn < 50 && stored('d2').n === 0; turn++) await nextTurn();
    assert.equal(stored('d2').n, 1, 'the second batch committed while the first flush ran');
    assert.equal(flush.calls.length, 1, 'its flush waits for the running one, which started before its commit');
    flush.calls[0]!.finish();
    assert.equal(await first, 'd1');
    while (flush.calls.length === 1) await nextTurn();
    assert.equal(secondAnswered, false, 'not answered by a flush that started before its commit');
    flush.calls[1]!.finish();
    assert.equal(await second, 'd2');
  });
});
