import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ManualClock } from '../src/domain/shared/clock.js';
import { createTicket, patchTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import type { JsonBody, TestApi } from './helpers/http.js';
import { addAgent, getTicket, lastExplanation, putPolicy, startRoutingApi, teamQueue, uniqueTeam } from './helpers/routing-fixtures.js';

const HELSINKI = { lat: 60.1699, lon: 24.9384 };
const TAMPERE = { lat: 61.4978, lon: 23.761 };
const TURKU = { lat: 60.4518, lon: 22.2666 };

for (const backend of BACKENDS) {
  describe(`routing strategies (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      ({ api, clock } = await startRoutingApi(backend));
    });
    after(() => api.close());

    /** Creates tickets one by one and returns who got each (null while waiting). */
    const assignees = async (count: number, body: Record<string, unknown>): Promise<(string | null)[]> => {
      const out: (string | null)[] = [];
      for (let i = 0; i < count; i++) out.push((await createTicket(api, { title: `Ticket ${i}`, ...body })).assignee);
      return out;
    };
    const tally = (ids: (string | null)[]) => ids.reduce<Record<string, number>>((acc, id) => ({ ...acc, [String(id)]: (acc[String(id)] ?? 0) + 1 }), {});

    it('sends billing work (by tag or by text) to the agent with the billing skill, and to nobody else', async () => {
      const team = uniqueTeam();
      const ann = await addAgent(api, team, 'Ann', { skills: { printers: 8 } });
      const bob = await addAgent(api, team, 'Bob', { skills: { billing: 6 }, capacity: { email: 2 } });
      await putPolicy(api, {
        queues: [teamQueue('billing', team, { agents: `'${team}' in agent.teams && has_skill(agent, 'billing', 3)` }), teamQueue('general', team)],
        rules: [{ name: 'billing', when: "'billing' in ticket.tags || ticket.text.contains_any(['invoice', 'refund'])", targets: [{ queue: 'billing' }] }],
        default: { queue: 'general' },
      });
      const tagged = await createTicket(api, { title: 'Question', tags: ['billing'] });
      const worded = await createTicket(api, { title: 'Wrong amount', description: 'My INVOICE shows the wrong amount' });
      for (const ticket of [tagged, worded]) {
        assert.deepEqual([ticket.queue, ticket.assignee, ticket.status], ['billing', bob.id, 'assigned']);
        assert.equal((await lastExplanation(api, ticket.id)).rule, 'billing');
      }
      const waiting = await createTicket(api, { title: 'Refund please' });
      assert.deepEqual([waiting.queue, waiting.assignee, waiting.status], ['billing', null, 'queued'], 'Ann has room but no billing skill');
      const printer = await createTicket(api, { title: 'Printer jammed' });
      assert.deepEqual([printer.queue, printer.assignee], ['general', ann.id]);
    });

    it('gives VIP and enterprise customers to senior agents only', async () => {
      const team = uniqueTeam();
      const junior = await addAgent(api, team, 'Jun', { level: 1 });
      const senior = await addAgent(api, team, 'Sen', { level: 2, capacity: { email: 2 } });
      const lead = await addAgent(api, team, 'Lea', { level: 3, capacity: { email: 1 } });
      await putPolicy(api, {
        queues: [teamQueue('support', team, { strategy: 'least_busy' })],
        rules: [{
          name: 'important customers',
          when: "has(ticket.customer) && ticket.customer.tier in ['vip', 'enterprise']",
          set: { priority: 'high' },
          targets: [{ queue: 'support', agents: 'agent.level >= 2' }],
        }],
        default: { queue: 'support' },
      });
      const vip = await assignees(2, { customer: { email: 'vip@example.com', tier: 'vip' } });
      const enterprise = await assignees(2, { customer: { email: 'ceo@corp.example', tier: 'enterprise' } });
      assert.deepEqual(tally([...vip, ...enterprise]), { [senior.id]: 2, [lead.id]: 1, null: 1 }, 'the fourth waits for a senior rather than going to Jun');
      const regular = await createTicket(api, { title: 'Free tier question', customer: { email: 'free@example.com', tier: 'free' } });
      assert.equal(regular.assignee, junior.id);
      const again = await createTicket(api, { title: 'VIP again', customer: { tier: 'vip', id: 'v9' } });
      assert.deepEqual([again.priority, again.status, regular.priority], ['high', 'queued', 'normal'], "the rule's actions apply");
      const explanation = await lastExplanation(api, again.id);
      assert.equal(explanation.rule, 'important customers');
      assert.equal(explanation.excluded.filtered_out, 1, 'Jun is filtered out by the step');
    });

    it('least_busy spreads work by load over capacity', async () => {
      const team = uniqueTeam();
      const agents = [await addAgent(api, team, 'Ann'), await addAgent(api, team, 'Bob'), await addAgent(api, team, 'Cid')];
      await putPolicy(api, { queues: [teamQueue('spread', team, { strategy: 'least_busy' })], rules: [], default: { queue: 'spread' } });
      const got = await assignees(6, {});
      assert.deepEqual(tally(got), Object.fromEntries(agents.map((a) => [a.id, 2])));
      for (let i = 0; i < 3; i++) assert.notEqual(got[i], got[(i + 1) % 3], 'nobody gets two before everyone has one');

      const small = await addAgent(api, `${team}-b`, 'Dee', { capacity: { email: 2 } });
      const large = await addAgent(api, `${team}-b`, 'Eli', { capacity: { email: 4 } });
      await putPolicy(api, { queues: [teamQueue('spread', `${team}-b`, { strategy: 'least_busy' })], rules: [], default: { queue: 'spread' } });
      assert.deepEqual(tally(await assignees(6, {})), { [small.id]: 2, [large.id]: 4 }, 'each ends full: load is relative to capacity');
    });

    it('round_robin rotates through the members in turn, skipping one who is away', async () => {
      const team = uniqueTeam();
      const [ann, bob, cid] = [await addAgent(api, team, 'Ann'), await addAgent(api, team, 'Bob'), await addAgent(api, team, 'Cid')];
      await putPolicy(api, { queues: [teamQueue('rota', team, { strategy: 'round_robin' })], rules: [], default: { queue: 'rota' } });
      const first: JsonBody[] = [];
      for (let i = 0; i < 4; i++) first.push(await createTicket(api, { title: `Turn ${i}` }));
      assert.deepEqual(first.map((t) => t.assignee), [ann.id, bob.id, cid.id, ann.id]);
      await api.call('PATCH', `/v1/agents/${cid.id}`, { body: { status: 'away' } });
      assert.equal((await getTicket(api, first[2].id)).assignee, bob.id, "Cid's unstarted ticket goes to the next in turn");
      assert.deepEqual(await assignees(3, {}), [ann.id, bob.id, ann.id], 'the turn skips Cid while away');
    });

    it('gives a returning customer their previous agent when available, even against the strategy', async () => {
      const team = uniqueTeam();
      const ann = await addAgent(api, team, 'Ann');
      const bob = await addAgent(api, team, 'Bob');
      await putPolicy(api, { queues: [teamQueue('returning', team, { strategy: 'least_busy' })], rules: [], default: { queue: 'returning' } });
      const customer = { email: `kim-${team}@example.com`, name: 'Kim' };
      const first = await createTicket(api, { title: 'First question', customer });
      assert.equal(first.assignee, ann.id);
      const followUp = await createTicket(api, { title: 'Follow-up', customer });
      assert.equal(followUp.assignee, ann.id, 'least_busy alone would pick Bob');
      const explanation = await lastExplanation(api, followUp.id);
      assert.equal(explanation.sticky.agent, ann.id);
      assert.equal(explanation.sticky.used, true);
      assert.match(explanation.sticky.reason, /previous agent/);
      assert.equal(explanation.candidates[0].agent, ann.id);

      await patchTicket(api, first.id, { status: 'in_progress' });
      await patchTicket(api, followUp.id, { status: 'in_progress' });
      await api.call('PATCH', `/v1/agents/${ann.id}`, { body: { status: 'away' } });
      const third = await createTicket(api, { title: 'Third question', customer });
      assert.equal(third.assignee, bob.id, 'an absent previous agent is not waited for');
      const unused = (await lastExplanation(api, third.id)).sticky;
      assert.deepEqual([unused.agent, unused.used, unused.reason], [ann.id, false, 'not_available']);
    });

    it('learns a reopened ticket as one outcome that was reopened, not as a clean one and a second success', async () => {
      const team = uniqueTeam();
      const kim = await addAgent(api, team, 'Kim');
      await putPolicy(api, { queues: [teamQueue(`learn-${team}`, team, { strategy: 'best_performer' })], rules: [], default: { queue: `learn-${team}` } });
      const recordOf = async () => (await api.db.store.read((tx) => tx.performance.all(api.workspaceId))).find((r) => r.agentId === kim.id);
      const ticket = await createTicket(api, { title: 'Reopened later', type: 'incident' });
      assert.equal(ticket.assignee, kim.id);
      clock.advance(60_000);
      await patchTicket(api, ticket.id, { status: 'resolved' });
      const clean = (await recordOf())!;
      assert.equal(clean.count, 1);
      await patchTicket(api, ticket.id, { status: 'in_progress' });
      const reopened = (await recordOf())!;
      assert.equal(reopened.count, 1, 'still one outcome');
      assert.ok(Math.abs(clean.scoreSum - reopened.scoreSum - 0.3) < 1e-9, `the clean part is taken back: ${clean.scoreSum} → ${reopened.scoreSum}`);
      await patchTicket(api, ticket.id, { status: 'resolved' });
      const again = (await recordOf())!;
      assert.deepEqual([again.count, again.scoreSum], [reopened.count, reopened.scoreSum], 'resolving it again is not a second success');
      assert.equal((await api.db.store.read((tx) => tx.tickets.get(api.workspaceId, ticket.id)))?.reopens, 1);
    });

    it('nearest sends a work order to the closest qualified technician', async () => {
      const team = uniqueTeam();
      const helsinki = await addAgent(api, team, 'Helsinki tech', { skills: { electrical: 5 }, location: HELSINKI });
      const tampere = await addAgent(api, team, 'Tampere tech', { skills: { electrical: 5 }, location: TAMPERE });
      const turku = await addAgent(api, team, 'Turku tech', { skills: { electrical: 5 }, location: TURKU });
      await addAgent(api, team, 'Plumber next door', { skills: { plumbing: 9 }, location: { lat: 61.49, lon: 23.77 } });
      await addAgent(api, team, 'Tech without a home', { skills: { electrical: 9 } });
      await putPolicy(api, {
        queues: [teamQueue('field', team, { strategy: 'nearest', agents: `'${team}' in agent.teams && has_skill(agent, 'electrical', 3)` })],
        rules: [{ name: 'field work', when: "ticket.type == 'work_order'", targets: [{ queue: 'field' }] }],
        default: { queue: 'field' },
      });
      const order = (title: string, location: { lat: number; lon: number }) => createTicket(api, { title, type: 'work_order', location });
      assert.equal((await order('Fuse box in Pirkkala', { lat: 61.4646, lon: 23.6447 })).assignee, tampere.id);
      assert.equal((await order('Lights out in Espoo', { lat: 60.2055, lon: 24.6559 })).assignee, helsinki.id);
      const naantali = await order('Socket in Naantali', { lat: 60.4675, lon: 22.0256 });
      assert.equal(naantali.assignee, turku.id);
      const explanation = await lastExplanation(api, naantali.id);
      assert.equal(explanation.strategy, 'nearest');
      assert.deepEqual(explanation.candidates.map((c: JsonBody) => c.agent), [turku.id, tampere.id, helsinki.id]);
      const km = explanation.candidates.map((c: JsonBody) => c.parts.distance_km);
      assert.ok(km[0] < 20 && km[0] < km[1] && km[1] < km[2], JSON.stringify(km));
      assert.equal(explanation.excluded.no_location, 1, 'a technician without a location cannot be ranked by distance');
    });

    it('leaves out agents outside their working hours as off_shift', async () => {
      const team = uniqueTeam();
      // Monday 16 March 2026, 08:30 in Helsinki (UTC+2).
      clock.set(Date.parse('2026-03-16T06:30:00Z'));
      const early = await addAgent(api, team, 'Early', { working_hours: { timezone: 'Europe/Helsinki', days: { mon: [{ start: '08:00', end: '16:00' }] } } });
      const late = await addAgent(api, team, 'Late', { working_hours: { timezone: 'Europe/Helsinki', days: { mon: [{ start: '12:00', end: '20:00' }] } } });
      await putPolicy(api, { queues: [teamQueue('shifts', team, { strategy: 'round_robin' })], rules: [], default: { queue: 'shifts' } });
      const morning = await createTicket(api, { title: 'Morning' });
      assert.equal(morning.assignee, early.id);
      const explanation = await lastExplanation(api, morning.id);
      assert.deepEqual(explanation.excluded, { off_shift: 1 });
      assert.deepEqual(explanation.candidates.map((c: JsonBody) => c.agent), [early.id]);

      clock.advance(4 * 3_600_000);
      const noon = await createTicket(api, { title: 'Afternoon' });
      assert.equal(noon.assignee, late.id, 'at 12:30 the late shift has started');
      assert.deepEqual((await lastExplanation(api, noon.id)).excluded, {});
    });
  });
}
