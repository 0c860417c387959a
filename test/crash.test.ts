import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { BACKENDS } from './helpers/backends.js';
import { startServer, type ServerProcess } from './helpers/server-process.js';

const CLIENTS = 8;
/** Tickets acknowledged before the kill: waited for, not timed, so a slow machine kills no sooner. */
const ACKNOWLEDGED_BEFORE_KILL = 40;
const ADMIN_TOKEN = `sb_crash_${randomBytes(12).toString('hex')}`;

/** One create request a client sent, and what it learned about it before the crash. */
interface Attempt {
  key: string;
  body: { title: string; tags: string[] };
  /** Set once a 201 and its body arrived: the ticket was acknowledged. */
  id?: string;
}

interface Reply {
  status: number;
  body: { id?: string; data?: Array<{ id: string; title: string }>; next_cursor?: string | null };
  replayed: boolean;
}

async function request(base: string, method: string, path: string, options: { body?: unknown; key?: string } = {}): Promise<Reply> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.key === undefined ? {} : { 'idempotency-key': options.key }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Reply['body'], replayed: response.headers.get('idempotent-replayed') === 'true' };
}

/** Creates tickets one after another until a request fails, which is how it notices the crash. */
async function client(base: string, tag: string, n: number, attempts: Attempt[]): Promise<void> {
  for (let i = 0; ; i++) {
    const attempt: Attempt = { key: `${tag}-${n}-${i}`, body: { title: `${tag}-${n}-${i}`, tags: [tag] } };
    attempts.push(attempt);
    let reply: Reply;
    try {
      reply = await request(base, 'POST', '/v1/tickets', { body: attempt.body, key: attempt.key });
    } catch {
      return;
    }
    assert.equal(reply.status, 201, `a create under load failed: ${JSON.stringify(reply.body)}`);
    attempt.id = reply.body.id;
  }
}

/** The titles of every ticket with the tag, page by page. */
async function titlesTagged(base: string, tag: string): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | null | undefined = null;
  do {
    const reply: Reply = await request(base, 'GET', `/v1/tickets?tag=${tag}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(reply.status, 200);
    titles.push(...reply.body.data!.map((t) => t.title));
    cursor = reply.body.next_cursor;
  } while (cursor);
  return titles;
}

function assertEachOnce(titles: string[], keys: string[]): void {
  const counts = new Map<string, number>();
  for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  const duplicated = [...counts].filter(([, count]) => count > 1).map(([title]) => title);
  assert.deepEqual(duplicated, [], 'no ticket may exist twice');
  const missing = keys.filter((key) => !counts.has(key));
  assert.deepEqual(missing, [], 'every acknowledged ticket must survive');
}

/** Runs `work` on every item, a few at a time. */
async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CLIENTS) await Promise.all(items.slice(i, i + CLIENTS).map(work));
}

for (const backend of BACKENDS) {
  describe(`crash safety of the real server (${backend.name})`, () => {
    it('keeps every acknowledged ticket exactly once through a SIGKILL, and retries add no duplicates', async () => {
      const db = await backend.open();
      const servers: ServerProcess[] = [];
      try {
        const first = await startServer(db.cliArgs, ADMIN_TOKEN);
        servers.push(first);
        const tag = `crash-${randomBytes(4).toString('hex')}`;
        const attempts: Attempt[] = [];
        let ended = 0;
        const clients = Array.from({ length: CLIENTS }, (_, n) => client(first.base, tag, n, attempts).finally(() => { ended++; }));
        while (ended === 0 && attempts.filter((a) => a.id !== undefined).length < ACKNOWLEDGED_BEFORE_KILL) await delay(10);
        await first.stop('SIGKILL');
        await Promise.all(clients);

        const acknowledged = attempts.filter((a) => a.id !== undefined);
        const inFlight = attempts.filter((a) => a.id === undefined);
        assert.ok(acknowledged.length > 0, `no ticket was created before the crash:\n${first.output()}`);
        assert.equal(inFlight.length, CLIENTS, 'each client had exactly one request open when the server died');

        const second = await startServer(db.cliArgs, ADMIN_TOKEN);
        servers.push(second);
        await inBatches(acknowledged, async (attempt) => {
          const reply = await request(second.base, 'GET', `/v1/tickets/${attempt.id}`);
          assert.equal(reply.status, 200, `acknowledged ticket ${attempt.id} is gone`);
          assert.equal((reply.body as { title?: string }).title, attempt.key);
        });
        const afterCrash = await titlesTagged(second.base, tag);
        assertEachOnce(afterCrash, acknowledged.map((a) => a.key));
        assert.ok(afterCrash.length <= attempts.length);

        // Retrying what was in flight creates what never landed and replays what did.
        await inBatches([...inFlight, ...acknowledged.slice(0, CLIENTS)], async (attempt) => {
          const reply = await request(second.base, 'POST', '/v1/tickets', { body: attempt.body, key: attempt.key });
          assert.equal(reply.status, 201, JSON.stringify(reply.body));
          if (attempt.id !== undefined) {
            assert.equal(reply.replayed, true);
            assert.equal(reply.body.id, attempt.id);
          }
        });
        const afterRetries = await titlesTagged(second.base, tag);
        assertEachOnce(afterRetries, attempts.map((a) => a.key));
        assert.equal(afterRetries.length, attempts.length);
      } finally {
        for (const server of servers) await server.stop('SIGTERM');
        await db.cleanup();
      }
    });
  });
}
