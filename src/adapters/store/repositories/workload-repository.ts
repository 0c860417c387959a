import { sql, type Kysely } from 'kysely';
import { ACTIVE_STATUSES, CAPACITY_CLASSES, channelsOfClass, type CapacityClass } from '../../../domain/routing/capacity.js';
import type { RoutingTicketQueries } from '../../../domain/store/routing-store.js';
import type { Channel, Ticket } from '../../../domain/ticket/ticket.js';
import type { Database } from '../schema.js';
import { hydrateTickets } from './ticket-repository.js';

/** What routing reads about who holds what and what is waiting. */
export class KyselyWorkloadRepository implements RoutingTicketQueries {
  constructor(private readonly db: Kysely<Database>) {}

  async unitsTaken(workspaceId: string, agentId: string, capacityClass: CapacityClass): Promise<number> {
    const held = this.db.selectFrom('tickets').select(sql<number>`coalesce(sum(load_units), 0)`.as('units'))
      .where('workspace_id', '=', workspaceId).where('assignee_id', '=', agentId)
      .where('status', 'in', [...ACTIVE_STATUSES]).where('channel', 'in', channelsOfClass(capacityClass));
    const offered = this.db.selectFrom('offers').select(sql<number>`coalesce(sum(load_units), 0)`.as('units'))
      .where('workspace_id', '=', workspaceId).where('agent_id', '=', agentId).where('status', '=', 'pending').where('capacity_class', '=', capacityClass);
    // One statement: capacity is checked on every assignment.
    const row = await this.db.selectNoFrom((eb) => eb(held, '+', offered).as('units')).executeTakeFirst();
    return Number(row?.units ?? 0);
  }

  async allHeldUnits(workspaceId: string, agentIds?: readonly string[]): Promise<{ agentId: string; capacityClass: CapacityClass; units: number }[]> {
    if (agentIds?.length === 0) return [];
    let heldQuery = this.db
      .selectFrom('tickets')
      .select(['assignee_id', 'channel', sql<number>`sum(load_units)`.as('units')])
      .where('workspace_id', '=', workspaceId)
      .where('assignee_id', 'is not', null)
      .where('status', 'in', [...ACTIVE_STATUSES]);
    let offeredQuery = this.db
      .selectFrom('offers')
      .select(['agent_id', 'capacity_class', sql<number>`sum(load_units)`.as('units')])
      .where('workspace_id', '=', workspaceId)
      .where('status', '=', 'pending');
    if (agentIds) {
      heldQuery = heldQuery.where('assignee_id', 'in', [...agentIds]);
      offeredQuery = offeredQuery.where('agent_id', 'in', [...agentIds]);
    }
    const held = await heldQuery.groupBy(['assignee_id', 'channel']).execute();
    const offered = await offeredQuery.groupBy(['agent_id', 'capacity_class']).execute();
    const totals = new Map<string, number>();
    const add = (agentId: string, capacityClass: string, units: number) => {
      const key = `${agentId}\u0000${capacityClass}`;
      totals.set(key, (totals.get(key) ?? 0) + Number(units));
    };
    for (const row of held) {
      const capacityClass = CAPACITY_CLASSES.find((c) => channelsOfClass(c).includes(row.channel as never))!;
      add(row.assignee_id!, capacityClass, row.units);
    }
    for (const row of offered) add(row.agent_id, row.capacity_class, row.units);
    return [...totals].map(([key, units]) => {
      const [agentId, capacityClass] = key.split('\u0000') as [string, CapacityClass];
      return { agentId, capacityClass, units };
    });
  }

  async waiting(workspaceId: string, queues: readonly string[], limit: number, channels?: readonly Channel[]): Promise<Ticket[]> {
    if (queues.length === 0 || channels?.length === 0) return [];
    let query = this.db
      .selectFrom('tickets')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('queue', 'in', [...queues])
      .where('queue_rank', 'is not', null)
      .where('status', '=', 'queued')
      .where('assignee_id', 'is', null);
    if (channels) query = query.where('channel', 'in', [...channels]);
    const rows = await query.orderBy('queue_rank').orderBy('id').limit(limit).execute();
    return hydrateTickets(this.db, rows);
  }

  async assignedNotStarted(workspaceId: string, agentId: string): Promise<Ticket[]> {
    const rows = await this.db
      .selectFrom('tickets')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('assignee_id', '=', agentId)
      .where('status', '=', 'assigned')
      .orderBy('id')
      .execute();
    return hydrateTickets(this.db, rows);
  }
}
