import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PageThreads } from '../src/surfaces/http/pages/page-threads.js';
import { assertError, createAgent, createTicket, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

const sqlite = BACKENDS.find((backend) => backend.name === 'sqlite')!;

describe('list reads answered on page threads (SQLite)', () => {
  let api: TestApi;
  /** A second app on the same database that reads its lists on the request's thread. */
  let inProcess: Pick<TestApi, 'call'>;
  let ann: string;
  before(async () => {
    api = await startTestApi(sqlite, { pageThreads: true });
    inProcess = await api.otherNode();
    expectStatus(await api.call('PUT', '/v1/routing/policy', { body: {
      queues: [{ id: 'general', agents: 'false' }], rules: [], default: { queue: 'general' },
    } }), 200);
    ann = (await createAgent(api, { name: 'Ann', teams: ['billing'], status: 'available' })).id;
    await createAgent(api, { name: 'Bo', teams: ['tier2'], status: 'away' });
    for (let i = 0; i < 7; i++) {
      await createTicket(api, {
        title: `Refund ${i} <script>alert(1)</script> ☃ 退款`, description: 'Charged twice, "quoted" \\ and a tab\t',
        priority: i % 2 === 1 ? 'urgent' : 'normal', tags: ['billing'], customer: { email: `c${i}@example.com` },
        ...(i < 3 ? { assignee: ann } : {}),
      });
    }
  });
  after(() => api.close());

  it('answers every list exactly as a node reading on the request\'s thread does', async () => {
    const first = expectStatus(await inProcess.call('GET', '/v1/tickets?limit=3'), 200);
    const urls = [
      '/v1/tickets', '/v1/tickets?limit=3', `/v1/tickets?limit=3&cursor=${first.next_cursor}`,
      '/v1/tickets?status=queued&priority=urgent,high', `/v1/tickets?assignee=${ann}&status=assigned`, '/v1/tickets?assignee=none',
      '/v1/tickets?q=refund', '/v1/tickets?tag=billing&limit=2', '/v1/agents', '/v1/agents?status=available', '/v1/agents?team=tier2',
    ];
    for (const url of urls) {
      const expected = expectStatus(await inProcess.call('GET', url), 200);
      assert.ok(expected.data.length > 0, `${url} lists something`);
      const threaded = await api.call('GET', url);
      assert.equal(threaded.status, 200, url);
      assert.match(String(threaded.headers['content-type']), /^application\/json; charset=utf-8$/, url);
      assert.deepEqual(threaded.body, expected, url);
    }
  });

  it('lists a ticket as soon as it was answered 201', async () => {
    const created = await createTicket(api, { title: 'Just arrived', description: 'Nothing yet' });
    const page = expectStatus(await api.call('GET', '/v1/tickets?limit=1'), 200);
    assert.equal(page.data[0].id, created.id);
  });

  it('refuses bad input with its coded errors, as without page threads', async () => {
    assertError(await api.call('GET', '/v1/tickets?cursor=not-ours'), 400, 'invalid_cursor');
    assertError(await api.call('GET', '/v1/agents?status=bogus'), 400, 'validation_failed');
  });

  it('fails a page, rather than leaving it waiting, when its thread cannot open the database', async () => {
    const pages = new PageThreads(join(tmpdir(), 'switchboard-no-such-folder', 'missing.db'), 1);
    try {
      await assert.rejects(pages.answer({ kind: 'agents', query: { workspaceId: api.workspaceId, limit: 1 } }), /Cannot open database/);
    } finally {
      await pages.close();
    }
  });
});
