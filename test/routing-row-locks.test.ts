import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { createTicket, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS, POSTGRES_URL } from './helpers/backends.js';
import type { JsonBody, TestApi } from './helpers/http.js';
import { addAgent, putPolicy, startRoutingApi, teamQueue, uniqueTeam, workOf } from './helpers/routing-fixtures.js';

const postgres = BACKENDS.find((backend) => backend.name === 'postgres');

/**
 * Another node's transaction that holds an agent's row (changing their presence, say) until told
 * to end, and a watch on whether any other session waits for it.
 */
async function holdAgentRow(api: TestApi, agentId: string) {
  const location = api.db.location;
  assert.equal(location.kind, 'postgres');
  const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${location.schema}` });
  await client.connect();
  await client.query('begin');
  await client.query('select id from agents where id = $1 for update', [agentId]);
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const watcher = new pg.Client({ connectionString: POSTGRES_URL });
  await watcher.connect();
  const waitedOn = async () => {
    const { rows } = await watcher.query<{ n: string }>('select count(*) as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [pid]);
    return Number(rows[0]!.n) > 0;
  };
  return {
    /** True when a session waited for the held row before `work` settled. */
    async waitedOnBefore(work: Promise<unknown>): Promise<boolean> {
      const settled = work.then(() => true, () => true);
      while (!(await Promise.race([settled, delay(20).then(() => false)]))) {
        if (await waitedOn()) return true;
      }
      return false;
    },
    async end(): Promise<void> {
      await client.query('rollback');
      await Promise.all([client.end(), watcher.end()]);
    },
  };
}

describe('routing beside row locks of other nodes (postgres)', { skip: postgres ? false : 'PostgreSQL is not available' }, () => {
  let api: TestApi;
  before(async () => {
    ({ api } = await startRoutingApi(postgres!));
  });
  after(() => api.close());

  it('passes over an agent whose row another transaction holds, rather than wait while holding the ticket', async () => {
    const team = uniqueTeam();
    const agents = [await addAgent(api, team, 'Ann'), await addAgent(api, team, 'Bob')];
    const queue = `offers-${team}`;
    await putPolicy(api, { queues: [teamQueue(queue, team, { strategy: 'round_robin', mode: 'offer', offer_timeout: '45s' })], rules: [], default: { queue } });
    const ticket = await createTicket(api, { title: 'Declined beside a held row', channel: 'email' });
    const offers = await Promise.all(agents.map(async (agent) => (await workOf(api, agent.id)).offers as JsonBody[]));
    const other = agents[offers.findIndex((list) => list.length === 0)]!;
    const offer = offers.flat()[0]!;

    const held = await holdAgentRow(api, other.id);
    // Declining holds the offer and the ticket while the ticket is routed on to the other agent:
    // waiting there for their row is how two transactions come to wait on each other.
    const declining = api.call('POST', `/v1/offers/${offer.id}/decline`);
    try {
      assert.equal(await held.waitedOnBefore(declining), false, 'the decline waited for the row another transaction holds');
    } finally {
      await held.end();
    }
    const declined = expectStatus(await declining, 200);
    assert.deepEqual([declined.status, declined.assignee], ['queued', null]);
    assert.deepEqual((await workOf(api, other.id)).offers, []);
    // Once the other transaction has ended, the routing sweep offers the waiting ticket to the agent passed over.
    await api.runRoutingSweep();
    assert.deepEqual((await workOf(api, other.id)).offers.map((o: JsonBody) => o.ticket_id), [ticket.id]);
  });
});
