import { agentFigures, bestPerformers, type AgentFigures, type BestPerformer } from '../../domain/metrics/agent-figures.js';
import { distributionOf, type DurationBand } from '../../domain/metrics/distribution.js';
import { figuresOf, mergeTallies, type Figures } from '../../domain/metrics/figures.js';
import { leaderboardOf, type LeaderboardRow } from '../../domain/metrics/leaderboard.js';
import {
  INTERVAL_MS, INTERVAL_OFFSET_MS, metricsQuery, type MetricsQuery, type MetricsRequest,
} from '../../domain/metrics/metrics-query.js';
import { fillSeries, type SeriesPoint } from '../../domain/metrics/series.js';
import { slaAttainment, type TargetAttainment } from '../../domain/metrics/sla-attainment.js';
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
  /** Per agent holding tickets: resolved, first response, resolution, first-contact resolution, CSAT. */
  leaderboard: LeaderboardRow[];
  /** Of the resolved tickets held to an SLA, attainment per policy and target. */
  slaTargets: TargetAttainment[];
  /** First-response and resolution times of all tickets, counted per duration band. */
  distributions: { firstResponse: DurationBand[]; resolution: DurationBand[] };
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
  const series = query.interval === null ? [] : await seriesOf(ctx, query, query.interval);
  const best = bestPerformers(await tx.metrics.categoryResolutions(workspaceId, query), await tx.performance.all(workspaceId));
  const byAgent = query.groupBy === 'agent' ? tallies : await tx.metrics.tallies(workspaceId, query, 'agent');
  const all = mergeTallies(null, tallies);
  const resolution = [...all.resolutionEscalatedMs, ...all.resolutionNotEscalatedMs];
  return {
    query,
    totals: figuresOf(all),
    groups,
    series,
    agents: activity.map(agentFigures).sort((a, b) => compareKeys(a.name, b.name) || compareKeys(a.agentId, b.agentId)),
    leaderboard: leaderboardOf(byAgent, names),
    slaTargets: slaAttainment(await tx.metrics.resolvedSlaStates(workspaceId, query)),
    distributions: { firstResponse: distributionOf(all.firstResponseMs), resolution: distributionOf(resolution) },
    bestPerformers: best.map((b) => ({ ...b, name: names.get(b.agentId) ?? b.agentId })),
    deflections: await tx.metrics.deflections(workspaceId, query),
  };
}

async function seriesOf(ctx: MetricsContext, query: MetricsQuery, interval: NonNullable<MetricsQuery['interval']>): Promise<SeriesPoint[]> {
  const buckets = { bucketMs: INTERVAL_MS[interval], offsetMs: INTERVAL_OFFSET_MS[interval] };
  return fillSeries(query, buckets, await ctx.tx.metrics.series(ctx.workspaceId, query, buckets));
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
