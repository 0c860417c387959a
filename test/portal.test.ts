import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signLink } from '../src/domain/portal/signed-link.js';
import { DEFAULT_PORTAL_SETTINGS } from '../src/commands/portal/portal-settings.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { assertError, createAgent, expectStatus, patchTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { sendRequest, setUpPortalTypes, solve, solvedChallenge, submittedRequest } from './helpers/portal-fixtures.js';

/** Fewer bits than in production keep the tests quick; the checks are the same. */
const SETTINGS = { ...DEFAULT_PORTAL_SETTINGS, challenge: { ...DEFAULT_PORTAL_SETTINGS.challenge, bits: 10 } };
const HARDWARE = { type: 'hardware', title: 'Laptop will not boot', description: 'The screen stays black.', fields: { serial: 'SN-1', device: 'laptop', floor: 3 } };

for (const backend of BACKENDS) {
  describe(`requester portal (${backend.name})`, () => {
    let api: TestApi;
    const clock = new ManualClock(Date.now());
    const publicCall = (method: 'GET' | 'POST', url: string, body?: unknown) => api.call(method, url, { token: '', body });
    const statusOf = async (token: string) => expectStatus(await publicCall('GET', `/v1/portal/main/status/${token}`), 200);

    before(async () => {
      api = await startTestApi(backend, { clock, portal: SETTINGS });
      await setUpPortalTypes(api);
    });
    after(() => api.close());

    it('describes the form of a workspace by its slug, with only the types offered on it', async () => {
      const form = expectStatus(await publicCall('GET', '/v1/portal/main/form'), 200);
      assert.deepEqual(form.types.map((type: JsonBody) => type.name), ['hardware', 'question']);
      assert.equal(form.types[0].fields[0].required, true);
      assert.deepEqual(form.locales, ['en', 'id', 'sv', 'fi', 'zh']);
      assertError(await publicCall('GET', '/v1/portal/nobody/form'), 404, 'workspace_not_found');
      assertError(await publicCall('POST', '/v1/portal/nobody/challenge'), 404, 'workspace_not_found');
    });

    it('refuses a wrong answer, a filled honeypot, a forged, reused or expired challenge and a form sent too fast', async () => {
      const answer = await solvedChallenge(api);
      const body = { ...HARDWARE, language: 'en', name: 'Ana', email: 'ana@example.com' };
      const send = (extra: Record<string, unknown>) => publicCall('POST', '/v1/portal/main/requests', { ...body, ...answer, ...extra });
      const tooFast = assertError(await send({}), 429, 'submitted_too_fast');
      assert.ok(tooFast.retry_after_s >= 1 && tooFast.retry_after_s <= 3);
      clock.advance(5_000);
      const wrong = solve(answer.challenge, 1) === answer.nonce ? `${answer.nonce}x` : solve(answer.challenge, 1);
      assert.equal(assertError(await send({ nonce: wrong }), 422, 'challenge_failed').reason, 'invalid');
      assert.equal(assertError(await send({ website: 'http://spam.example' }), 422, 'challenge_failed').reason, 'invalid');
      const forged = answer.challenge.replace(/\.(\d+)\./, (_all, at: string) => `.${Number(at) - 60_000}.`);
      assert.equal(assertError(await send({ challenge: forged, nonce: solve(forged, 10) }), 422, 'challenge_failed').reason, 'invalid');
      expectStatus(await send({}), 201);
      assert.equal(assertError(await send({}), 422, 'challenge_failed').reason, 'reused');
      const old = await solvedChallenge(api);
      clock.advance(SETTINGS.challenge.maxAgeMs);
      assert.equal(assertError(await publicCall('POST', '/v1/portal/main/requests', { ...body, ...old }), 422, 'challenge_failed').reason, 'expired');
      assertError(await publicCall('POST', '/v1/portal/main/requests', { ...body, ...old, extra: 1 }), 400, 'validation_failed');
    });

    it('checks fields by the type, takes a request missing required fields as needs_info, and links its status page', async () => {
      const refused = assertError(await sendRequest(api, { ...HARDWARE, fields: { ...HARDWARE.fields, floor: 99, device: 'toaster' } }), 422, 'invalid_fields');
      assert.deepEqual(refused.errors.map((e: JsonBody) => e.path).sort(), ['/fields/device', '/fields/floor']);
      assertError(await sendRequest(api, { ...HARDWARE, type: 'internal_task' }), 422, 'invalid_value');
      const taken = await submittedRequest(api, { ...HARDWARE, fields: { device: 'phone' }, language: 'fi', priority: 'high' });
      assert.equal(taken.status, 'needs_info');
      assert.equal(taken.status_url, `/portal/main/status/${taken.token}`);
      // Without outbound mail nothing is sent, so the page must not promise an e-mail.
      assert.equal(taken.mail_sent, false);
      const ticket = expectStatus(await api.call('GET', `/v1/tickets/${taken.reference}`), 200);
      assert.deepEqual([ticket.channel, ticket.language, ticket.priority, ticket.customer.email], ['form', 'fi', 'high', 'ana@example.com']);
      const view = await statusOf(taken.token);
      assert.equal(view.progress.current, 'received');
      assert.equal(view.progress.waiting_on, 'requester');
      assert.equal(view.language, 'fi');
      assert.match(view.conversation[0].body, /Sarjanumero/);
    });

    it('tells the requester what to expect from the SLA: due times while they run, then when it was answered', async () => {
      const targets = { normal: { first_response: { minutes: 60 }, resolution: { minutes: 480 } } };
      expectStatus(await api.call('POST', '/v1/sla-policies', { body: { name: 'questions', condition: "ticket.type == 'question'", targets } }), 201);
      const { reference, token } = await submittedRequest(api, { type: 'question', title: 'Holiday request', description: 'How many days do I have left?', fields: {} });
      const created = Date.parse((await statusOf(token)).created_at);
      const { expected } = await statusOf(token);
      assert.equal(Date.parse(expected.first_response.due_at), created + 60 * 60_000);
      assert.equal(Date.parse(expected.resolution.due_at), created + 480 * 60_000);
      assert.equal(expected.answered_at, null);
      const agent = await createAgent(api, { name: 'Sla Agent', status: 'available' });
      await patchTicket(api, reference, { assignee: agent.id, status: 'in_progress' });
      expectStatus(await api.call('POST', `/v1/tickets/${reference}/comments`, { body: { body: 'Twelve days.', author: { kind: 'agent', id: agent.id, name: 'Sla Agent' } } }), 201);
      const answered = (await statusOf(token)).expected;
      assert.ok(answered.answered_at && answered.first_response.met_at);
    });

    it('shows the requester only their public conversation, takes their replies and lets them close the request', async () => {
      const agent = await createAgent(api, { name: 'Olli Agent', email: 'olli@corp.example', status: 'available' });
      const { reference, token } = await submittedRequest(api, HARDWARE);
      await patchTicket(api, reference, { assignee: agent.id, status: 'in_progress' });
      const author = { kind: 'agent', id: agent.id, name: 'Olli Agent' };
      expectStatus(await api.call('POST', `/v1/tickets/${reference}/comments`, { body: { body: 'Secret internal note', visibility: 'internal', author } }), 201);
      expectStatus(await api.call('POST', `/v1/tickets/${reference}/comments`, { body: { body: 'Is it plugged in?', author } }), 201);
      await patchTicket(api, reference, { status: 'pending' });
      const view = await statusOf(token);
      const text = JSON.stringify(view);
      assert.ok(!text.includes('Secret internal note') && !text.includes('olli@corp.example') && !text.includes(agent.id), text);
      assert.deepEqual(view.conversation.map((c: JsonBody) => [c.from, c.name, c.body]), [['team', 'Olli Agent', 'Is it plugged in?']]);
      assert.ok(view.expected.answered_at);
      const replied = expectStatus(await publicCall('POST', `/v1/portal/main/status/${token}/replies`, { body: 'Yes, it is.' }), 201);
      assert.equal(replied.status, 'in_progress');
      assert.deepEqual(replied.conversation.at(-1).from, 'requester');
      const closed = expectStatus(await publicCall('POST', `/v1/portal/main/status/${token}/close`, {}), 200);
      assert.equal(closed.status, 'resolved');
      assert.equal(closed.progress.current, 'resolved');
      const events = expectStatus(await api.call('GET', `/v1/tickets/${reference}/events?limit=200`), 200).data;
      assert.ok(events.some((e: JsonBody) => e.type === 'ticket.updated' && e.actor.kind === 'customer' && e.after.status === 'resolved'));
    });

    it('takes one rating per resolution, records it in the history and counts it for the resolving agent', async () => {
      const agent = await createAgent(api, { name: 'Rated Agent', status: 'available' });
      const { reference, token } = await submittedRequest(api, HARDWARE);
      const rate = (score: number, comment?: string) => publicCall('POST', `/v1/portal/main/status/${token}/rating`, { score, comment });
      assertError(await rate(5), 409, 'rating_not_open');
      await patchTicket(api, reference, { assignee: agent.id, status: 'in_progress' });
      await patchTicket(api, reference, { status: 'resolved' });
      const before = (await api.db.store.read((tx) => tx.performance.all(api.workspaceId))).find((r) => r.agentId === agent.id)!;
      assert.equal((await statusOf(token)).rating.can_rate, true);
      assertError(await rate(6), 400, 'validation_failed');
      expectStatus(await api.call('POST', '/v1/automations', { body: {
        name: 'low ratings get a look', events: ['ticket.rated'], when: 'event.data.score <= 2', actions: [{ kind: 'add_tags', tags: ['unhappy'] }],
      } }), 201);
      expectStatus(await rate(2, '<b>Slow</b>'), 201);
      assert.ok((await api.call('GET', `/v1/tickets/${reference}`)).body.tags.includes('unhappy'), 'an automation answered the low rating');
      assertError(await rate(4), 409, 'already_rated');
      const afterRating = (await api.db.store.read((tx) => tx.performance.all(api.workspaceId))).find((r) => r.agentId === agent.id)!;
      assert.equal(afterRating.count, before.count);
      assert.ok(afterRating.scoreSum < before.scoreSum, 'a 2 lowers the score of a quick, clean resolution');
      const view = await statusOf(token);
      assert.deepEqual([view.rating.can_rate, view.rating.latest.score, view.rating.latest.comment], [false, 2, '<b>Slow</b>']);
      clock.advance(60_000);
      await patchTicket(api, reference, { status: 'in_progress' });
      await patchTicket(api, reference, { status: 'resolved' });
      expectStatus(await rate(5), 201);
      const ratings = expectStatus(await api.call('GET', `/v1/tickets/${reference}/ratings`), 200).data;
      assert.deepEqual(ratings.map((r: JsonBody) => [r.score, r.agent_id, r.category]), [[2, agent.id, 'hardware'], [5, agent.id, 'hardware']]);
      const events = expectStatus(await api.call('GET', `/v1/tickets/${reference}/events?limit=200`), 200).data;
      assert.deepEqual(events.filter((e: JsonBody) => e.type === 'ticket.rated').map((e: JsonBody) => [e.data.score, e.actor.kind]), [[2, 'customer'], [5, 'customer']]);
      await patchTicket(api, reference, { status: 'closed' });
      assertError(await publicCall('POST', `/v1/portal/main/status/${token}/replies`, { body: 'Hello?' }), 409, 'request_closed');
    });

    it('reports CSAT and deflections in GET /v1/metrics', async () => {
      const articles = expectStatus(await api.call('POST', '/v1/kb/articles', { body: { title: 'Restart a frozen laptop', body: 'Hold the power button for ten seconds.', published: true } }), 201);
      const draft = expectStatus(await api.call('POST', '/v1/kb/articles', { body: { title: 'Draft', body: 'Not yet' } }), 201);
      const suggested = expectStatus(await publicCall('POST', '/v1/portal/main/suggestions', { title: 'My laptop is frozen', description: 'It does not restart' }), 200);
      assert.equal(suggested.articles[0].id, articles.id);
      assert.equal((await publicCall('POST', '/v1/portal/main/deflections', { article_id: articles.id })).status, 204);
      assertError(await publicCall('POST', '/v1/portal/main/deflections', { article_id: draft.id }), 404, 'article_not_found');
      const from = new Date(clock.now() - 3_600_000).toISOString();
      const to = new Date(clock.now() + 60_000).toISOString();
      const report = expectStatus(await api.call('GET', `/v1/metrics?from=${from}&to=${to}&group_by=type`), 200);
      assert.deepEqual(report.totals.csat, { average: 3.5, responses: 2, satisfied: 0.5 });
      assert.equal(report.deflections, 1);
      assert.deepEqual(report.groups.find((g: JsonBody) => g.key === 'hardware').csat.responses, 2);
    });

    it('grants a status link to its one ticket in its workspace only; forged and expired links are refused', async () => {
      const other = await api.otherWorkspace(`portal-other-${backend.name}`);
      expectStatus(await api.call('POST', '/v1/tickets', { token: other, body: { title: 'Elsewhere' } }), 201);
      const { token } = await submittedRequest(api, { type: 'question', title: 'Where is my invoice?', description: 'I cannot find it.', fields: {} });
      assertError(await publicCall('GET', `/v1/portal/portal-other-${backend.name}/status/${token}`), 403, 'link_invalid');
      assertError(await publicCall('GET', `/v1/portal/main/status/${token.slice(0, -2)}xx`), 403, 'link_invalid');
      const forged = signLink(Buffer.alloc(32), { purpose: 'status', subject: 'tkt_1', expiresAt: clock.now() + 60_000 });
      assertError(await publicCall('GET', `/v1/portal/main/status/${forged}`), 403, 'link_invalid');
      clock.advance(SETTINGS.linkTtlMs);
      assertError(await publicCall('GET', `/v1/portal/main/status/${token}`), 410, 'link_expired');
      assertError(await publicCall('POST', `/v1/portal/main/status/${token}/replies`, { body: 'Hi' }), 410, 'link_expired');
    });

    it('suggests a type the form offers and a priority from the text, once a triage model is trained', async () => {
      const texts = {
        hardware: ['laptop screen is cracked', 'keyboard keys stopped working on my laptop', 'the docking station does not charge the laptop', 'monitor flickers and goes black', 'laptop battery swollen', 'mouse and keyboard not detected'],
        question: ['how do I request holidays', 'where can I find the travel policy', 'question about my payslip', 'who approves training courses', 'how do I change my address', 'where is the expense form'],
      };
      for (const [type, titles] of Object.entries(texts)) {
        for (const title of titles) {
          const ticket = expectStatus(await api.call('POST', '/v1/tickets', { body: { title, type, fields: { category: type }, priority: type === 'hardware' ? 'high' : 'low' } }), 201);
          await patchTicket(api, ticket.id, { status: 'resolved' });
        }
      }
      expectStatus(await api.call('POST', '/v1/triage/train', { body: { seed: 3 } }), 200);
      const help = expectStatus(await publicCall('POST', '/v1/portal/main/suggestions', { title: 'My laptop screen is black', description: 'The laptop does not charge' }), 200);
      assert.deepEqual(help.prefill, { type: 'hardware', priority: 'high' });
    });
  });
}

describe('requester portal rate limit', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi(BACKENDS[0]!, { portalRateLimitPerMinute: 3 });
  });
  after(() => api.close());

  it('answers 429 rate_limited with Retry-After once an address has used its requests of the minute', async () => {
    for (let i = 0; i < 3; i++) expectStatus(await api.call('GET', '/v1/portal/main/form', { token: '' }), 200);
    const refused = await api.call('GET', '/v1/portal/main/form', { token: '' });
    assert.ok(Number(assertError(refused, 429, 'rate_limited').retry_after_s) > 0);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    expectStatus(await api.call('GET', '/v1/tickets'), 200);
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const behindProxy = await startTestApi(BACKENDS[0]!, { portalRateLimitPerMinute: 2, trustProxy: ['127.0.0.1'] });
    try {
      const form = (app: TestApi, client: string, remoteAddress: string) =>
        app.app.inject({ method: 'GET', url: '/v1/portal/main/form', remoteAddress, headers: { 'x-forwarded-for': client } });
      for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) assert.equal((await form(behindProxy, client, '127.0.0.1')).statusCode, 200);
      assert.equal((await form(behindProxy, '203.0.113.1', '127.0.0.1')).statusCode, 200);
      assert.equal((await form(behindProxy, '203.0.113.1', '127.0.0.1')).statusCode, 429, 'each client counted apart, by the address the proxy saw');
      assert.equal((await form(behindProxy, '203.0.113.9', '198.51.100.7')).statusCode, 200);
      assert.equal((await form(behindProxy, '203.0.113.10', '198.51.100.7')).statusCode, 200);
      assert.equal((await form(behindProxy, '203.0.113.11', '198.51.100.7')).statusCode, 429, 'an untrusted peer cannot pick its own address');
    } finally {
      await behindProxy.close();
    }
  });
});
