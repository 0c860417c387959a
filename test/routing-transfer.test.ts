import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, createTicket, patchTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import type { TestApi } from './helpers/http.js';
import { addAgent, getTicket, lastExplanation, putPolicy, startRoutingApi, teamQueue, uniqueTeam } from './helpers/routing-fixtures.js';

for (const backend of BACKENDS) {
  describe(`moving waiting work to another queue by hand (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      ({ api } = await startRoutingApi(backend));
    });
    after(() => api.close());

    it('routes the ticket within the new queue, counts a re-route, and refuses a queue the policy lacks', async () => {
      const [first, second] = [uniqueTeam(), uniqueTeam()];
      await putPolicy(api, {
        queues: [teamQueue(`desk-${first}`, first), teamQueue(`desk-${second}`, second)],
        rules: [],
        default: { queue: `desk-${first}` },
      });
      const helper = await addAgent(api, second, 'Helper');
      const ticket = await createTicket(api, { title: 'Nobody on the first desk' });
      assert.deepEqual([ticket.status, ticket.queue], ['queued', `desk-${first}`]);

      const moved = await patchTicket(api, ticket.id, { queue: `desk-${second}` });
      const now = await getTicket(api, moved.id);
      assert.deepEqual([now.status, now.queue, now.assignee], ['assigned', `desk-${second}`, helper.id]);
      assert.equal((await lastExplanation(api, ticket.id)).queue, `desk-${second}`);
      const routing = await api.call('GET', `/v1/tickets/${ticket.id}/routing`);
      assert.equal(routing.body.reroutes, 1, 'a hand transfer counts as a re-route');

      const other = await createTicket(api, { title: 'Stays put' });
      assertError(await api.call('PATCH', `/v1/tickets/${other.id}`, { body: { queue: 'nowhere' } }), 422, 'invalid_reference');
      assert.equal((await getTicket(api, other.id)).queue, `desk-${first}`);
    });
  });
}
