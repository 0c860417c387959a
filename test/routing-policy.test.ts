import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, createTicket, expectStatus, listAll } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import type { JsonBody, TestApi } from './helpers/http.js';
import { addAgent, putPolicy, startRoutingApi, teamQueue, uniqueTeam } from './helpers/routing-fixtures.js';

/** A valid policy: a VIP rule that waits two minutes for billing, then falls back to general. */
function goodPolicy(team: string): Record<string, JsonBody> {
  return {
    queues: [teamQueue('billing', team, { strategy: 'least_busy' }), teamQueue('general', team, { strategy: 'round_robin' })],
    rules: [{ name: 'vip', when: "ticket.customer.tier == 'vip'", targets: [{ queue: 'billing', timeout: '2m' }, { queue: 'general' }] }],
    default: { queue: 'general' },
  };
}

/** The good policy with one thing changed in its first rule. */
function withRule(team: string, change: Record<string, unknown>): Record<string, JsonBody> {
  const policy = goodPolicy(team);
  return { ...policy, rules: [{ ...policy.rules[0], ...change }] };
}

interface PolicyErrorBody {
  path: string;
  message: string;
  position?: { offset: number; line: number; column: number; length: number };
}

for (const backend of BACKENDS) {
  describe(`routing policy API (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      ({ api } = await startRoutingApi(backend));
    });
    after(() => api.close());

    /** PUTs a bad policy, expects 422 `invalid_policy`, and returns its errors. */
    const refused = async (policy: Record<string, unknown>): Promise<PolicyErrorBody[]> => {
      const details = assertError(await api.call('PUT', '/v1/routing/policy', { body: policy }), 422, 'invalid_policy');
      assert.ok(Array.isArray(details.errors) && details.errors.length > 0, JSON.stringify(details));
      for (const error of details.errors) {
        assert.equal(typeof error.path, 'string');
        assert.ok(error.message.length > 0);
      }
      return details.errors;
    };
    const errorAt = (errors: PolicyErrorBody[], path: string): PolicyErrorBody => {
      const found = errors.find((e) => e.path === path);
      assert.ok(found, `no error at ${path}: ${JSON.stringify(errors)}`);
      return found;
    };
    /** Asserts the position marks `expected` in `source`. */
    const marks = (error: PolicyErrorBody, source: string, expected: string) => {
      const { position } = error;
      assert.ok(position, `no position: ${JSON.stringify(error)}`);
      for (const key of ['offset', 'line', 'column', 'length'] as const) assert.equal(typeof position[key], 'number', key);
      assert.equal(source.slice(position.offset, position.offset + position.length), expected, JSON.stringify(error));
      const before = source.slice(0, position.offset).split('\n');
      assert.equal(position.line, before.length, 'line');
      assert.equal(position.column, before.at(-1)!.length + 1, 'column');
    };

    it('refuses each kind of mistake with its path, message and position, and keeps the policy in force', async () => {
      const team = uniqueTeam();
      const saved = await putPolicy(api, goodPolicy(team));
      const misspelt = "ticket.custmer.tier == 'vip'";
      marks(errorAt(await refused(withRule(team, { when: misspelt })), '/rules/0/when'), misspelt, 'custmer');

      const missing = errorAt(await refused(withRule(team, { targets: [{ queue: 'nowhere' }] })), '/rules/0/targets/0/queue');
      assert.match(missing.message, /nowhere/);

      const cycle = await refused(withRule(team, { targets: [{ queue: 'billing', timeout: '1m' }, { queue: 'general', timeout: '1m' }, { queue: 'billing' }] }));
      assert.match(errorAt(cycle, '/rules/0/targets/2/queue').message, /twice|cycle/);

      const duration = errorAt(await refused(withRule(team, { targets: [{ queue: 'billing', timeout: '2 minutes' }, { queue: 'general' }] })), '/rules/0/targets/0/timeout');
      assert.match(duration.message, /2 minutes/);

      const typed = 'ticket.priority == 3';
      const wrongType = errorAt(await refused(withRule(team, { when: typed })), '/rules/0/when');
      assert.ok(wrongType.position && wrongType.position.line === 1 && wrongType.position.length > 0, JSON.stringify(wrongType));

      const filter = "agent.level >= 2 &&\n  agent.levl < 5";
      marks(errorAt(await refused(withRule(team, { targets: [{ queue: 'billing', agents: filter }] })), '/rules/0/targets/0/agents'), filter, 'levl');

      const current = expectStatus(await api.call('GET', '/v1/routing/policy'), 200);
      assert.deepEqual(current, saved, 'the policy in force did not change');
      const versions = expectStatus(await api.call('GET', '/v1/routing/policy/versions'), 200).data;
      assert.equal(versions[0].version, saved.version, 'no version was added by a refused policy');
    });

    it('reports every mistake of a policy at once, not just the first', async () => {
      const team = uniqueTeam();
      const errors = await refused({
        ...goodPolicy(team),
        queues: [teamQueue('general', team, { offer_timeout: 'soon' })],
        default: { queue: 'missing' },
      });
      const paths = errors.map((e) => e.path);
      for (const path of ['/queues/0/offer_timeout', '/rules/0/targets/0/queue', '/default/queue']) assert.ok(paths.includes(path), `${path} in ${paths.join()}`);
    });

    it('keeps every version, and rolls back by saving an earlier one as a new version', async () => {
      const team = uniqueTeam();
      await addAgent(api, team, 'Ann');
      const first = await putPolicy(api, goodPolicy(team));
      const second = await putPolicy(api, { ...goodPolicy(team), default: { queue: 'billing' } });
      assert.equal(second.version, first.version + 1);
      assert.equal(second.restored_from, null);
      const whereTo = async () => expectStatus(await api.call('POST', '/v1/routing/dry-run', { body: { ticket: { title: 'Where to?' } } }), 200).queue;
      assert.equal(await whereTo(), 'billing');

      const versions = expectStatus(await api.call('GET', '/v1/routing/policy/versions'), 200).data;
      assert.deepEqual(versions.slice(0, 2).map((v: JsonBody) => v.version), [second.version, first.version], 'newest first');
      assert.deepEqual(versions[1].policy, first.policy);

      const restored = expectStatus(await api.call('POST', '/v1/routing/policy/rollback', { body: { version: first.version } }), 200);
      assert.equal(restored.version, second.version + 1);
      assert.equal(restored.restored_from, first.version);
      assert.deepEqual(restored.policy, first.policy);
      assert.deepEqual(expectStatus(await api.call('GET', '/v1/routing/policy'), 200), restored);
      assert.equal(await whereTo(), 'general', 'routing follows the restored version at once');
      assertError(await api.call('POST', '/v1/routing/policy/rollback', { body: { version: 999 } }), 404, 'policy_version_not_found');
    });

    it('answers a dry run with the rule, queue, scored candidates and exclusions, and changes nothing', async () => {
      const team = uniqueTeam();
      const ann = await addAgent(api, team, 'Ann', { skills: { billing: 5 } });
      await addAgent(api, team, 'Bob', { skills: { billing: 2 } });
      await addAgent(api, team, 'Cid', { skills: { billing: 7 }, status: 'offline' });
      const policy = await putPolicy(api, {
        queues: [teamQueue('billing', team, { strategy: 'least_busy' }), teamQueue('general', team)],
        rules: [
          { name: 'vip', when: "ticket.customer.tier == 'vip'", targets: [{ queue: 'general' }] },
          { name: 'billing', when: "'billing' in ticket.tags", targets: [{ queue: 'billing', agents: "has_skill(agent, 'billing', 3)" }] },
        ],
        default: { queue: 'general' },
      });
      const ticketsBefore = await listAll(api, '/v1/tickets');
      const eventsBefore = await workspaceEventCount(api);

      const answer = expectStatus(await api.call('POST', '/v1/routing/dry-run', { body: { ticket: { title: 'Refund please', tags: ['billing'], customer: { email: 'p@example.com', tier: 'pro' } } } }), 200);
      assert.equal(answer.outcome, 'would_assign');
      assert.equal(answer.agent, ann.id);
      assert.equal(answer.rule, 'billing');
      assert.equal(answer.queue, 'billing');
      assert.equal(answer.strategy, 'least_busy');
      assert.equal(answer.policy_version, policy.version);
      assert.deepEqual(answer.rules_checked.map((r: JsonBody) => [r.name, r.result]), [['vip', 'no_match'], ['billing', 'matched']]);
      assert.deepEqual(answer.candidates.map((c: JsonBody) => c.agent), [ann.id]);
      assert.equal(typeof answer.candidates[0].score, 'number');
      assert.equal(answer.candidates[0].parts.load_ratio, 0);
      assert.deepEqual(answer.excluded, { filtered_out: 1, not_available: 1 });
      assert.equal(answer.queue_members, 3);

      const draft = { ...goodPolicy(team), default: { queue: 'billing' } };
      const tried = expectStatus(await api.call('POST', '/v1/routing/dry-run', { body: { ticket: { title: 'Hello' }, policy: draft } }), 200);
      assert.equal(tried.queue, 'billing', 'a draft policy is tried without being saved');
      assertError(await api.call('POST', '/v1/routing/dry-run', { body: { ticket: { title: 'Hello' }, policy: withRule(team, { when: 'ticket.priority == 3' }) } }), 422, 'invalid_policy');

      assert.deepEqual(await listAll(api, '/v1/tickets'), ticketsBefore, 'no ticket was created or changed');
      assert.equal(await workspaceEventCount(api), eventsBefore, 'no event was written');
      assert.equal(expectStatus(await api.call('GET', '/v1/routing/policy'), 200).version, policy.version);
      const real = await createTicket(api, { title: 'Refund, for real', tags: ['billing'] });
      assert.equal(real.assignee, ann.id, 'the dry runs reserved nothing');
    });

    it('explains every decision: rule, queue, strategy, candidates with scores, and why others were left out', async () => {
      const team = uniqueTeam();
      const ann = await addAgent(api, team, 'Ann', { level: 2 });
      const bob = await addAgent(api, team, 'Bob', { level: 2 });
      await addAgent(api, team, 'Cid', { level: 1 });
      await addAgent(api, team, 'Dee', { level: 3, status: 'away' });
      await addAgent(api, team, 'Eve', { level: 3, capacity: { email: 0, chat: 2 } });
      await putPolicy(api, {
        queues: [teamQueue('senior', team, { strategy: 'round_robin' })],
        rules: [{ name: 'vip', when: "ticket.customer.tier == 'vip'", targets: [{ queue: 'senior', agents: 'agent.level >= 2' }] }],
        default: { queue: 'senior' },
      });
      const ticket = await createTicket(api, { title: 'VIP question', customer: { email: 'v@example.com', tier: 'vip' } });
      assert.equal(ticket.assignee, ann.id);
      const routing = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/routing`), 200);
      assert.equal(routing.ticket_id, ticket.id);
      assert.deepEqual([routing.state.rule, routing.state.queue, routing.state.step], ['vip', 'senior', 0]);
      assert.equal(routing.decisions.length, 1);
      const [decision] = routing.decisions;
      assert.equal(decision.outcome, 'assigned');
      assert.equal(decision.agent, ann.id);
      assert.equal(typeof decision.at, 'string');
      const explanation = decision.explanation;
      assert.deepEqual([explanation.rule, explanation.queue, explanation.strategy, explanation.mode], ['vip', 'senior', 'round_robin', 'direct']);
      assert.deepEqual(explanation.candidates.map((c: JsonBody) => c.agent), [ann.id, bob.id]);
      for (const candidate of explanation.candidates) assert.equal(typeof candidate.score, 'number');
      assert.deepEqual(explanation.excluded, { filtered_out: 1, not_available: 1, no_capacity_for_channel: 1 });
      assert.equal(explanation.queue_members, 5);
    });
  });
}

async function workspaceEventCount(api: TestApi): Promise<number> {
  const page = await api.db.store.read((tx) => tx.events.listForWorkspace(api.workspaceId, undefined, 100_000));
  return page.items.length;
}
