import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { WorkspaceCount } from '../../../domain/store/metrics-store.js';
import type { MetricsFilter, MetricsGroupBy, MetricsWindow } from '../../../domain/metrics/metrics-query.js';
import type { DialectTraits } from '../dialect-traits.js';
import type { Database, TicketTable } from '../schema.js';

/** The expression builder of a query over `tickets as t`. */
export type TicketScope = ExpressionBuilder<Database & { t: TicketTable }, 't'>;

/** The column of `tickets as t` each grouping and filter field reads. */
export const GROUP_COLUMN = {
  queue: 't.queue', agent: 't.assignee_id', type: 't.type', channel: 't.channel', priority: 't.priority',
} as const satisfies Record<MetricsGroupBy, string>;

/** Tickets (`t`) whose current fields have the filter's values; every ticket (`1 = 1`) without a filter. */
export function matchesFilter(filter: MetricsFilter): RawBuilder<SqlBool> {
  const terms = (Object.entries(filter) as [MetricsGroupBy, string | undefined][])
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => sql<SqlBool>`${sql.ref(GROUP_COLUMN[field])} = ${value}`);
  return terms.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(terms, sql` and `)}`;
}

/** `sum(case when … then 1 else 0 end)`: how many rows of the group meet the condition. */
export function countWhen(condition: Expression<SqlBool>): RawBuilder<number> {
  return sql<number>`sum(case when ${condition} then 1 else 0 end)`;
}

/** 1 when the condition holds, else 0 (SQLite and PostgreSQL give booleans back differently). */
export function flag(condition: Expression<SqlBool>): RawBuilder<number> {
  return sql<number>`case when ${condition} then 1 else 0 end`;
}

/** Reads a count or sum the database may give as a string, a bigint or NULL (an empty sum). */
export const toCount = (value: unknown): number => Number(value ?? 0);

/** Rows of an outbox still `pending` (due or waiting for a retry) per workspace; all workspaces when `workspaceIds` is null. */
export async function pendingPerWorkspace(
  db: Kysely<Database>, table: 'webhook_deliveries' | 'email_messages', workspaceIds: readonly string[] | null,
): Promise<WorkspaceCount[]> {
  if (workspaceIds !== null && workspaceIds.length === 0) return [];
  const rows = await db.selectFrom(table).select((eb) => ['workspace_id', eb.fn.countAll().as('n')])
    .where('status', '=', 'pending')
    .$if(workspaceIds !== null, (q) => q.where('workspace_id', 'in', [...workspaceIds!]))
    .groupBy('workspace_id').execute();
  return rows.map((row) => ({ workspaceId: row.workspace_id, label: null, count: toCount(row.n) }));
}

/**
 * The conditions the metrics are made of, over one ticket row `t` (see docs/metrics.md). Each is
 * an expression both backends compile the same way; JSON keys are read through the dialect traits.
 */
export function ticketFacts(eb: TicketScope, window: MetricsWindow, traits: DialectTraits) {
  const { from, to } = window;
  const upEscalations = () => eb.selectFrom('escalations as e')
    .whereRef('e.workspace_id', '=', 't.workspace_id').whereRef('e.ticket_id', '=', 't.id').whereRef('e.to_level', '>', 'e.from_level');
  const predictedLabel = traits.jsonText('t.ai', 'label');
  const agentReplies = eb.selectFrom('comments as c').select((c) => c.fn.countAll().as('n'))
    .whereRef('c.workspace_id', '=', 't.workspace_id').whereRef('c.ticket_id', '=', 't.id')
    .where('c.visibility', '=', 'public').where('c.author_kind', '=', 'agent');
  // A reopen is a change whose `before` was resolved and whose `after` is an open status.
  const reopens = eb.selectFrom('events as ev').select(sql.lit(1).as('one'))
    .whereRef('ev.workspace_id', '=', 't.workspace_id').whereRef('ev.ticket_id', '=', 't.id').where('ev.type', '=', 'ticket.updated')
    .where(traits.jsonText('ev.before', 'status'), '=', 'resolved').where(traits.jsonText('ev.after', 'status'), 'is not', null)
    .where(traits.jsonText('ev.after', 'status'), '<>', 'closed');
  return {
    createdIn: eb.and([eb('t.created_at', '>=', from), eb('t.created_at', '<', to)]),
    resolvedIn: eb.and([eb('t.resolved_at', '>=', from), eb('t.resolved_at', '<', to)]),
    /** Created before the end and neither resolved nor closed before it. */
    openAtEnd: eb.and([
      eb('t.created_at', '<', to),
      eb.or([eb('t.resolved_at', 'is', null), eb('t.resolved_at', '>=', to)]),
      eb.or([eb('t.closed_at', 'is', null), eb('t.closed_at', '>=', to)]),
    ]),
    escalated: eb.exists(upEscalations().select(sql.lit(1).as('one'))),
    escalatedOnce: eb(upEscalations().select((e) => e.fn.countAll().as('n')), '=', 1),
    breached: eb.exists(eb.selectFrom('events as ev').select(sql.lit(1).as('one'))
      .whereRef('ev.ticket_id', '=', 't.id').where('ev.type', '=', 'sla.breached')),
    notRerouted: eb('t.reroutes', '=', 0),
    /** Answered by exactly one public agent reply. */
    oneAgentReply: eb(agentReplies, '=', 1),
    neverReopened: eb.not(eb.exists(reopens)),
    predicted: eb.and([eb(predictedLabel, 'is not', null), eb('t.queue', 'is not', null)]),
    predictedRight: eb(predictedLabel, '=', eb.ref('t.queue')),
  };
}
