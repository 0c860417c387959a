import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ManualClock } from '../src/domain/shared/clock.js';
import { assertError, createTicket, expectStatus, patchTicket, uniqueTag } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import type { JsonBody, TestApi } from './helpers/http.js';
import { getTicket, startRoutingApi } from './helpers/routing-fixtures.js';
import { historyOf, postAutomation, putEscalation, tieredDesk, type TieredDesk } from './helpers/workflow-fixtures.js';

type Event = { type: string; actor: { kind: string; name: string | null }; data: JsonBody };

for (const backend of BACKENDS) {
  describe(`automations (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    let desk: TieredDesk;
    before(async () => {
      ({ api, clock } = await startRoutingApi(backend, { webhookAllowPrivate: true }));
      desk = await tieredDesk(api);
    });
    after(() => api.close());

    async function canned(body: string): Promise<string> {
      return expectStatus(await api.call('POST', '/v1/canned-responses', { body: { name: `canned ${uniqueTag()}`, body } }), 201).id;
    }

    async function comments(ticketId: string): Promise<JsonBody[]> {
      return expectStatus(await api.call('GET', `/v1/tickets/${ticketId}/comments`), 200).data;
    }

    it('acts on an event when its condition holds, every action in the history as the rule', async () => {
      const tag = uniqueTag();
      const reply = await canned('Hi {{customer.name}}, the product lead has "{{ticket.title}}" now.');
      const hook = expectStatus(await api.call('POST', '/v1/webhooks', { body: { url: 'http://127.0.0.1:9/product', event_types: ['sla.breached'] } }), 201);
      const rule = await postAutomation(api, {
        name: 'product to the lead PM',
        events: ['ticket.created'],
        when: `'${tag}' in ticket.tags && ticket.priority == 'high' && has(ticket.fields.department) && ticket.fields.department == 'Product'`,
        actions: [
          { kind: 'assign_agent', agent: desk.agents.l3.id },
          { kind: 'add_tags', tags: ['product'] },
          { kind: 'set', field: 'fields.triaged', value: true },
          { kind: 'reply', canned_response: reply },
          { kind: 'add_watcher', agent: desk.agents.l2.id },
          { kind: 'notify_webhook', webhook: hook.id },
        ],
      });
      const ticket = await createTicket(api, {
        title: 'Roadmap {{ticket.id}}', priority: 'high', tags: [tag], fields: { department: 'Product' }, customer: { name: 'Ann' },
      });
      assert.equal(ticket.assignee, desk.agents.l3.id, 'the created ticket comes back as the automation left it');
      assert.ok(ticket.tags.includes('product'));
      assert.equal(ticket.fields.triaged, true);
      const [answer] = await comments(ticket.id);
      assert.equal(answer.body, 'Hi Ann, the product lead has "Roadmap { {ticket.id} }" now.', 'variables filled once, as text');
      assert.deepEqual(answer.author, { kind: 'rule', id: rule.id, name: 'product to the lead PM' });
      assert.deepEqual(expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/watchers`), 200).data, [desk.agents.l2.id]);

      const history: Event[] = await historyOf(api, ticket.id);
      const byRule = history.filter((e) => e.actor.kind === 'rule');
      assert.ok(byRule.every((e) => e.actor.name === 'product to the lead PM'));
      assert.deepEqual(byRule.map((e) => e.type), [
        'automation.fired', 'ticket.updated', 'ticket.updated', 'ticket.updated', 'comment.added', 'ticket.watcher_added', 'automation.webhook',
      ]);
      assert.equal(byRule.at(-1)!.data.webhook, hook.id);
      const [queued] = expectStatus(await api.call('GET', `/v1/webhooks/${hook.id}/deliveries`), 200).data;
      assert.equal(queued.event_type, 'automation.webhook', 'queued for the named endpoint, whatever it subscribes to');
      assert.equal(queued.payload.data.data.payload.ticket.id, ticket.id);

      const other = await createTicket(api, { title: 'Not product', priority: 'high', tags: [tag], fields: { department: 'Sales' } });
      assert.equal((await historyOf(api, other.id)).filter((e: Event) => e.actor.kind === 'rule').length, 0);
    });

    it('creates a follow-up blocked by the ticket and escalates it when the customer writes', async () => {
      const tag = uniqueTag();
      await postAutomation(api, {
        name: 'customer chased',
        events: ['comment.added'],
        when: `'${tag}' in ticket.tags && event.data.author_kind == 'customer'`,
        actions: [
          { kind: 'create_follow_up', title: 'Call {{customer.name}} back about {{ticket.title}}', priority: 'high' },
          { kind: 'escalate', reason: 'the customer chased' },
        ],
      });
      const ticket = await createTicket(api, { title: 'Broken login', tags: [tag], customer: { name: 'Budi' } });
      const customer = { kind: 'customer', name: 'Budi' };
      expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/comments`, { body: { body: 'Any news?', author: customer } }), 201);
      const now = await getTicket(api, ticket.id);
      assert.equal(now.escalation.level, 1);
      const [escalation] = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/escalations`), 200).data;
      assert.deepEqual([escalation.trigger, escalation.reason, escalation.actor.kind], ['automation:customer chased', 'the customer chased', 'rule']);
      const followUps = expectStatus(await api.call('GET', `/v1/tickets?q=${encodeURIComponent('Call Budi back')}`), 200).data;
      assert.equal(followUps.length, 1);
      assert.deepEqual([followUps[0].title, followUps[0].blocked_by, followUps[0].priority], ['Call Budi back about Broken login', [ticket.id], 'high']);
    });

    it('runs on a schedule over tickets idle long enough, once per idle period', async () => {
      const tag = uniqueTag();
      const note = await canned('Reminder: {{ticket.title}} has waited two days.');
      const rule = await postAutomation(api, {
        name: 'idle reminder', schedule: { every: '15m', idle_for: '48h' }, when: `'${tag}' in ticket.tags`,
        actions: [{ kind: 'note', canned_response: note }],
      });
      assert.equal(rule.next_run_at, new Date(clock.now() + 15 * 60_000).toISOString());
      const idle = await createTicket(api, { title: 'Forgotten', tags: [tag] });
      clock.advance(47 * 3_600_000);
      const fresh = await createTicket(api, { title: 'Recent', tags: [tag] });
      await api.runWorkflows();
      assert.equal((await comments(idle.id)).length, 0, 'not idle for 48 hours yet');
      clock.advance(2 * 3_600_000);
      await api.runWorkflows();
      const [reminder] = await comments(idle.id);
      assert.deepEqual([reminder.visibility, reminder.body, reminder.author.kind], ['internal', 'Reminder: Forgotten has waited two days.', 'rule']);
      assert.equal((await comments(fresh.id)).length, 0);
      clock.advance(20 * 60_000);
      await api.runWorkflows();
      assert.equal((await comments(idle.id)).length, 1, 'reminded once per idle period, not every run');
    });

    it('stops automations that would loop, and says so in the history', async () => {
      const tag = uniqueTag();
      const guard = `'${tag}' in ticket.tags`;
      await postAutomation(api, {
        name: 'ping', events: ['ticket.updated'], when: `${guard} && 'pong' in ticket.tags`,
        actions: [{ kind: 'remove_tags', tags: ['pong'] }, { kind: 'add_tags', tags: ['ping'] }],
      });
      await postAutomation(api, {
        name: 'pong', events: ['ticket.updated'], when: `${guard} && 'ping' in ticket.tags`,
        actions: [{ kind: 'remove_tags', tags: ['ping'] }, { kind: 'add_tags', tags: ['pong'] }],
      });
      const selfish = await postAutomation(api, {
        name: 'stamp', events: ['ticket.updated'], when: guard, actions: [{ kind: 'set', field: 'fields.stamped', value: true }],
      });
      const ticket = await createTicket(api, { title: 'Ping-pong', tags: [tag] });
      const changed = await patchTicket(api, ticket.id, { tags: [tag, 'pong'] });
      assert.equal(changed.fields.stamped, true);

      const history: Event[] = await historyOf(api, ticket.id);
      const stops = history.filter((e) => e.type === 'automation.loop_stopped');
      assert.equal(stops.length, 1);
      assert.equal(stops[0]!.data.depth, 5);
      assert.match(stops[0]!.data.message, /looks like a loop/);
      assert.equal(stops[0]!.data.stopped.length, 2);
      assert.ok(stops[0]!.data.stopped.includes('stamp'));
      assert.equal(stops[0]!.data.chain[0], 'ping');
      const fired = history.filter((e) => e.type === 'automation.fired');
      assert.equal(fired.filter((e) => e.data.automation === selfish.id).length, 5, '"stamp" runs once per round, never on its own change');
      assert.deepEqual([...new Set(fired.map((e) => e.data.depth))], [0, 1, 2, 3, 4], 'five rounds, then the stop');
    });

    it('shows in a dry run what would happen, and changes nothing', async () => {
      const tag = uniqueTag();
      const reply = await canned('Dear {{customer.name}}, we are on it ({{ticket.priority}}).');
      const rule = await postAutomation(api, {
        name: 'urgent vip', events: ['ticket.updated'], when: `'${tag}' in ticket.tags && ticket.customer.tier == 'vip'`,
        actions: [{ kind: 'set', field: 'priority', value: 'urgent' }, { kind: 'reply', canned_response: reply }, { kind: 'assign_queue', queue: desk.tiers[2] }],
      });
      const ticket = await createTicket(api, { title: 'VIP waiting', tags: [tag], customer: { name: 'Citra', tier: 'vip' } });
      const eventsBefore = (await historyOf(api, ticket.id)).length;
      const result = expectStatus(await api.call('POST', `/v1/automations/${rule.id}/dry-run`, { body: { ticket_id: ticket.id } }), 200);
      assert.deepEqual([result.matched, result.event, result.changed, result.condition.result], [true, 'ticket.updated', false, true]);
      assert.deepEqual(result.actions[0].preview, { field: 'priority', from: 'normal', to: 'urgent' });
      assert.equal(result.actions[1].preview.body, 'Dear Citra, we are on it (normal).');
      assert.deepEqual(result.actions[2].preview, { queue: desk.tiers[2], from: desk.front });
      const after = await getTicket(api, ticket.id);
      assert.deepEqual([after.version, after.priority, (await historyOf(api, ticket.id)).length, (await comments(ticket.id)).length], [ticket.version, 'normal', eventsBefore, 0]);

      const plain = await createTicket(api, { title: 'No tier', tags: [tag] });
      const miss = expectStatus(await api.call('POST', `/v1/automations/${rule.id}/dry-run`, { body: { ticket_id: plain.id } }), 200);
      assert.equal(miss.matched, false);
      assert.match(miss.condition.error, /tier/);
    });

    it('refuses an automation naming a missing queue, field or canned response, or with a bad condition; nothing saved', async () => {
      const before = expectStatus(await api.call('GET', '/v1/automations'), 200).data.length;
      const details = assertError(await api.call('POST', '/v1/automations', {
        body: {
          name: 'broken', events: ['ticket.created'], when: 'ticket.priorty == "high"',
          actions: [
            { kind: 'assign_queue', queue: 'nowhere' }, { kind: 'set', field: 'colour', value: 'red' },
            { kind: 'reply', canned_response: 'cnr_missing' }, { kind: 'assign_agent', agent: 'agt_missing' },
          ],
        },
      }), 422, 'invalid_automation');
      assert.deepEqual(details.errors.map((e: { path: string }) => e.path), ['/when', '/actions/0/queue', '/actions/1/field', '/actions/2/canned_response', '/actions/3/agent']);
      assert.deepEqual(details.errors[0].position, { offset: 7, line: 1, column: 8, length: 7 });
      assert.equal(expectStatus(await api.call('GET', '/v1/automations'), 200).data.length, before);

      const cannedErrors = assertError(await api.call('POST', '/v1/canned-responses', { body: { name: 'typo', body: 'Hi {{customer.nmae}}' } }), 422, 'invalid_canned_response');
      assert.deepEqual(cannedErrors.errors[0].path, '/body');
      assertError(await api.call('POST', '/v1/automations', { body: { name: 'x', events: ['ticket.exploded'], actions: [] } }), 400, 'validation_failed');
      const viewer = await api.token('viewer');
      assertError(await api.call('POST', '/v1/automations', { token: viewer, body: { name: 'x', events: ['ticket.created'], actions: [{ kind: 'add_tags', tags: ['x'] }] } }), 403, 'forbidden');
      expectStatus(await api.call('GET', '/v1/automations', { token: viewer }), 200);
    });

    it('reacts to an SLA breach from the timers, once, with automations and escalation triggers', async () => {
      const tag = uniqueTag();
      expectStatus(await api.call('POST', '/v1/sla-policies', {
        body: { name: `fast ${tag}`, condition: `'${tag}' in ticket.tags`, targets: { normal: { first_response: { minutes: 60 } } } },
      }), 201);
      await putEscalation(api, { levels: [], triggers: [{ name: 'breach', preset: 'sla_breached', level: 2 }] });
      const rule = await postAutomation(api, {
        name: 'breach to urgent', events: ['sla.breached'], when: `'${tag}' in ticket.tags && sla.metric == 'first_response'`,
        actions: [{ kind: 'set', field: 'priority', value: 'urgent' }],
      });
      const ticket = await createTicket(api, { title: 'Nobody answered', tags: [tag] });
      clock.advance(61 * 60_000);
      await api.fireDueTimers();
      await api.runWorkflows();
      await api.runWorkflows();
      const now = await getTicket(api, ticket.id);
      assert.deepEqual([now.priority, now.escalation.level, now.escalation.reason], ['urgent', 2, 'SLA breached']);
      const fired = (await historyOf(api, ticket.id)).filter((e: Event) => e.type === 'automation.fired' && e.data.automation === rule.id);
      assert.deepEqual(fired.map((e: Event) => e.data.event), ['sla.breached']);
    });
  });
}
