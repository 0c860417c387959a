import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HttpCustomerDirectory, type HttpCustomerDirectoryOptions } from '../src/adapters/crm/http-customer-directory.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { createTicket, expectStatus, patchTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { emailFixture, postEmail, withHeaders } from './helpers/email.js';
import { startFakeCrm, type CrmReply, type FakeCrmServer } from './helpers/fake-crm-server.js';
import { startTestApi, type TestApi } from './helpers/http.js';

const TOKEN = 'crm-secret-token-0123456789';
const GOLD = { plan: 'gold', account_manager: 'Liisa', lifetime_value: 12_500 };

/** The CRM as the tests configure it: gold customers, unknown ones (404), one that hangs, broken ones (500). */
function crmAnswer(email: string): CrmReply {
  if (email.startsWith('gold')) return { status: 200, body: JSON.stringify(GOLD) };
  if (email.startsWith('slow')) return 'hang';
  if (email.startsWith('broken')) return { status: 503, body: '{"error": "down"}' };
  if (email.startsWith('list')) return { status: 200, body: '[1, 2]' };
  if (email.startsWith('garbage')) return { status: 200, body: 'not json' };
  return { status: 404, body: '{"error": "no such customer"}' };
}

/** Long enough that a busy machine never turns an answer into a time-out; the hang tests shorten it. */
const ANSWER_TIMEOUT_MS = 5_000;
const HANG_TIMEOUT_MS = 300;

function directory(server: FakeCrmServer, clock: ManualClock, failures: string[], options: Partial<HttpCustomerDirectoryOptions> = {}) {
  return new HttpCustomerDirectory({
    urlTemplate: server.template, token: TOKEN, timeoutMs: ANSWER_TIMEOUT_MS, cacheTtlMs: 60_000, breakerFailures: 3, breakerCooldownMs: 30_000,
    now: () => clock.now(), onFailure: (reason) => failures.push(reason), ...options,
  });
}

const lookup = (crm: HttpCustomerDirectory, email: string) => crm.lookup({ id: null, email });

describe('the HTTP CRM lookup, over real HTTP on loopback', { concurrency: true }, () => {
  let server: FakeCrmServer;
  before(async () => { server = await startFakeCrm(crmAnswer); });
  after(() => server.close());
  const requestsFor = (email: string) => server.requests.filter((r) => r.url.includes(encodeURIComponent(email))).length;

  it('asks with the bearer token and the address URL-encoded, and keeps the answer for the cache time on its clock', async () => {
    const clock = new ManualClock(Date.UTC(2026, 4, 5));
    const crm = directory(server, clock, []);
    assert.deepEqual(await lookup(crm, 'gold+1@example.com'), GOLD);
    const asked = server.requests.find((r) => r.url.includes('gold%2B1%40example.com'))!;
    assert.equal(asked.authorization, `Bearer ${TOKEN}`);
    assert.deepEqual(await lookup(crm, 'gold+1@example.com'), GOLD);
    assert.equal(requestsFor('gold+1@example.com'), 1, 'the second lookup came from the cache');
    clock.advance(60_000);
    assert.deepEqual(await lookup(crm, 'gold+1@example.com'), GOLD);
    assert.equal(requestsFor('gold+1@example.com'), 2, 'the cache time had passed');
  });

  it('answers null for an unknown customer (404, cached) and when the template needs a value the customer lacks', async () => {
    const clock = new ManualClock(0);
    const failures: string[] = [];
    const crm = directory(server, clock, failures);
    assert.equal(await lookup(crm, 'nobody@example.com'), null);
    assert.equal(await lookup(crm, 'nobody@example.com'), null);
    assert.equal(requestsFor('nobody@example.com'), 1);
    const byId = directory(server, clock, failures, { urlTemplate: server.template.replace('{email}', '{id}') });
    assert.equal(await lookup(byId, 'gold@example.com'), null);
    assert.deepEqual(failures, []);
  });

  it('answers null, saying why without the token, for an error status, a non-object and a reply that is not JSON', async () => {
    const failures: string[] = [];
    const crm = directory(server, new ManualClock(0), failures);
    for (const email of ['broken-1@example.com', 'list@example.com', 'garbage@example.com']) assert.equal(await lookup(crm, email), null);
    assert.deepEqual(failures, ['HTTP 503 from the CRM', 'the answer is not a JSON object', 'the answer is not JSON']);
  });

  it('gives up on a CRM that does not answer within the time-out', async () => {
    const failures: string[] = [];
    assert.equal(await lookup(directory(server, new ManualClock(0), failures, { timeoutMs: HANG_TIMEOUT_MS }), 'slow-1@example.com'), null);
    assert.equal(failures.length, 1);
    assert.match(failures[0]!, /no answer within 300 ms/);
  });

  it('stops asking after three failures in a row until the cool-down passes, then lets one probe through', async () => {
    const clock = new ManualClock(0);
    const crm = directory(server, clock, []);
    const broken = () => server.requests.filter((r) => r.url.includes('broken-b')).length;
    for (let i = 0; i < 3; i++) assert.equal(await lookup(crm, `broken-b${i}@example.com`), null);
    assert.equal(broken(), 3);
    assert.equal(await lookup(crm, 'broken-b3@example.com'), null);
    assert.equal(await lookup(crm, 'gold-b@example.com'), null, 'an open circuit asks nobody, not even about a good customer');
    assert.equal(broken(), 3);
    assert.equal(requestsFor('gold-b@example.com'), 0);
    clock.advance(30_000);
    assert.equal(await lookup(crm, 'broken-b4@example.com'), null);
    assert.equal(broken(), 4, 'the half-open probe went out, failed, and opened the circuit again');
    assert.equal(await lookup(crm, 'gold-b@example.com'), null);
    clock.advance(30_000);
    assert.deepEqual(await lookup(crm, 'gold-b@example.com'), GOLD);
    assert.deepEqual(await lookup(crm, 'gold-b2@example.com'), GOLD, 'a good probe closed the circuit');
  });
});

for (const backend of BACKENDS) {
  describe(`CRM enrichment at intake (${backend.name})`, () => {
    let api: TestApi;
    let server: FakeCrmServer;
    const clock = new ManualClock(Date.UTC(2026, 4, 5, 9));
    const failures: string[] = [];
    before(async () => {
      server = await startFakeCrm(crmAnswer);
      api = await startTestApi(backend, { clock, crm: directory(server, clock, failures, { breakerFailures: 2, timeoutMs: 1_000 }) });
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: {
        queues: [{ id: 'vip', agents: 'false' }, { id: 'general', agents: 'false' }],
        rules: [{ name: 'gold customers', when: "ticket.customer.crm.plan == 'gold'", targets: [{ queue: 'vip' }] }],
        default: { queue: 'general' },
      } }), 200);
    });
    after(async () => {
      await api.close();
      await server.close();
    });

    it('keeps the CRM\'s answer on the ticket\'s customer, where a policy rule routes by it', async () => {
      const gold = await createTicket(api, { title: 'Invoice question', customer: { email: 'Gold@Example.com', name: 'Greta' } });
      assert.deepEqual(gold.customer.crm, GOLD);
      assert.equal(gold.queue, 'vip');
      const unknown = await createTicket(api, { title: 'Invoice question', customer: { email: 'someone@example.com' } });
      assert.equal(unknown.customer.crm, null);
      assert.equal(unknown.queue, 'general');
      const anonymous = await createTicket(api, { title: 'Invoice question' });
      assert.equal(anonymous.queue, 'general');
    });

    it('keeps what a client says of the customer itself (an import, its own lookup) without asking the CRM', async () => {
      const given = await createTicket(api, { title: 'Imported', customer: { email: 'gold-given@example.com', crm: { plan: 'silver' } } });
      assert.deepEqual(given.customer.crm, { plan: 'silver' });
      assert.equal(given.queue, 'general');
      assert.equal(server.requests.filter((r) => r.url.includes('gold-given')).length, 0);
    });

    it('keeps the answer while a change names the same customer, and drops it for another', async () => {
      const ticket = await createTicket(api, { title: 'Plan', customer: { email: 'gold@example.com' } });
      assert.deepEqual((await patchTicket(api, ticket.id, { customer: { email: 'gold@example.com', name: 'Greta G' } })).customer.crm, GOLD);
      assert.equal((await patchTicket(api, ticket.id, { customer: { email: 'other@example.com' } })).customer.crm, null);
    });

    it('enriches the customer of a ticket opened by e-mail', async () => {
      const raw = withHeaders(emailFixture('new-finnish-attachment.eml'), { From: 'Greta <gold@example.com>', 'Message-ID': '<crm.1@example.com>' });
      const { ticket_id: id } = expectStatus(await postEmail(api, raw), 201);
      const ticket = expectStatus(await api.call('GET', `/v1/tickets/${id}`), 200);
      assert.deepEqual(ticket.customer.crm, GOLD);
      assert.equal(ticket.queue, 'vip');
    });

    it('takes the ticket in without enrichment when the CRM hangs', async () => {
      const ticket = await createTicket(api, { title: 'Slow CRM', customer: { email: 'slow-2@example.com' } });
      assert.equal(ticket.customer.crm, null);
      assert.equal(ticket.queue, 'general');
      assert.match(failures.at(-1)!, /no answer within 1000 ms/);
    });

    it('stops calling a failing CRM until the cool-down passes on the clock, never failing intake', async () => {
      const calls = () => server.requests.length;
      // The hang above was one failure; one more opens the circuit.
      expectStatus(await api.call('POST', '/v1/tickets', { body: { title: 'Down 1', customer: { email: 'broken-3@example.com' } } }), 201);
      const asked = calls();
      for (const email of ['broken-4@example.com', 'gold-later@example.com']) {
        const ticket = await createTicket(api, { title: 'While open', customer: { email } });
        assert.equal(ticket.customer.crm, null);
      }
      assert.equal(calls(), asked, 'nobody was asked while the circuit was open');
      clock.advance(30_000);
      const probe = await createTicket(api, { title: 'After the cool-down', customer: { email: 'gold-later@example.com' } });
      assert.equal(calls(), asked + 1);
      assert.deepEqual(probe.customer.crm, GOLD);
      assert.equal(probe.queue, 'vip');
    });
  });
}
