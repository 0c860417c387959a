import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { BACKENDS, POSTGRES_URL, type TestDatabase } from './helpers/backends.js';
import { stallsIn, type HistoryRow } from './helpers/liveness.js';
import { startServer, type ServerProcess } from './helpers/server-process.js';

const ADMIN = `sb_nodes_${randomBytes(12).toString('hex')}`;
const NODES = 3;
const AGENTS = 6;
const CAPACITY = 2;
const CLIENTS = 12;
/** Each client's operations: a fixed count, not a time, so a slow machine runs the same test. */
const OPERATIONS = 30;
/**
 * How long a ticket may wait beside an agent with room before it counts as a stall: a release on
 * one node is pulled for at once, or by the routing sweep that runs every 2 s on every node.
 */
const LIVENESS_GRACE_MS = 8_000;
/** Offers lapse quickly, so their time-outs fire (on whichever node claims them) during the run. */
const OFFER_TIMEOUT_MS = 2_000;
const OFFER_TIMEOUT = `${OFFER_TIMEOUT_MS / 1000}s`;
/** How long a due timer may wait for a node's worker before it counts as never fired. */
const UNFIRED_AFTER_MS = 1_500;

interface Reply {
  status: number;
  body: { id?: string; status?: string; data?: Array<{ id: string }>; offers?: Array<{ id: string }> };
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<Reply> {
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    return { status: response.status, body: (await response.json()) as Reply['body'] };
  } catch (error) {
    // Say which request went unanswered, not only that one did.
    throw new Error(`${method} ${path} on ${base}: ${(error as Error).message}`, { cause: error });
  }
}

/** Each agent's capacity units held right now (held async work plus open offers), in one snapshot. */
async function heldByAgent(client: pg.Client): Promise<Map<string, number>> {
  const { rows } = await client.query<{ agent: string; units: string }>(`
    select agent, sum(units) as units from (
      select assignee_id as agent, load_units as units from tickets
       where assignee_id is not null and status in ('assigned', 'in_progress') and channel in ('email', 'form', 'api', 'internal')
      union all
      select agent_id, load_units from offers where status = 'pending' and capacity_class = 'email'
    ) held group by agent`);
  return new Map(rows.map((row) => [row.agent, Number(row.units)]));
}

/** One client's operation number `n`, on a node it rotates through: create, answer an offer, resolve, or flip presence. */
async function operate(nodes: ServerProcess[], agentIds: string[], c: number, n: number, acknowledged: string[], statuses: number[]): Promise<void> {
  const node = nodes[(c + n) % nodes.length]!.base;
  const roll = (c * 7 + n * 13) % 20;
  const agent = agentIds[(c + n) % agentIds.length]!;
  if (roll < 8) {
    const created = await call(node, 'POST', '/v1/tickets', { title: `Load ${c}-${n}`, channel: 'email', tags: roll % 2 === 0 ? ['offer'] : [] });
    statuses.push(created.status);
    if (created.status === 201) acknowledged.push(created.body.id!);
  } else if (roll < 12) {
    const offer = (await call(node, 'GET', `/v1/agents/${agent}/work`)).body.offers?.[0];
    // Answering an offer that lapsed or was answered meanwhile is a 409: a race the nodes must settle.
    // The last agent never answers, so their offers lapse and the time-outs fire however fast the run.
    if (offer && agent !== agentIds.at(-1)) statuses.push((await call(node, 'POST', `/v1/offers/${offer.id}/${roll < 11 ? 'accept' : 'decline'}`, {})).status);
  } else if (roll < 16) {
    const ticket = (await call(node, 'GET', '/v1/tickets?status=assigned&limit=5')).body.data?.[n % 5];
    if (ticket) statuses.push((await call(node, 'PATCH', `/v1/tickets/${ticket.id}`, { status: 'resolved' })).status);
  } else {
    statuses.push((await call(node, 'PATCH', `/v1/agents/${agent}`, { status: roll === 16 ? 'away' : 'available' })).status);
  }
}

const postgres = BACKENDS.find((backend) => backend.name === 'postgres');

describe('three server processes on one PostgreSQL database', { skip: postgres ? false : 'PostgreSQL is not available' }, () => {
  let db: TestDatabase;
  let client: pg.Client;
  let nodes: ServerProcess[] = [];
  const agentIds: string[] = [];

  before(async () => {
    db = await postgres!.open();
    const schema = db.location.kind === 'postgres' ? db.location.schema : undefined;
    client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` });
    await client.connect();
    nodes = await Promise.all(Array.from({ length: NODES }, () => startServer(db.cliArgs, ADMIN)));
    const [a] = nodes;
    assert.equal((await call(a!.base, 'PUT', '/v1/routing/policy', {
      queues: [
        { id: 'all', agents: 'true', strategy: 'least_busy' },
        { id: 'offers', agents: 'true', strategy: 'round_robin', mode: 'offer', offer_timeout: OFFER_TIMEOUT },
      ],
      rules: [{ name: 'offered', when: "'offer' in ticket.tags", targets: [{ queue: 'offers' }] }],
      default: { queue: 'all' },
    })).status, 200);
    for (let i = 0; i < AGENTS; i++) {
      const created = await call(a!.base, 'POST', '/v1/agents', { name: `Agent ${i}`, capacity: { email: CAPACITY, chat: 1, phone: 1 }, status: 'available' });
      assert.equal(created.status, 201);
      agentIds.push(created.body.id!);
    }
  });

  after(async () => {
    await Promise.all(nodes.map((node) => node.stop('SIGTERM')));
    await client.end();
    await db.cleanup();
  });

  it('keeps capacity, single holders, acknowledged tickets and once-only timers under concurrent clients on every node', async () => {
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    let maxHeld = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        for (const units of (await heldByAgent(client)).values()) maxHeld = Math.max(maxHeld, units);
        await delay(25);
      }
    })();
    // Offer time-outs that fell due and no node's worker has fired yet.
    const unfired = () => client.query<{ n: string }>(`select count(*) as n from timers where fired_at is null and due_at <= $1`, [Date.now() - UNFIRED_AFTER_MS]);
    try {
      await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
        for (let n = 0; n < OPERATIONS; n++) await operate(nodes, agentIds, c, n, acknowledged, statuses);
      }));
      // Let every offer made during the load fall due, however fast the load ran, and every
      // time-out that fell due be fired by one of the nodes' workers.
      const allDue = Date.now() + OFFER_TIMEOUT_MS + UNFIRED_AFTER_MS;
      for (let tries = 0; (Date.now() < allDue || Number((await unfired()).rows[0]!.n) > 0) && tries < 600; tries++) await delay(100);
    } finally {
      sampling = false;
      await sampler;
    }

    const output = () => nodes.map((node) => node.output()).join('\n').slice(0, 3000);
    assert.ok(statuses.every((status) => status < 500), `server errors: ${statuses.filter((s) => s >= 500).join(', ')}\n${output()}`);
    assert.ok(statuses.filter((s) => s === 201).length > 40, 'the load created tickets');
    assert.ok(maxHeld <= CAPACITY, `an agent held ${maxHeld} units with capacity ${CAPACITY}`);
    assert.ok(maxHeld > 0, 'agents were given work');

    const { rows } = await client.query<{ id: string }>('select id from tickets');
    const stored = new Set(rows.map((row) => row.id));
    assert.deepEqual(acknowledged.filter((id) => !stored.has(id)), [], 'every acknowledged ticket exists');

    // Replaying each ticket's history in order, an assignment never lands on a ticket someone else holds.
    const history = await client.query<{ ticket_id: string; type: string; after: { assigneeId?: string | null } | null }>(
      'select ticket_id, type, after from events where ticket_id is not null order by ticket_id, id');
    const holder = new Map<string, string | null>();
    for (const event of history.rows) {
      const next = event.after?.assigneeId;
      if (next === undefined) continue;
      const held = holder.get(event.ticket_id) ?? null;
      assert.ok(next === null || held === null || held === next, `${event.ticket_id}: ${event.type} gave it to ${next} while ${held} held it`);
      holder.set(event.ticket_id, next);
    }

    // Every timer that fell due fired, once: each offer ended at most once, and some ended by their time-out.
    assert.equal(Number((await unfired()).rows[0]!.n), 0, `timers left unfired\n${output()}`);
    const endings = await client.query<{ offer: string; n: string }>(`
      select data->>'offer_id' as offer, count(*) as n from events
       where type in ('offer.accepted', 'offer.declined', 'offer.expired', 'offer.cancelled') group by 1 having count(*) > 1`);
    assert.deepEqual(endings.rows, [], 'an offer ended twice');
    const expired = await client.query<{ n: string }>(`select count(*) as n from events where type = 'offer.expired'`);
    assert.ok(Number(expired.rows[0]!.n) > 0, 'some offers lapsed, so their timers fired');

    // Liveness, from the recorded history: no ticket waited long beside an agent with room who could take it.
    await delay(LIVENESS_GRACE_MS);
    const replay = await client.query<HistoryRow>('select entity_kind, entity_id, type, at, after, data from events order by id');
    const stalls = stallsIn(replay.rows, CAPACITY, LIVENESS_GRACE_MS, Date.now());
    assert.deepEqual(stalls, [], `tickets waited beside agents with room\n${output()}`);
  });
});
