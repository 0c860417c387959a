import { agentFigures, bestPerformers, type AgentFigures, type BestPerformer } from '../../domain/metrics/agent-figures.js';
import { figuresOf, mergeTallies, type Figures } from '../../domain/metrics/figures.js';
import { INTERVAL_MS, metricsQuery, type MetricsQuery, type MetricsRequest } from '../../domain/metrics/metrics-query.js';
import { fillSeries, type SeriesPoint } from '../../domain/metrics/series.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { StoreTx } from '../../domain/store/store.js';

/** What a metrics report reads with: the workspace, its store and the time. */
export interface MetricsContext {
  tx: StoreTx;
  workspaceId: string;
  clock: Clock;
}

export interface MetricsGroup {
  /** The group's value; null for tickets without one (no queue, unassigned). */
  key: string | null;
  /** The value as a person reads it: the agent's name for agents, `(none)` for no value. */
  label: string;
  figures: Figures;
}

/** "How are we doing?" over a window: the figures of docs/metrics.md, overall, per group, over time and per agent. */
export interface MetricsReport {
  query: MetricsQuery;
  totals: Figures;
  groups: MetricsGroup[];
  series: SeriesPoint[];
  agents: AgentFigures[];
  bestPerformers: (BestPerformer & { name: string })[];
  /** Knowledge-base articles that answered a requester on the public form in the window. */
  deflections: number;
}

/** Builds the report: checks the window, reads the aggregates from the store and derives the figures. */
export async function metricsReportQuery(ctx: MetricsContext, request: MetricsRequest): Promise<MetricsReport> {
  const query = metricsQuery(request, ctx.clock.now());
  const { tx, workspaceId } = ctx;
  const tallies = await tx.metrics.tallies(workspaceId, query, query.groupBy);
  const activity = await tx.metrics.agentActivity(workspaceId, query);
  const names = new Map(activity.map((agent) => [agent.agentId, agent.name]));
  const groups = query.groupBy === null ? [] : tallies
    .map((tally) => ({ key: tally.key, label: labelOf(tally.key, query.groupBy === 'agent' ? names : null), figures: figuresOf(tally) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const series = query.interval === null ? [] : fillSeries(query, INTERVAL_MS[query.interval], await tx.metrics.series(workspaceId, query, INTERVAL_MS[query.interval]));
  const best = bestPerformers(await tx.metrics.categoryResolutions(workspaceId, query), await tx.performance.all(workspaceId));
  return {
    query,
    totals: figuresOf(mergeTallies(null, tallies)),
    groups,
    series,
    agents: activity.map(agentFigures).sort((a, b) => compareKeys(a.name, b.name) || compareKeys(a.agentId, b.agentId)),
    bestPerformers: best.map((b) => ({ ...b, name: names.get(b.agentId) ?? b.agentId })),
    deflections: await tx.metrics.deflections(workspaceId, query),
  };
}

function labelOf(key: string | null, names: ReadonlyMap<string, string> | null): string {
  if (key === null) return '(none)';
  return names?.get(key) ?? key;
}

/** Orders keys by code unit, no value last: the same order whatever the database's collation. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
