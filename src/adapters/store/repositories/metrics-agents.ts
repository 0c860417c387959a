import { sql, type Kysely } from 'kysely';
import type { AgentActivity, CategoryResolutions } from '../../../domain/metrics/agent-figures.js';
import type { MetricsScope } from '../../../domain/metrics/metrics-query.js';
import { ACTIVE_STATUSES } from '../../../domain/routing/capacity.js';
import { HELD_STATUSES } from '../../../domain/ticket/status.js';
import { readJson } from '../codec.js';
import type { DialectTraits } from '../dialect-traits.js';
import type { Database } from '../schema.js';
import { matchesFilter, toCount } from './metrics-conditions.js';

/** The events that can hand a ticket to someone; their `after.assigneeId` names who got it. */
const ASSIGNING_EVENTS = ['ticket.created', 'ticket.routed', 'offer.accepted', 'ticket.dispatched', 'ticket.updated'];

/**
 * Every agent not removed before the window (only the filter's agent, when it names one): what they
 * were given and resolved in it, what they hold now, counting only the tickets the filter keeps.
 */
export async function agentActivity(db: Kysely<Database>, traits: DialectTraits, workspaceId: string, window: MetricsScope): Promise<AgentActivity[]> {
  const agents = await db.selectFrom('agents').select(['id', 'name', 'capacity'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('removed_at', 'is', null), eb('removed_at', '>=', window.from)]))
    .$if(window.filter.agent !== undefined, (q) => q.where('id', '=', window.filter.agent!))
    .execute();
  const assigned = await assignments(db, traits, workspaceId, window);
  const handled = await handleTimes(db, traits, workspaceId, window);
  const load = await heldNow(db, workspaceId, window);
  return agents.map((agent) => {
    const capacity = Object.values(readJson<Record<string, number>>(agent.capacity)).reduce((sum, units) => sum + units, 0);
    const handle = handled.get(agent.id) ?? { resolved: 0, ms: [] };
    const held = load.get(agent.id) ?? { units: 0, tickets: 0 };
    return {
      agentId: agent.id, name: agent.name, assigned: assigned.get(agent.id) ?? 0, resolved: handle.resolved,
      openLoad: held.units, openTickets: held.tickets, capacity, handleMs: handle.ms.sort((a, b) => a - b),
    };
  });
}

async function assignments(db: Kysely<Database>, traits: DialectTraits, workspaceId: string, window: MetricsScope): Promise<Map<string, number>> {
  const assignee = traits.jsonText('ev.after', 'assigneeId');
  const rows = await db.selectFrom('events as ev').innerJoin('tickets as t', 't.id', 'ev.ticket_id')
    .select((eb) => [assignee.as('agent_id'), eb.fn.countAll().as('n')])
    .where('ev.workspace_id', '=', workspaceId).where('ev.type', 'in', ASSIGNING_EVENTS)
    .where('ev.at', '>=', window.from).where('ev.at', '<', window.to)
    .where(assignee, 'is not', null).where(matchesFilter(window.filter))
    .groupBy(assignee).execute();
  return new Map(rows.map((row) => [row.agent_id!, toCount(row.n)]));
}

/** Per agent, tickets resolved in the window while they held them, and for each the time since it was given to them. */
async function handleTimes(db: Kysely<Database>, traits: DialectTraits, workspaceId: string, window: MetricsScope): Promise<Map<string, { resolved: number; ms: number[] }>> {
  const rows = await db.selectFrom('tickets as t')
    .select((eb) => {
      const givenAt = eb.selectFrom('events as ev').select((e) => e.fn.max('ev.at').as('at'))
        .whereRef('ev.ticket_id', '=', 't.id').whereRef('ev.at', '<=', 't.resolved_at')
        .where((e) => e(traits.jsonText('ev.after', 'assigneeId'), '=', e.ref('t.assignee_id')));
      return ['t.assignee_id', sql<number | null>`t.resolved_at - (${givenAt})`.as('ms')];
    })
    .where('t.workspace_id', '=', workspaceId).where('t.resolved_at', '>=', window.from).where('t.resolved_at', '<', window.to)
    .where('t.assignee_id', 'is not', null).where(matchesFilter(window.filter))
    .execute();
  const byAgent = new Map<string, { resolved: number; ms: number[] }>();
  for (const row of rows) {
    const entry = byAgent.get(row.assignee_id!) ?? byAgent.set(row.assignee_id!, { resolved: 0, ms: [] }).get(row.assignee_id!)!;
    entry.resolved++;
    if (row.ms !== null) entry.ms.push(Number(row.ms));
  }
  return byAgent;
}

async function heldNow(db: Kysely<Database>, workspaceId: string, scope: MetricsScope): Promise<Map<string, { units: number; tickets: number }>> {
  const rows = await db.selectFrom('tickets as t')
    .select((eb) => [
      't.assignee_id',
      sql<number>`sum(case when ${eb('t.status', 'in', [...ACTIVE_STATUSES])} then t.load_units else 0 end)`.as('units'),
      eb.fn.countAll().as('tickets'),
    ])
    .where('t.workspace_id', '=', workspaceId).where('t.assignee_id', 'is not', null).where('t.status', 'in', [...HELD_STATUSES])
    .where(matchesFilter(scope.filter)).groupBy('t.assignee_id').execute();
  return new Map(rows.map((row) => [row.assignee_id!, { units: toCount(row.units), tickets: toCount(row.tickets) }]));
}

/** Tickets resolved in the window per category (`fields.category`, else the type) and the agent who held them. */
export async function categoryResolutions(db: Kysely<Database>, traits: DialectTraits, workspaceId: string, window: MetricsScope): Promise<CategoryResolutions[]> {
  const category = sql<string>`coalesce(${traits.jsonText('t.fields', 'category')}, t.type)`;
  const rows = await db.selectFrom('tickets as t')
    .select((eb) => [category.as('category'), 't.assignee_id', eb.fn.countAll().as('n')])
    .where('t.workspace_id', '=', workspaceId).where('t.resolved_at', '>=', window.from).where('t.resolved_at', '<', window.to)
    .where('t.assignee_id', 'is not', null).where(matchesFilter(window.filter))
    .groupBy([category, 't.assignee_id']).execute();
  return rows.map((row) => ({ category: row.category, agentId: row.assignee_id!, resolved: toCount(row.n) }));
}
