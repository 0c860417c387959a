import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { MetricsScope } from '../../../domain/metrics/metrics-query.js';
import type { BucketCount, Buckets, SeriesCounts } from '../../../domain/metrics/series.js';
import { SATISFIED_SCORE } from '../../../domain/portal/csat.js';
import type { Database } from '../schema.js';
import { countWhen, matchesFilter, toCount } from './metrics-conditions.js';

/** When a ticket ended: the earlier of its resolution and its closing (null while it is open). */
const ENDED_AT = sql<number | null>`case when t.resolved_at is null then t.closed_at when t.closed_at is null then t.resolved_at
  when t.resolved_at < t.closed_at then t.resolved_at else t.closed_at end`;

/** Per bucket of the scope's window: tickets created, resolved and ended, SLA breaches, ratings; and the backlog at `from`. */
export async function seriesCounts(db: Kysely<Database>, workspaceId: string, scope: MetricsScope, buckets: Buckets): Promise<SeriesCounts> {
  const { from, to } = scope;
  const bucket = (column: RawBuilder<unknown>) => sql<number>`((${column} - ${sql.lit(buckets.offsetMs)}) / ${sql.lit(buckets.bucketMs)}) * ${sql.lit(buckets.bucketMs)} + ${sql.lit(buckets.offsetMs)}`;
  const tickets = () => db.selectFrom('tickets as t').where('t.workspace_id', '=', workspaceId).where(matchesFilter(scope.filter));
  const perBucket = async (column: RawBuilder<number | null>): Promise<BucketCount[]> => {
    const rows = await tickets().select((eb) => [bucket(column).as('at'), eb.fn.countAll().as('count')])
      .where(sql<boolean>`${column} >= ${from}`).where(sql<boolean>`${column} < ${to}`)
      .groupBy(bucket(column)).execute();
    return rows.map((row) => ({ at: Number(row.at), count: toCount(row.count) }));
  };
  const breaches = await db.selectFrom('events as ev').innerJoin('tickets as t', 't.id', 'ev.ticket_id')
    .select((eb) => [bucket(sql.ref('ev.at')).as('at'), eb.fn.countAll().as('count')])
    .where('ev.workspace_id', '=', workspaceId).where('ev.type', '=', 'sla.breached').where('ev.at', '>=', from).where('ev.at', '<', to)
    .where(matchesFilter(scope.filter)).groupBy(bucket(sql.ref('ev.at'))).execute();
  const ratings = await db.selectFrom('csat_ratings as r').innerJoin('tickets as t', 't.id', 'r.ticket_id')
    .select((eb) => [bucket(sql.ref('r.rated_at')).as('at'), eb.fn.countAll().as('n'), sql<number>`sum(r.score)`.as('score_sum'),
      countWhen(eb('r.score', '>=', SATISFIED_SCORE)).as('satisfied')])
    .where('r.workspace_id', '=', workspaceId).where('r.rated_at', '>=', from).where('r.rated_at', '<', to)
    .where(matchesFilter(scope.filter)).groupBy(bucket(sql.ref('r.rated_at'))).execute();
  const openAtFrom = await tickets().select((eb) => eb.fn.countAll().as('n')).where('t.created_at', '<', from)
    .where((eb) => eb.or([eb(ENDED_AT, 'is', null), eb(ENDED_AT, '>=', from)])).executeTakeFirst();
  return {
    created: await perBucket(sql<number>`t.created_at`),
    resolved: await perBucket(sql<number | null>`t.resolved_at`),
    ended: await perBucket(ENDED_AT),
    slaBreaches: breaches.map((row) => ({ at: Number(row.at), count: toCount(row.count) })),
    openAtFrom: toCount(openAtFrom?.n),
    ratings: ratings.map((row) => ({ at: Number(row.at), responses: toCount(row.n), scoreSum: toCount(row.score_sum), satisfied: toCount(row.satisfied) })),
  };
}
