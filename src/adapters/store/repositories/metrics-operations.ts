import type { Kysely } from 'kysely';
import type { OperationsState, WorkspaceCount } from '../../../domain/store/metrics-store.js';
import { DONE_STATUSES } from '../../../domain/ticket/status.js';
import type { Database } from '../schema.js';
import { toCount } from './metrics-conditions.js';

const DONE = [...DONE_STATUSES];

/** The state of the workspaces now (all of them when `workspaceIds` is null), for the Prometheus scrape. */
export async function operationsState(db: Kysely<Database>, workspaceIds: readonly string[] | null): Promise<OperationsState> {
  if (workspaceIds !== null && workspaceIds.length === 0) {
    return { queues: [], agentsAvailable: [], offersPending: [], slaBreachedOpen: [], openTickets: [] };
  }
  const ids = workspaceIds ? [...workspaceIds] : null;
  const queues = await db.selectFrom('tickets')
    .select((eb) => ['workspace_id', 'queue', eb.fn.countAll().as('waiting'), eb.fn.min('created_at').as('oldest')])
    .where('status', '=', 'queued').where('assignee_id', 'is', null)
    .$if(ids !== null, (q) => q.where('workspace_id', 'in', ids!))
    .groupBy(['workspace_id', 'queue']).execute();
  const agents = await db.selectFrom('agents').select((eb) => ['workspace_id', eb.fn.countAll().as('n')])
    .where('status', '=', 'available').where('removed_at', 'is', null)
    .$if(ids !== null, (q) => q.where('workspace_id', 'in', ids!))
    .groupBy('workspace_id').execute();
  const offers = await db.selectFrom('offers').select((eb) => ['workspace_id', eb.fn.countAll().as('n')])
    .where('status', '=', 'pending')
    .$if(ids !== null, (q) => q.where('workspace_id', 'in', ids!))
    .groupBy('workspace_id').execute();
  const breached = await db.selectFrom('events as ev').innerJoin('tickets as t', 't.id', 'ev.ticket_id')
    .select((eb) => ['t.workspace_id', eb.fn.count('ev.ticket_id').distinct().as('n')])
    .where('ev.type', '=', 'sla.breached').where('t.status', 'not in', DONE)
    .$if(ids !== null, (q) => q.where('ev.workspace_id', 'in', ids!))
    .groupBy('t.workspace_id').execute();
  const open = await db.selectFrom('tickets').select((eb) => ['workspace_id', 'status', eb.fn.countAll().as('n')])
    .where('status', 'not in', DONE)
    .$if(ids !== null, (q) => q.where('workspace_id', 'in', ids!))
    .groupBy(['workspace_id', 'status']).execute();
  const counted = (rows: { workspace_id: string; n: unknown }[]): WorkspaceCount[] =>
    rows.map((row) => ({ workspaceId: row.workspace_id, label: null, count: toCount(row.n) }));
  return {
    queues: queues.map((row) => ({ workspaceId: row.workspace_id, queue: row.queue, waiting: toCount(row.waiting), oldestCreatedAt: Number(row.oldest) })),
    agentsAvailable: counted(agents),
    offersPending: counted(offers),
    slaBreachedOpen: counted(breached),
    openTickets: open.map((row) => ({ workspaceId: row.workspace_id, label: row.status, count: toCount(row.n) })),
  };
}
