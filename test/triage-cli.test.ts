import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTicketCommand } from '../src/commands/create-ticket.js';
import { systemClock, systemContext, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import type { JsonBody } from './helpers/http.js';
import { runCli } from './helpers/cli.js';

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/triage-eval.csv', import.meta.url));

describe('switchboard triage eval', { concurrency: true }, () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-triage-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the report as tables', async () => {
    const { code, stdout } = await runCli(['triage', 'eval', '--data', FIXTURE, '--text', 'message', '--label', 'topic', '--seed', '3']);
    assert.equal(code, 0);
    for (const part of ['accuracy', 'macro-F1', 'expected calibration error', 'suggested threshold', 'out-of-scope recall', 'confusion']) {
      assert.ok(stdout.includes(part), `no "${part}" in\n${stdout}`);
    }
  });

  it('prints one JSON object with --json, with out-of-scope rows when the test file has labels training never saw', async () => {
    const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
    const header = lines[0]!;
    const train = file('train.csv', [header, ...lines.slice(1, 61).filter((l) => !l.endsWith(',shipping'))].join('\n'));
    const test = file('test.csv', [header, ...lines.slice(61, 91)].join('\n'));
    const { code, stdout } = await runCli(['triage', 'eval', '--train', train, '--test', test, '--text', 'message', '--label', 'topic', '--json', '--target-precision', '0.8']);
    assert.equal(code, 0);
    const report: JsonBody = JSON.parse(stdout);
    assert.equal(report.labels, 2);
    assert.ok(report.out_of_scope > 0 && report.in_scope > 0);
    assert.equal(report.thresholds.length, 20);
    assert.equal(report.suggested_threshold.target_precision, 0.8);
    assert.ok(report.accuracy > 0.8, String(report.accuracy));
    const high = report.thresholds.find((t: JsonBody) => t.threshold === 0.7);
    assert.ok(high.out_of_scope_recall > 0.5, JSON.stringify(high));
  });

  it('exits 2 with a clear message for a missing column, an empty file, empty text or clashing flags', async () => {
    const cases: [string[], RegExp][] = [
      [['--data', FIXTURE, '--text', 'body', '--label', 'topic'], /no column "body"; its columns are: id, message, topic/],
      [['--data', file('empty.csv', ''), '--text', 'message', '--label', 'topic'], /is empty/],
      [['--data', file('blank.csv', 'message,topic\nhello,a\n  ,b\nhi,\n'), '--text', 'message', '--label', 'topic'], /empty message or topic in row 3, 4/],
      [['--data', FIXTURE, '--train', FIXTURE, '--text', 'message', '--label', 'topic'], /either --data/],
    ];
    await Promise.all(cases.map(async ([args, message]) => {
      const { code, stderr } = await runCli(['triage', 'eval', ...args]);
      assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
      assert.match(stderr, message);
    }));
  });

  it('reads text that is not UTF-8 as Windows-1252 and says so', async () => {
    const latin = Buffer.from('message,topic\n' + Array.from({ length: 12 }, (_, i) => `caf\xe9 cr\xe8me ${i},food\nrefund invoice ${i},billing\n`).join(''), 'latin1');
    const path = join(dir, 'latin.csv');
    writeFileSync(path, latin);
    const { code, stderr } = await runCli(['triage', 'eval', '--data', path, '--text', 'message', '--label', 'topic', '--json']);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /not UTF-8/);
  });
});

for (const backend of BACKENDS) {
  describe(`switchboard triage train (${backend.name})`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await backend.open();
    });
    after(async () => db.cleanup());

    it('refuses without resolved tickets (exit 1), then trains with a report once there are some', async () => {
      const run = (...args: string[]) => runCli(['triage', 'train', '--workspace', 'default', ...args, ...db.cliArgs]);
      const { createWorkspaceCommand } = await import('../src/commands/workspace-commands.js');
      const ids = systemIds();
      const workspace = await db.store.transaction((tx) =>
        createWorkspaceCommand({ actor: { kind: 'system', id: null, name: 'test' }, clock: systemClock, ids, tx }, { slug: 'default', name: 'Default' }));
      const empty = await run();
      assert.equal(empty.code, 1, empty.stderr);
      assert.match(empty.stderr, /no resolved or closed tickets/);

      const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n').slice(1, 40);
      await db.store.transaction(async (tx) => {
        for (const line of lines) {
          const [, message, topic] = line.split(',');
          await createTicketCommand(systemContext(tx, workspace.id, ids), { title: message!, status: 'new', fields: { category: topic! } })
            .then((ticket) => tx.tickets.update({ ...ticket, status: 'resolved', version: ticket.version + 1 }, ticket));
        }
      });
      const trained = await run('--seed', '5');
      assert.equal(trained.code, 0, trained.stderr);
      assert.match(trained.stdout, /category model v1: 39 tickets, 3 classes; held out \d+: accuracy/);
      assert.match(trained.stderr, /No priority model/);
    });
  });
}
