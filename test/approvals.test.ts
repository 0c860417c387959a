import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ManualClock } from '../src/domain/shared/clock.js';
import { assertError, createTicket, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import type { JsonBody, TestApi } from './helpers/http.js';
import { addPerson, sessionCall, signInBrowser } from './helpers/sessions.js';
import { addAgent, eventTypes, getTicket, putPolicy, startRoutingApi, teamQueue, uniqueTeam, workOf } from './helpers/routing-fixtures.js';
import { deskLevels, postAutomation, putEscalation, tieredDesk } from './helpers/workflow-fixtures.js';

/** A policy of one team queue with one available agent: every ticket is assigned to them at once. */
async function oneDesk(api: TestApi, extra: Record<string, unknown> = {}): Promise<{ queue: string; team: string; agent: JsonBody }> {
  const team = uniqueTeam();
  const queue = `desk-${team}`;
  await putPolicy(api, { queues: [teamQueue(queue, team)], rules: [], default: { queue }, ...extra });
  return { queue, team, agent: await addAgent(api, team, 'Desk Dana') };
}

async function requestApproval(api: TestApi, ticketId: string, body: Record<string, unknown>): Promise<JsonBody> {
  return expectStatus(await api.call('POST', `/v1/tickets/${ticketId}/approvals`, { body }), 201);
}

async function vote(api: TestApi, token: string, id: string, decision: 'approve' | 'reject', comment?: string) {
  return api.call('POST', `/v1/approvals/${id}/${decision}`, { token, body: comment === undefined ? {} : { comment } });
}

/** A token bound to a new agent in the team (or to no team). */
async function approverToken(api: TestApi, role: 'agent' | 'supervisor', team = uniqueTeam()): Promise<{ token: string; agent: JsonBody }> {
  const agent = expectStatus(await api.call('POST', '/v1/agents', { body: { name: `Approver ${team}`, teams: [team], status: 'offline' } }), 201);
  return { token: await api.token(role, agent.id), agent };
}

for (const backend of BACKENDS) {
  describe(`approvals (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      ({ api, clock } = await startRoutingApi(backend));
    });
    after(() => api.close());

    it('holds a ticket requested by hand unrouted until a named approver approves, then routes it, all in its history', async () => {
      const desk = await oneDesk(api);
      const boss = await approverToken(api, 'agent');
      const ticket = await createTicket(api, { title: 'Refund 250 EUR' });
      assert.equal(ticket.assignee, desk.agent.id);

      const approval = await requestApproval(api, ticket.id, { approvers: { agents: [boss.agent.id] }, reason: 'refund over 100', on_approve: [{ kind: 'add_tags', tags: ['refund-ok'] }] });
      assert.deepEqual([approval.status, approval.needed, approval.hold, approval.source], ['awaiting', 1, true, 'manual']);
      const held = await getTicket(api, ticket.id);
      assert.deepEqual([held.status, held.assignee], ['queued', null], 'the hold takes the ticket back from its agent');
      assert.deepEqual(held.approval, { id: approval.id, status: 'awaiting' });
      // The freed agent is not handed the held ticket back.
      expectStatus(await api.call('PATCH', `/v1/agents/${desk.agent.id}`, { body: { status: 'away' } }), 200);
      expectStatus(await api.call('PATCH', `/v1/agents/${desk.agent.id}`, { body: { status: 'available' } }), 200);
      assert.equal((await getTicket(api, ticket.id)).assignee, null);

      const approved = expectStatus(await vote(api, boss.token, approval.id, 'approve', 'fine'), 200);
      assert.equal(approved.status, 'approved');
      assert.equal(approved.votes[0].comment, 'fine');
      const routed = await getTicket(api, ticket.id);
      assert.deepEqual([routed.status, routed.assignee], ['assigned', desk.agent.id], 'routed by itself once approved');
      assert.ok(routed.tags.includes('refund-ok'), 'the held action ran');
      assert.deepEqual(routed.approval, { id: approval.id, status: 'approved' });
      const types = await eventTypes(api, ticket.id);
      for (const type of ['approval.requested', 'ticket.waiting_on_approval', 'approval.voted', 'approval.approved']) assert.ok(types.includes(type), type);
      assert.ok(types.indexOf('approval.approved') < types.lastIndexOf('ticket.routed'));
      const listed = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/approvals`), 200).data;
      assert.deepEqual(listed.map((a: JsonBody) => a.id), [approval.id]);
    });

    it('withdraws the offer of a ticket it holds, and offers it again once approved', async () => {
      const desk = await oneDesk(api);
      await putPolicy(api, { queues: [teamQueue(desk.queue, desk.team, { mode: 'offer', offer_timeout: '10m' })], rules: [], default: { queue: desk.queue } });
      const ticket = await createTicket(api, { title: 'Offered, then held' });
      assert.equal((await workOf(api, desk.agent.id)).offers.length, 1);
      const approval = await requestApproval(api, ticket.id, { approvers: { role: 'admin' }, reason: 'hold the offer' });
      assert.equal((await workOf(api, desk.agent.id)).offers.length, 0, 'the offer is withdrawn');
      clock.advance(11 * 60_000);
      await api.fireDueTimers();
      assert.equal((await getTicket(api, ticket.id)).status, 'queued', 'its lapsed timers leave the held ticket alone');
      expectStatus(await vote(api, api.admin, approval.id, 'approve'), 200);
      const offers = (await workOf(api, desk.agent.id)).offers;
      assert.deepEqual(offers.map((o: JsonBody) => o.ticket_id), [ticket.id]);
    });

    it('leaves started work with its agent, but keeps it from being routed again until decided', async () => {
      const desk = await oneDesk(api);
      const ticket = await createTicket(api, { title: 'Started already' });
      expectStatus(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { status: 'in_progress' } }), 200);
      const approval = await requestApproval(api, ticket.id, { approvers: { role: 'admin' }, reason: 'late approval' });
      assert.deepEqual([(await getTicket(api, ticket.id)).status, (await getTicket(api, ticket.id)).assignee], ['in_progress', desk.agent.id]);
      expectStatus(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { assignee: null } }), 200);
      const back = await getTicket(api, ticket.id);
      assert.deepEqual([back.status, back.assignee], ['queued', null], 'back in the queue, not routed while awaiting');
      expectStatus(await vote(api, api.admin, approval.id, 'approve'), 200);
      assert.equal((await getTicket(api, ticket.id)).assignee, desk.agent.id);
    });

    it('keeps a held work order out of batch dispatch', async () => {
      await oneDesk(api);
      const order = await createTicket(api, { title: 'Fix the boiler', type: 'work_order', location: { lat: 52.37, lon: 4.89 } });
      await requestApproval(api, order.id, { approvers: { role: 'admin' }, reason: 'costly visit' });
      const refused = assertError(await api.call('POST', '/v1/dispatch/batch', { body: { ticket_ids: [order.id] } }), 422, 'invalid_value');
      assert.equal(refused.path, '/ticket_ids/0');
    });

    it('counts any N of a team: one vote each, non-members refused, decided at the Nth approval', async () => {
      await oneDesk(api);
      const team = uniqueTeam();
      const [ann, bob] = [await approverToken(api, 'agent', team), await approverToken(api, 'agent', team)];
      const outsider = await approverToken(api, 'agent');
      const ticket = await createTicket(api, { title: 'Change the firewall' });
      const approval = await requestApproval(api, ticket.id, { approvers: { team, min: 2 }, reason: 'change approval', hold: false });
      assert.equal((await getTicket(api, ticket.id)).status, 'assigned', 'hold: false leaves the ticket where it is');

      assert.equal(expectStatus(await vote(api, ann.token, approval.id, 'approve'), 200).status, 'awaiting');
      assertError(await vote(api, ann.token, approval.id, 'approve'), 409, 'approval_already_voted');
      assertError(await vote(api, outsider.token, approval.id, 'approve'), 403, 'not_an_approver');
      const mine = expectStatus(await api.call('GET', '/v1/approvals?status=awaiting&approver=me', { token: bob.token }), 200).data;
      assert.deepEqual(mine.map((a: JsonBody) => a.id), [approval.id], 'awaiting my approval');
      assert.equal(expectStatus(await api.call('GET', '/v1/approvals?approver=me', { token: ann.token }), 200).data.length, 0, 'answered already');
      assert.equal(expectStatus(await api.call('GET', '/v1/approvals?approver=me', { token: await api.token('viewer') }), 200).data.length, 0, 'a viewer approves nothing');
      const done = expectStatus(await vote(api, bob.token, approval.id, 'approve'), 200);
      assert.equal(done.status, 'approved');
      assert.equal(done.votes.length, 2);
    });

    it('counts a person once, whichever of their sessions votes', async () => {
      await oneDesk(api);
      const email = `approver-${uniqueTeam()}@example.com`;
      await addPerson(api, { email, role: 'supervisor' });
      const [phone, laptop] = [await signInBrowser(api, email), await signInBrowser(api, email)];
      const ticket = await createTicket(api, { title: 'Refund above the limit' });
      const approval = await requestApproval(api, ticket.id, { approvers: { role: 'supervisor', min: 2 }, reason: 'two supervisors', hold: false });
      assert.equal(expectStatus(await sessionCall(api, phone, 'POST', `/v1/approvals/${approval.id}/approve`, {}), 200).status, 'awaiting');
      const mine = expectStatus(await sessionCall(api, laptop, 'GET', '/v1/approvals?status=awaiting&approver=me'), 200).data;
      assert.deepEqual(mine, [], 'answered already, from the other session');
      assertError(await sessionCall(api, laptop, 'POST', `/v1/approvals/${approval.id}/approve`, {}), 409, 'approval_already_voted');
    });

    it('a rejection needs a reason, rejects at once, runs the on_reject actions and lets the ticket go', async () => {
      const desk = await oneDesk(api);
      const supervisor = await approverToken(api, 'supervisor');
      const agent = await approverToken(api, 'agent');
      const ticket = await createTicket(api, { title: 'Discount for ACME' });
      const approval = await requestApproval(api, ticket.id, {
        approvers: { role: 'supervisor' }, reason: 'discount', on_approve: [{ kind: 'add_tags', tags: ['approved'] }], on_reject: [{ kind: 'add_tags', tags: ['denied'] }],
      });
      assertError(await vote(api, agent.token, approval.id, 'approve'), 403, 'not_an_approver');
      assertError(await api.call('POST', `/v1/approvals/${approval.id}/reject`, { token: supervisor.token, body: {} }), 400, 'validation_failed');
      assertError(await vote(api, supervisor.token, approval.id, 'reject', '   '), 422, 'invalid_value');
      assert.equal(expectStatus(await api.call('GET', `/v1/approvals/${approval.id}`), 200).votes.length, 0, 'refusals change nothing');

      const rejected = expectStatus(await vote(api, supervisor.token, approval.id, 'reject', 'too generous'), 200);
      assert.deepEqual([rejected.status, rejected.votes[0].comment], ['rejected', 'too generous']);
      const after = await getTicket(api, ticket.id);
      assert.ok(after.tags.includes('denied') && !after.tags.includes('approved'));
      assert.equal(after.assignee, desk.agent.id, 'let go and routed again');
      assertError(await vote(api, api.admin, approval.id, 'approve'), 409, 'approval_not_awaiting');
      assert.ok((await eventTypes(api, ticket.id)).includes('approval.rejected'));
    });

    it('refuses a bad request with every mistake\'s path, saving nothing; cancelling lets the ticket go', async () => {
      const desk = await oneDesk(api);
      const ticket = await createTicket(api, { title: 'Bad request' });
      const bad = assertError(await api.call('POST', `/v1/tickets/${ticket.id}/approvals`, {
        body: { approvers: { agents: ['agt_nobody'], min: 2 }, reason: 'x', remind_after: 'soon', on_approve: [{ kind: 'set', field: 'nope', value: 1 }] },
      }), 422, 'invalid_approval');
      const paths = bad.errors.map((e: JsonBody) => e.path);
      for (const path of ['/approvers/min', '/approvers/agents/0', '/remind_after', '/on_approve/0/field']) assert.ok(paths.includes(path), path);
      assertError(await api.call('POST', `/v1/tickets/${ticket.id}/approvals`, { body: { approvers: { role: 'viewer' }, reason: 'x' } }), 400, 'validation_failed');
      assertError(await api.call('POST', `/v1/tickets/${ticket.id}/approvals`, { body: { approvers: { role: 'admin' }, reason: 'x', extra: 1 } }), 400, 'validation_failed');
      assert.equal(expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/approvals`), 200).data.length, 0);

      const approval = await requestApproval(api, ticket.id, { approvers: { role: 'admin' }, reason: 'check' });
      assert.equal((await getTicket(api, ticket.id)).assignee, null);
      const cancelled = expectStatus(await api.call('POST', `/v1/approvals/${approval.id}/cancel`, { body: { comment: 'not needed' } }), 200);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal((await getTicket(api, ticket.id)).assignee, desk.agent.id);
      assertError(await api.call('POST', `/v1/approvals/${approval.id}/cancel`, { body: {} }), 409, 'approval_not_awaiting');
      assert.ok((await eventTypes(api, ticket.id)).includes('approval.cancelled'));
    });

    it('an automation asks a supervisor to approve AI-suggested refunds over 100, and tags the ticket once approved', async () => {
      const desk = await oneDesk(api);
      await postAutomation(api, {
        name: 'big refunds need a supervisor',
        events: ['ticket.created'],
        when: "(ticket.ai.label == 'refund' || (has(ticket.fields.category) && ticket.fields.category == 'refund')) && double(ticket.fields.amount) > 100.0",
        actions: [{ kind: 'request_approval', approvers: { role: 'supervisor' }, reason: 'refund over 100', on_approve: [{ kind: 'add_tags', tags: ['refund-approved'] }] }],
      });
      const small = await createTicket(api, { title: 'Refund please', fields: { category: 'refund', amount: 40 } });
      assert.equal(small.assignee, desk.agent.id);
      const big = await createTicket(api, { title: 'Refund please', fields: { category: 'refund', amount: 150 } });
      assert.deepEqual([big.status, big.assignee, big.approval?.status], ['queued', null, 'awaiting'], 'held in the response to the create');
      const [approval] = expectStatus(await api.call('GET', `/v1/tickets/${big.id}/approvals`), 200).data;
      assert.equal(approval.source, 'automation:big refunds need a supervisor');
      const supervisor = await approverToken(api, 'supervisor');
      expectStatus(await vote(api, supervisor.token, approval.id, 'approve'), 200);
      const done = await getTicket(api, big.id);
      assert.ok(done.tags.includes('refund-approved'));
      assert.equal(done.assignee, desk.agent.id);
      expectStatus(await api.call('DELETE', `/v1/automations/${(await listAutomations(api))[0].id}`), 204);
    });

    it('a policy rule with an approval holds matching tickets before routing and routes them once approved', async () => {
      const team = uniqueTeam();
      const queue = `desk-${team}`;
      const boss = await approverToken(api, 'agent');
      const policy = {
        queues: [teamQueue(queue, team)],
        rules: [{ name: 'access', when: "ticket.type == 'change_request'", targets: [{ queue }], approval: { approvers: { agents: [boss.agent.id] }, reason: 'access change' } }],
        default: { queue },
      };
      assertError(await api.call('PUT', '/v1/routing/policy', { body: { ...policy, rules: [{ ...policy.rules[0], approval: { approvers: { agents: ['a', 'b'], min: 3 }, reason: 'x' } }] } }), 422, 'invalid_policy');
      await putPolicy(api, policy);
      const agent = await addAgent(api, team, 'Policy Pat');
      const plain = await createTicket(api, { title: 'Printer' });
      assert.equal(plain.assignee, agent.id, 'no cost and no hold for other rules');
      const change = await createTicket(api, { title: 'Admin rights', type: 'change_request' });
      assert.deepEqual([change.status, change.assignee], ['queued', null]);
      const [approval] = expectStatus(await api.call('GET', `/v1/tickets/${change.id}/approvals`), 200).data;
      assert.equal(approval.source, 'policy:access');
      expectStatus(await vote(api, boss.token, approval.id, 'approve'), 200);
      const routed = await getTicket(api, change.id);
      assert.equal(routed.assignee, agent.id, 'routed under the rule once approved, without asking again');
      assert.equal(expectStatus(await api.call('GET', `/v1/tickets/${change.id}/approvals`), 200).data.length, 1);
    });

    it('an escalation level with an approval escalates only once approved', async () => {
      const desk = await tieredDesk(api);
      const supervisor = await approverToken(api, 'supervisor');
      const [l1, l2] = deskLevels(desk);
      await putEscalation(api, { levels: [l1, { ...l2, approval: { approvers: { role: 'supervisor' }, reason: 'L2 costs money' } }], triggers: [] });
      const ticket = await createTicket(api, { title: 'Server down' });
      expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/escalate`, { body: { reason: 'L1 please' } }), 200);
      const asked = expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/escalate`, { body: { reason: 'needs L2' } }), 200);
      assert.equal(asked.escalation, null);
      assert.deepEqual([asked.approval.status, asked.approval.source, asked.ticket.escalation.level], ['awaiting', 'escalation:2', 1]);
      assert.equal(asked.ticket.assignee, desk.agents.l1.id, 'escalation approvals do not hold the ticket by default');
      const again = expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/escalate`, { body: { reason: 'still' } }), 200);
      assert.equal(again.approval.id, asked.approval.id, 'one awaiting approval per level');
      expectStatus(await vote(api, supervisor.token, asked.approval.id, 'approve'), 200);
      const up = await getTicket(api, ticket.id);
      assert.deepEqual([up.escalation.level, up.queue, up.assignee], [2, desk.tiers[1], desk.agents.l2.id]);
      await putEscalation(api, { levels: [], triggers: [] });
    });

    it('reminds the approvers and then escalates the ticket when nobody answers, from durable timers, once each', async () => {
      const desk = await tieredDesk(api);
      await putEscalation(api, { levels: deskLevels(desk), triggers: [] });
      const boss = await approverToken(api, 'agent');
      const ticket = await createTicket(api, { title: 'Waiting on a yes' });
      const approval = await requestApproval(api, ticket.id, {
        approvers: { agents: [boss.agent.id] }, reason: 'sign-off', hold: false, remind_after: '1h', escalate_after: '3h',
      });
      clock.advance(60 * 60_000 + 1);
      await api.fireDueTimers();
      await api.fireDueTimers();
      let types = await eventTypes(api, ticket.id);
      assert.equal(types.filter((t) => t === 'approval.reminded').length, 1);
      const watchers = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/watchers`), 200).data;
      assert.ok(watchers.includes(boss.agent.id), 'the approver watches the ticket');
      clock.advance(2 * 60 * 60_000);
      await api.fireDueTimers();
      types = await eventTypes(api, ticket.id);
      assert.equal(types.filter((t) => t === 'approval.reminded').length, 2, 'reminded again after the same time');
      assert.equal(types.filter((t) => t === 'approval.escalated').length, 1);
      const up = await getTicket(api, ticket.id);
      assert.deepEqual([up.escalation.level, up.escalation.reason], [1, 'approval not answered']);
      expectStatus(await vote(api, boss.token, approval.id, 'approve'), 200);
      clock.advance(10 * 60 * 60_000);
      await api.fireDueTimers();
      assert.equal((await eventTypes(api, ticket.id)).filter((t) => t === 'approval.reminded').length, 2, 'a decided approval is not reminded');
      await putEscalation(api, { levels: [], triggers: [] });
    });

    it('asks once for a retried request with the same Idempotency-Key', async () => {
      await oneDesk(api);
      const ticket = await createTicket(api, { title: 'Retried' });
      const body = { approvers: { role: 'supervisor' }, reason: 'retry me', hold: false };
      const headers = { 'idempotency-key': `apr-${ticket.id}` };
      const first = await api.call('POST', `/v1/tickets/${ticket.id}/approvals`, { body, headers });
      const again = await api.call('POST', `/v1/tickets/${ticket.id}/approvals`, { body, headers });
      assert.equal(expectStatus(again, 201).id, expectStatus(first, 201).id);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/approvals`), 200).data.length, 1);
      const page1 = expectStatus(await api.call('GET', '/v1/approvals?limit=1'), 200);
      const page2 = expectStatus(await api.call('GET', `/v1/approvals?limit=1&cursor=${page1.next_cursor}`), 200);
      assert.ok(page1.data[0].id > page2.data[0].id, 'newest first, page after page');
      assertError(await api.call('GET', '/v1/approvals?cursor=nonsense'), 400, 'invalid_cursor');
    });

    it('keeps approvals inside their workspace', async () => {
      await oneDesk(api);
      const ticket = await createTicket(api, { title: 'Mine' });
      const approval = await requestApproval(api, ticket.id, { approvers: { role: 'admin' }, reason: 'mine' });
      const other = await api.otherWorkspace(`other-${uniqueTeam()}`);
      assertError(await api.call('GET', `/v1/approvals/${approval.id}`, { token: other }), 404, 'approval_not_found');
      assertError(await vote(api, other, approval.id, 'approve'), 404, 'approval_not_found');
      assertError(await api.call('POST', `/v1/approvals/${approval.id}/cancel`, { token: other, body: {} }), 404, 'approval_not_found');
      assertError(await api.call('GET', `/v1/tickets/${ticket.id}/approvals`, { token: other }), 404, 'ticket_not_found');
      assert.equal(expectStatus(await api.call('GET', '/v1/approvals', { token: other }), 200).data.length, 0);
      expectStatus(await api.call('POST', `/v1/approvals/${approval.id}/cancel`, { body: {} }), 200);
    });
  });
}

async function listAutomations(api: TestApi): Promise<JsonBody[]> {
  return expectStatus(await api.call('GET', '/v1/automations'), 200).data;
}
