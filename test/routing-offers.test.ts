import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ManualClock } from '../src/domain/shared/clock.js';
import { assertError, createTicket, expectStatus, patchTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import type { JsonBody, TestApi } from './helpers/http.js';
import {
  addAgent, eventTypes, getTicket, putPolicy, routingOf, startRoutingApi, teamQueue, uniqueTeam, workOf,
} from './helpers/routing-fixtures.js';

const OFFER_MS = 45_000;

for (const backend of BACKENDS) {
  describe(`offers (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      ({ api, clock } = await startRoutingApi(backend));
    });
    after(() => api.close());

    /**
     * Agents of a fresh team, each with a token of their own, under an offer-mode policy. With `tag`,
     * only tickets with that tag go to the team; work left waiting by earlier tests goes elsewhere.
     */
    const offerTeam = async (names: string[], capacity?: Record<string, number>, tag?: string) => {
      const team = uniqueTeam();
      const agents: { id: string; token: string }[] = [];
      for (const name of names) {
        const agent = await addAgent(api, team, name, capacity ? { capacity } : {});
        agents.push({ id: agent.id, token: await api.token('agent', agent.id) });
      }
      const queue = `offers-${team}`;
      await putPolicy(api, {
        queues: [teamQueue(queue, team, { strategy: 'round_robin', mode: 'offer', offer_timeout: '45s' }), { id: `rest-${team}`, agents: 'false' }],
        rules: tag ? [{ name: `tagged-${team}`, when: `'${tag}' in ticket.tags`, targets: [{ queue }] }] : [],
        default: { queue: tag ? `rest-${team}` : queue },
      });
      return { agents, queue };
    };
    /** The one pending offer the agent has, checked to be for the ticket. */
    const offerOf = async (agentId: string, ticketId: string): Promise<JsonBody> => {
      const { offers } = await workOf(api, agentId);
      assert.equal(offers.length, 1, JSON.stringify(offers));
      assert.deepEqual([offers[0].ticket_id, offers[0].agent_id, offers[0].status], [ticketId, agentId, 'pending']);
      return offers[0];
    };
    const answer = (offerId: string, verb: 'accept' | 'decline', token?: string) => api.call('POST', `/v1/offers/${offerId}/${verb}`, { token });

    it('offers, moves on after a decline and after a time-out, and assigns on accept', async () => {
      const { agents: [ann, bob, cid], queue } = await offerTeam(['Ann', 'Bob', 'Cid']);
      const ticket = await createTicket(api, { title: 'Offered around' });
      assert.deepEqual([ticket.status, ticket.assignee, ticket.queue], ['queued', null, queue]);
      const first = await offerOf(ann!.id, ticket.id);
      assert.equal(Date.parse(first.expires_at) - Date.parse(first.created_at), OFFER_MS);
      assert.equal((await routingOf(api, ticket.id)).state.offer_id, first.id);

      const declined = expectStatus(await answer(first.id, 'decline', ann!.token), 200);
      assert.deepEqual([declined.status, declined.assignee], ['queued', null]);
      assert.deepEqual((await workOf(api, ann!.id)).offers, []);
      const second = await offerOf(bob!.id, ticket.id);
      let routing = await routingOf(api, ticket.id);
      assert.equal(routing.reroutes, 1);
      assert.deepEqual(routing.state.declined, [ann!.id]);

      clock.advance(OFFER_MS + 1000);
      await api.fireDueTimers();
      assert.deepEqual((await workOf(api, bob!.id)).offers, [], 'the unanswered offer lapsed');
      assertError(await answer(second.id, 'accept', bob!.token), 409, 'offer_expired');
      const third = await offerOf(cid!.id, ticket.id);
      routing = await routingOf(api, ticket.id);
      assert.equal(routing.reroutes, 2);
      assert.deepEqual(routing.decisions.map((d: JsonBody) => [d.outcome, d.agent]), [['offered', cid!.id], ['offered', bob!.id], ['offered', ann!.id]]);

      const accepted = expectStatus(await answer(third.id, 'accept', cid!.token), 200);
      assert.deepEqual([accepted.status, accepted.assignee], ['assigned', cid!.id]);
      assert.deepEqual((await workOf(api, cid!.id)).tickets.map((t: JsonBody) => t.id), [ticket.id]);
      assert.deepEqual((await workOf(api, cid!.id)).offers, []);
      const events = await eventTypes(api, ticket.id);
      for (const type of ['ticket.offered', 'offer.declined', 'offer.expired', 'offer.accepted']) assert.ok(events.includes(type), `${type} in ${events.join()}`);

      assertError(await answer(third.id, 'accept', cid!.token), 409, 'offer_not_pending');
      assertError(await answer(third.id, 'decline', cid!.token), 409, 'offer_not_pending');
      assertError(await answer(first.id, 'decline', ann!.token), 409, 'offer_not_pending');
      clock.advance(OFFER_MS);
      await api.fireDueTimers();
      assert.equal((await getTicket(api, ticket.id)).assignee, cid!.id, "the accepted offer's timer does nothing");
    });

    it('refuses an expired offer, another agent\'s offer, and an unknown offer', async () => {
      const { agents: [dee, eve] } = await offerTeam(['Dee', 'Eve']);
      const ticket = await createTicket(api, { title: 'Who takes it?' });
      const offer = await offerOf(dee!.id, ticket.id);
      assertError(await answer(offer.id, 'accept', eve!.token), 403, 'forbidden');
      assertError(await answer(offer.id, 'decline', eve!.token), 403, 'forbidden');
      assertError(await answer('ofr_01J00000000000000000000000', 'accept', dee!.token), 404, 'offer_not_found');
      assertError(await answer('ofr_01J00000000000000000000000', 'decline'), 404, 'offer_not_found');

      clock.advance(OFFER_MS);
      assertError(await answer(offer.id, 'accept', dee!.token), 409, 'offer_expired');
      assertError(await answer(offer.id, 'decline', dee!.token), 409, 'offer_expired');
      await api.fireDueTimers();
      assertError(await answer(offer.id, 'accept', dee!.token), 409, 'offer_expired');
      const next = await offerOf(eve!.id, ticket.id);
      expectStatus(await answer(next.id, 'accept', eve!.token), 200);
      assert.equal((await getTicket(api, ticket.id)).assignee, eve!.id);
    });

    it('counts a pending offer against capacity, so nobody is offered more than they can hold', async () => {
      const { agents: [fay, gus] } = await offerTeam(['Fay', 'Gus'], { email: 1 });
      const one = await createTicket(api, { title: 'One' });
      const two = await createTicket(api, { title: 'Two' });
      const three = await createTicket(api, { title: 'Three' });
      await offerOf(fay!.id, one.id);
      await offerOf(gus!.id, two.id);
      assert.deepEqual([three.status, three.assignee], ['queued', null]);
      assert.equal((await routingOf(api, three.id)).decisions[0].outcome, 'queued');
    });

    it('offers waiting work to an agent whose capacity a declined or lapsed offer freed', async () => {
      const tag = uniqueTeam();
      const { agents: [fay, gus] } = await offerTeam(['Fay', 'Gus'], { email: 1 }, tag);
      const one = await createTicket(api, { title: 'One', tags: [tag] });
      const two = await createTicket(api, { title: 'Two', tags: [tag] });
      const three = await createTicket(api, { title: 'Three', tags: [tag] });
      const fays = await offerOf(fay!.id, one.id);
      await offerOf(gus!.id, two.id);
      expectStatus(await answer(fays.id, 'decline', fay!.token), 200);
      // Fay passed on One, and Gus is still considering Two: Fay's freed room goes to Three.
      const three4fay = await offerOf(fay!.id, three.id);
      assert.deepEqual([(await getTicket(api, one.id)).status, (await routingOf(api, one.id)).state.offer_id], ['queued', null]);
      expectStatus(await answer(three4fay.id, 'accept', fay!.token), 200);

      clock.advance(OFFER_MS);
      await api.fireDueTimers();
      // Gus let Two lapse; One (declined only by Fay) is offered to Gus in his freed room.
      await offerOf(gus!.id, one.id);
      assert.deepEqual([(await getTicket(api, two.id)).status, (await routingOf(api, two.id)).state.declined], ['queued', [gus!.id]]);
    });

    it('offers an agent with room the first waiting ticket they have not passed on, however many they passed on', async () => {
      const tag = uniqueTeam();
      const { agents: [fay, gus] } = await offerTeam(['Fay', 'Gus'], { email: 1 }, tag);
      const tickets: JsonBody[] = [];
      for (let i = 0; i < 28; i++) tickets.push(await createTicket(api, { title: `Waiting ${i}`, tags: [tag] }));
      await offerOf(gus!.id, tickets[1]!.id);
      // Fay passes on the first ticket, then on each one her freed room brings: 25 in all, more
      // than one look at the head of the queue holds.
      const passedOn = [tickets[0]!, ...tickets.slice(2, 26)];
      for (const ticket of passedOn) expectStatus(await answer((await offerOf(fay!.id, ticket.id)).id, 'decline', fay!.token), 200);
      await offerOf(fay!.id, tickets[26]!.id);
    });

    it('takes turns when offering under round_robin, and an accept does not move the turn', async () => {
      const { agents: [jo, kai, lin] } = await offerTeam(['Jo', 'Kai', 'Lin']);
      const tickets: JsonBody[] = [];
      for (const title of ['One', 'Two']) tickets.push(await createTicket(api, { title }));
      await offerOf(jo!.id, tickets[0]!.id);
      const kais = await offerOf(kai!.id, tickets[1]!.id);
      expectStatus(await answer(kais.id, 'accept', kai!.token), 200);
      const three = await createTicket(api, { title: 'Three' });
      await offerOf(lin!.id, three.id);
    });

    it('withdraws a pending offer when someone assigns the ticket by hand', async () => {
      const { agents: [hal, ida] } = await offerTeam(['Hal', 'Ida']);
      const ticket = await createTicket(api, { title: 'Assigned by a supervisor' });
      const offer = await offerOf(hal!.id, ticket.id);
      await patchTicket(api, ticket.id, { assignee: ida!.id });
      assert.deepEqual((await workOf(api, hal!.id)).offers, [], 'the offer no longer holds Hal\'s capacity');
      assertError(await answer(offer.id, 'accept', hal!.token), 409, 'offer_not_pending');
      clock.advance(OFFER_MS);
      await api.fireDueTimers();
      const kept = await getTicket(api, ticket.id);
      assert.deepEqual([kept.status, kept.assignee], ['assigned', ida!.id], 'the lapsed offer does not re-route a ticket that was assigned by hand');
    });
  });
}
