import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { BenchContext } from './context.js';
import { fmt, type ReportRow } from './report.js';

const PROBE_MS = 2_000;

/**
 * How many durable commits the disk takes per second: one-row transactions in a loop, WAL with
 * synchronous=FULL, no server and no network. Any design that commits once per ticket is bound by
 * this; on a shared VM it moves during the run, which is why the ceiling is measured alongside.
 */
export function probeDisk(ctx: BenchContext): ReportRow {
  const database = new SqliteDatabase(join(ctx.dir, 'disk-probe.db'));
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.exec('create table probe (id integer primary key, payload text not null)');
    const insert = database.prepare('insert into probe (payload) values (?)');
    const payload = 'x'.repeat(700);
    const started = performance.now();
    let commits = 0;
    while (performance.now() - started < PROBE_MS) {
      insert.run(payload);
      commits++;
    }
    const perSecond = commits / ((performance.now() - started) / 1000);
    return {
      id: 'disk.commits',
      label: 'Disk: SQLite one-row commits, in-process',
      figure: `${fmt.int(perSecond)} commits/s`,
      goal: 'reference',
      verdict: 'info',
      note: `${(1000 / perSecond).toFixed(2)} ms per durable commit; one commit per ticket cannot go faster than this`,
    };
  } finally {
    database.close();
  }
}
