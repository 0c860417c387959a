import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { updateTicketCommand } from '../src/commands/update-ticket.js';
import type { ManualClock } from '../src/domain/shared/clock.js';
import { systemContext, systemIds } from '../src/surfaces/runtime.js';
import { createTicket, expectStatus, patchTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import type { JsonBody, TestApi } from './helpers/http.js';
import {
  addAgent, eventTypes, getTicket, lastExplanation, putPolicy, routingOf, startRoutingApi, teamQueue, uniqueTeam, workOf,
} from './helpers/routing-fixtures.js';

for (const backend of BACKENDS) {
  describe(`routing through a ticket's life (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      ({ api, clock } = await startRoutingApi(backend));
    });
    after(() => api.close());

    /** Resolves a ticket as a process that does not route would (a script on the database): nobody pulls for its agent. */
    const resolveWhereNoRoutingSees = (ticketId: string) =>
      api.db.store.transaction((tx) => updateTicketCommand(systemContext(tx, api.workspaceId, systemIds(clock), clock), ticketId, { status: 'resolved' }));
    /** A team of one agent with room for one email ticket, under a policy of its own, holding a first ticket. */
    const oneAgentHolding = async (name: string, title: string) => {
      const team = uniqueTeam();
      const agent = await addAgent(api, team, name, { capacity: { email: 1 } });
      await onePolicy(team);
      const held = await createTicket(api, { title });
      assert.equal(held.assignee, agent.id);
      return { agent, held };
    };
    const setPresence = async (agentId: string, status: string) => expectStatus(await api.call('PATCH', `/v1/agents/${agentId}`, { body: { status } }), 200);
    /** One queue of the team's agents, named after the team so no earlier test's waiting work is in it. */
    const onePolicy = (team: string) => putPolicy(api, { queues: [teamQueue(`work-${team}`, team, { strategy: 'least_busy' })], rules: [], default: { queue: `work-${team}` } });
    /** How many tickets of the email capacity class the agent holds in a status that counts against capacity. */
    const emailLoad = async (agentId: string) => (await workOf(api, agentId)).tickets
      .filter((t: JsonBody) => ['assigned', 'in_progress'].includes(t.status) && !['chat', 'phone'].includes(t.channel)).length;

    it('never exceeds capacity, and freed capacity pulls the best waiting ticket at once (priority, then age)', async () => {
      const team = uniqueTeam();
      const ann = await addAgent(api, team, 'Ann', { capacity: { email: 2, chat: 1 } });
      const bob = await addAgent(api, team, 'Bob', { capacity: { email: 2, chat: 1 } });
      await onePolicy(team);
      // email, form, api and internal share the email capacity.
      const filled: JsonBody[] = [];
      for (const channel of ['email', 'form', 'api', 'internal']) filled.push(await createTicket(api, { title: `Via ${channel}`, channel }));
      assert.ok(filled.every((t) => t.status === 'assigned'));
      clock.advance(60_000);
      const older = await createTicket(api, { title: 'Older normal', channel: 'email' });
      clock.advance(60_000);
      const urgent = await createTicket(api, { title: 'Newer urgent', channel: 'form', priority: 'urgent' });
      for (const waiting of [older, urgent]) assert.deepEqual([waiting.status, waiting.assignee, waiting.queue], ['queued', null, `work-${team}`]);
      assert.deepEqual((await lastExplanation(api, urgent.id)).excluded, { at_capacity: 2 });
      const chat = await createTicket(api, { title: 'Live chat', channel: 'chat' });
      assert.equal(chat.status, 'assigned', 'chat has its own capacity');
      for (const agent of [ann, bob]) assert.equal(await emailLoad(agent.id), 2);

      const holder = filled[0].assignee;
      await patchTicket(api, filled[0].id, { status: 'resolved' });
      assert.equal((await getTicket(api, urgent.id)).assignee, holder, 'the urgent ticket goes first though it is newer');
      assert.equal((await getTicket(api, older.id)).status, 'queued');
      const pulled = await routingOf(api, urgent.id);
      assert.deepEqual(pulled.decisions.map((d: JsonBody) => d.outcome), ['assigned', 'queued']);
      assert.match(pulled.decisions[0].explanation.sticky.reason, /capacity freed/);

      // Waiting on the customer does not count against capacity either.
      const other = filled.find((t) => t.assignee === holder && t.id !== filled[0].id)!;
      await patchTicket(api, other.id, { status: 'pending' });
      assert.equal((await getTicket(api, older.id)).assignee, holder);
      for (const agent of [ann, bob]) assert.equal(await emailLoad(agent.id), 2);
    });

    it("re-routes an agent's unstarted work when they go offline; started work stays", async () => {
      const team = uniqueTeam();
      const ann = await addAgent(api, team, 'Ann');
      const bob = await addAgent(api, team, 'Bob', { status: 'offline' });
      await onePolicy(team);
      const notStarted = await createTicket(api, { title: 'Not started' });
      const started = await createTicket(api, { title: 'Started' });
      assert.deepEqual([notStarted.assignee, started.assignee], [ann.id, ann.id]);
      await patchTicket(api, started.id, { status: 'in_progress' });
      await setPresence(bob.id, 'available');

      await setPresence(ann.id, 'offline');
      const moved = await getTicket(api, notStarted.id);
      assert.deepEqual([moved.status, moved.assignee], ['assigned', bob.id]);
      assert.ok((await eventTypes(api, notStarted.id)).includes('ticket.redispatched'));
      const kept = await getTicket(api, started.id);
      assert.deepEqual([kept.status, kept.assignee], ['in_progress', ann.id]);
      assert.equal((await lastExplanation(api, notStarted.id)).excluded.not_available, 1);
    });

    it('re-routes the unstarted work of a removed agent the same way', async () => {
      const team = uniqueTeam();
      const cid = await addAgent(api, team, 'Cid');
      const dee = await addAgent(api, team, 'Dee', { status: 'offline' });
      await onePolicy(team);
      const notStarted = await createTicket(api, { title: 'Not started' });
      const started = await createTicket(api, { title: 'Started' });
      await patchTicket(api, started.id, { status: 'in_progress' });
      await setPresence(dee.id, 'available');

      expectStatus(await api.call('DELETE', `/v1/agents/${cid.id}`), 200);
      assert.equal((await getTicket(api, notStarted.id)).assignee, dee.id);
      assert.deepEqual([(await getTicket(api, started.id)).status, (await getTicket(api, started.id)).assignee], ['in_progress', cid.id]);
      const next = await createTicket(api, { title: 'After the removal' });
      assert.equal(next.assignee, dee.id);
      assert.equal((await lastExplanation(api, next.id)).queue_members, 1, 'a removed agent leaves the queue');
    });

    it('gives re-queued work back to its agent when they return and nobody else took it', async () => {
      const { agent: eve, held: ticket } = await oneAgentHolding('Eve', 'Only Eve can take it');
      await setPresence(eve.id, 'away');
      assert.deepEqual([(await getTicket(api, ticket.id)).status, (await getTicket(api, ticket.id)).assignee], ['queued', null]);
      await setPresence(eve.id, 'available');
      const back = await getTicket(api, ticket.id);
      assert.deepEqual([back.status, back.assignee], ['assigned', eve.id], 'going away is not declining, and frees the capacity the ticket held');
    });

    it('withdraws the offers of an agent who goes away without counting them as declined', async () => {
      const team = uniqueTeam();
      const gil = await addAgent(api, team, 'Gil');
      await putPolicy(api, { queues: [teamQueue(`offers-${team}`, team, { mode: 'offer' })], rules: [], default: { queue: `offers-${team}` } });
      const ticket = await createTicket(api, { title: 'Offered to Gil' });
      assert.equal((await workOf(api, gil.id)).offers.length, 1);
      await setPresence(gil.id, 'away');
      assert.deepEqual((await workOf(api, gil.id)).offers, []);
      const waiting = await routingOf(api, ticket.id);
      assert.deepEqual([waiting.reroutes, waiting.state.declined, waiting.state.offer_id], [0, [], null]);
      await setPresence(gil.id, 'available');
      const [again] = (await workOf(api, gil.id)).offers;
      assert.equal(again?.ticket_id, ticket.id, 'offered again on return');
    });

    it('has an agent freed in one capacity class pull the work of that class from behind work of a full class', async () => {
      const team = uniqueTeam();
      const cy = await addAgent(api, team, 'Cy', { capacity: { email: 1, chat: 1 } });
      await onePolicy(team);
      const mail = await createTicket(api, { title: 'Cy answers this mail', channel: 'email' });
      const talk = await createTicket(api, { title: 'Cy is in this chat', channel: 'chat' });
      assert.deepEqual([mail.assignee, talk.assignee], [cy.id, cy.id]);
      clock.advance(60_000);
      const waitingMail = await createTicket(api, { title: 'A mail that waits first', channel: 'email', priority: 'urgent' });
      clock.advance(60_000);
      const waitingChat = await createTicket(api, { title: 'A chat that waits behind it', channel: 'chat' });
      assert.deepEqual([waitingMail.status, waitingChat.status], ['queued', 'queued']);
      await patchTicket(api, talk.id, { status: 'resolved' });
      assert.equal((await getTicket(api, waitingChat.id)).assignee, cy.id, 'the freed chat room takes the waiting chat');
      assert.equal((await getTicket(api, waitingMail.id)).status, 'queued', 'the mail still waits: Cy has no room for mail');
    });

    it('passes over a waiting ticket that turns out to be blocked when pulling work', async () => {
      const team = uniqueTeam();
      const al = await addAgent(api, team, 'Al', { capacity: { email: 1 } });
      await onePolicy(team);
      const blocker = await createTicket(api, { title: 'Blocker, waiting on its customer' });
      await patchTicket(api, blocker.id, { status: 'pending' });
      const held = await createTicket(api, { title: 'Held by Al' });
      const parked = await createTicket(api, { title: 'Gets blocked while waiting' });
      clock.advance(1000);
      const next = await createTicket(api, { title: 'Free to go' });
      assert.deepEqual([blocker.assignee, held.assignee, parked.assignee, next.assignee], [al.id, al.id, null, null]);
      expectStatus(await api.call('POST', `/v1/tickets/${parked.id}/links`, { body: { kind: 'blocked_by', ticket_id: blocker.id } }), 200);

      await patchTicket(api, held.id, { status: 'resolved' });
      assert.equal((await getTicket(api, parked.id)).assignee, null);
      assert.deepEqual((await routingOf(api, parked.id)).state.waiting_on, [blocker.id]);
      assert.equal((await getTicket(api, next.id)).assignee, al.id, 'the next waiting ticket is pulled instead');
    });

    it('keeps a ticket in the queue it was given when it waits, is pulled, or is re-routed', async () => {
      const team = uniqueTeam();
      const [billing, general] = [`billing-${team}`, `general-${team}`];
      const bo = await addAgent(api, `${team}-b`, 'Bo', { capacity: { email: 1 } });
      const bea = await addAgent(api, `${team}-b`, 'Bea', { status: 'offline' });
      await addAgent(api, `${team}-g`, 'Gil in general');
      await putPolicy(api, { queues: [teamQueue(billing, `${team}-b`), teamQueue(general, `${team}-g`)], rules: [], default: { queue: general } });
      const first = await createTicket(api, { title: 'Sent to billing', queue: billing });
      const second = await createTicket(api, { title: 'Also sent to billing', queue: billing });
      assert.deepEqual([first.assignee, second.assignee, second.queue], [bo.id, null, billing]);

      await patchTicket(api, first.id, { status: 'resolved' });
      const pulled = await getTicket(api, second.id);
      assert.deepEqual([pulled.assignee, pulled.queue], [bo.id, billing], 'Bo pulls the ticket waiting in billing');

      await setPresence(bea.id, 'available');
      await setPresence(bo.id, 'offline');
      const moved = await getTicket(api, second.id);
      assert.deepEqual([moved.assignee, moved.queue], [bea.id, billing], 're-routed within billing, not to the default queue');
    });

    it('re-ranks waiting work whose priority is raised: it goes before older work of the old priority', async () => {
      const team = uniqueTeam();
      const ida = await addAgent(api, team, 'Ida', { capacity: { email: 1 } });
      await onePolicy(team);
      const held = await createTicket(api, { title: 'Ida is busy with this' });
      assert.equal(held.assignee, ida.id);
      clock.advance(60_000);
      const older = await createTicket(api, { title: 'Older, normal' });
      clock.advance(60_000);
      const raised = await createTicket(api, { title: 'Newer, raised to urgent' });
      await patchTicket(api, raised.id, { priority: 'urgent' });
      await patchTicket(api, held.id, { status: 'resolved' });
      assert.equal((await getTicket(api, raised.id)).assignee, ida.id, 'the raised ticket is taken first');
      assert.equal((await getTicket(api, older.id)).status, 'queued');
    });

    it('re-ranks waiting work whose priority is lowered: older work of the old priority goes first', async () => {
      const team = uniqueTeam();
      const jo = await addAgent(api, team, 'Jo', { capacity: { email: 1 } });
      await onePolicy(team);
      const held = await createTicket(api, { title: 'Jo is busy with this' });
      clock.advance(60_000);
      const lowered = await createTicket(api, { title: 'Urgent at first, then low', priority: 'urgent' });
      clock.advance(60_000);
      const normal = await createTicket(api, { title: 'Newer, normal' });
      await patchTicket(api, lowered.id, { priority: 'low' });
      await patchTicket(api, held.id, { status: 'resolved' });
      assert.equal((await getTicket(api, normal.id)).assignee, jo.id);
      assert.equal((await getTicket(api, lowered.id)).status, 'queued');
    });

    it('gives new work to an agent whose work another node released, without waiting for a recount', async () => {
      const { agent: lee, held: first } = await oneAgentHolding('Lee', 'Lee takes this here');
      const other = await api.otherNode();
      expectStatus(await other.call('PATCH', `/v1/tickets/${first.id}`, { body: { status: 'resolved' } }), 200);
      const next = await createTicket(api, { title: 'Lee is free again, as the other node knows' });
      assert.deepEqual([next.status, next.assignee], ['assigned', lee.id]);
    });

    it('recounts a queue found full less often while it stays full, and as before once it has room', async () => {
      const { agent: kim, held } = await oneAgentHolding('Kim', 'Kim takes this');
      const queued = async (title: string) => assert.equal((await createTicket(api, { title })).status, 'queued', title);
      await queued('Full: recounted, still full; the next recount waits a second');
      clock.advance(1_000);
      await queued('A second on: recounted, still full; the next waits two');
      // Only a recount can tell.
      await resolveWhereNoRoutingSees(held.id);
      clock.advance(1_000);
      await queued('One second on, not recounted: Kim looks busy still');
      clock.advance(1_000);
      const next = await createTicket(api, { title: 'Two seconds on: recounted, Kim has room' });
      assert.deepEqual([next.status, next.assignee], ['assigned', kim.id]);
    });

    it('has waiting work pulled by an agent freed outside the routing service, at the next routing sweep', async () => {
      const { agent: max, held } = await oneAgentHolding('Max', 'Max takes this');
      const waiting = await createTicket(api, { title: 'Waits for Max' });
      assert.equal(waiting.status, 'queued');
      await resolveWhereNoRoutingSees(held.id);
      assert.equal((await getTicket(api, waiting.id)).status, 'queued');
      assert.match((await api.runRoutingSweep()) ?? '', /placed/);
      assert.deepEqual([(await getTicket(api, waiting.id)).status, (await getTicket(api, waiting.id)).assignee], ['assigned', max.id]);
      assert.equal(await api.runRoutingSweep(), null, 'nothing left to place');
    });

    it('holds a blocked ticket until its blockers are resolved, then routes it by itself', async () => {
      const team = uniqueTeam();
      const fay = await addAgent(api, team, 'Fay');
      await onePolicy(team);
      const first = await createTicket(api, { title: 'Fix the database' });
      const second = await createTicket(api, { title: 'Restore the backups' });
      const blocked = await createTicket(api, {
        title: 'Rerun the reports',
        links: [{ kind: 'blocked_by', ticket_id: first.id }, { kind: 'blocked_by', ticket_id: second.id }],
      });
      assert.deepEqual([blocked.status, blocked.assignee], ['queued', null]);
      assert.deepEqual(blocked.blocked_by, [first.id, second.id]);
      assert.ok((await eventTypes(api, blocked.id)).includes('ticket.waiting_on_blockers'));
      assert.deepEqual((await routingOf(api, blocked.id)).state.waiting_on, [first.id, second.id]);

      await patchTicket(api, first.id, { status: 'resolved' });
      const still = await getTicket(api, blocked.id);
      assert.deepEqual([still.status, still.assignee], ['queued', null], 'one blocker is still open');
      assert.deepEqual((await routingOf(api, blocked.id)).state.waiting_on, [second.id]);

      await patchTicket(api, second.id, { status: 'closed' });
      const released = await getTicket(api, blocked.id);
      assert.deepEqual([released.status, released.assignee], ['assigned', fay.id]);
      const routing = await routingOf(api, blocked.id);
      assert.deepEqual(routing.state.waiting_on, []);
      assert.equal(routing.decisions[0].outcome, 'assigned');
    });
  });
}
