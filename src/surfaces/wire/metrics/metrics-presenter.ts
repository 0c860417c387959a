import type { Static } from 'typebox';
import type { MetricsReport } from '../../../commands/metrics/metrics-report.js';
import type { AgentFigures, BestPerformer } from '../../../domain/metrics/agent-figures.js';
import type { Figures } from '../../../domain/metrics/figures.js';
import type { Spread } from '../../../domain/metrics/percentiles.js';
import type { DurationBand } from '../../../domain/metrics/distribution.js';
import type { LeaderboardRow } from '../../../domain/metrics/leaderboard.js';
import type { SeriesPoint } from '../../../domain/metrics/series.js';
import type { TargetAttainment } from '../../../domain/metrics/sla-attainment.js';
import type {
  AgentOutputRow, DurationBandOutput, FiguresOutput, LeaderboardRowOutput, MetricsReportOutput, PerformerOutput, SeriesOutput, SlaTargetOutput,
} from './metrics-schemas.js';
import { iso } from '../time.js';

/** Milliseconds as seconds, kept to the millisecond. */
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms) / 1000);
const spread = (value: Spread) => ({ median: seconds(value.median), p90: seconds(value.p90) });

/** One group's figures on the wire: times in seconds, ratios 0..1, null when nothing was measured. */
export function presentFigures(f: Figures): Static<typeof FiguresOutput> {
  return {
    created: f.created,
    resolved: f.resolved,
    backlog: f.backlog,
    first_response_s: spread(f.firstResponse),
    resolution_s: spread(f.resolution),
    first_contact_resolution: f.firstContactResolution,
    reroute_rate: f.rerouteRate,
    sla: { attained: f.sla.attained, breaches: f.sla.breaches },
    escalation: {
      escalated: f.escalation.escalated,
      rate: f.escalation.rate,
      time_to_escalate_s: spread(f.escalation.timeToEscalate),
      trigger_to_human_s: spread(f.escalation.triggerToHuman),
      resolution_s_escalated: spread(f.escalation.resolutionEscalated),
      resolution_s_not_escalated: spread(f.escalation.resolutionNotEscalated),
      resolved_first_human_contact: f.escalation.resolvedFirstHumanContact,
    },
    csat: { average: f.csat.average, responses: f.csat.responses, satisfied: f.csat.satisfied },
    routing_accuracy: f.routingAccuracy,
  };
}

export function presentSeriesPoint(point: SeriesPoint): Static<typeof SeriesOutput> {
  return {
    at: iso(point.at), created: point.created, resolved: point.resolved, sla_breaches: point.slaBreaches, backlog: point.backlog,
    csat: { ...point.csat },
  };
}

export function presentLeaderboardRow(row: LeaderboardRow): Static<typeof LeaderboardRowOutput> {
  return {
    agent_id: row.agentId, name: row.name, resolved: row.resolved, first_response_s: spread(row.firstResponse),
    resolution_s: spread(row.resolution), first_contact_resolution: row.firstContactResolution, csat: { ...row.csat },
  };
}

export function presentSlaTarget(row: TargetAttainment): Static<typeof SlaTargetOutput> {
  return { policy_id: row.policyId, policy_name: row.policyName, metric: row.metric, held: row.held, met: row.met, attained: row.attained };
}

export function presentDurationBand(band: DurationBand): Static<typeof DurationBandOutput> {
  return { from_s: seconds(band.fromMs)!, to_s: seconds(band.toMs), count: band.count };
}

export function presentAgentFigures(agent: AgentFigures): Static<typeof AgentOutputRow> {
  return {
    agent_id: agent.agentId, name: agent.name, assigned: agent.assigned, resolved: agent.resolved, open_load: agent.openLoad,
    open_tickets: agent.openTickets, capacity: agent.capacity, utilization: agent.utilization, handle_time_s: spread(agent.handleTime),
  };
}

export function presentPerformer(best: BestPerformer & { name: string }): Static<typeof PerformerOutput> {
  return { category: best.category, agent_id: best.agentId, name: best.name, resolved: best.resolved, score: best.score };
}

/** The report as `GET /v1/metrics` returns it (the shape the dashboard's charts are built on). */
export function presentMetricsReport(report: MetricsReport): Static<typeof MetricsReportOutput> {
  const { query } = report;
  return {
    from: iso(query.from),
    to: iso(query.to),
    group_by: query.groupBy,
    interval: query.interval,
    filter: { ...query.filter },
    totals: presentFigures(report.totals),
    groups: report.groups.map((group) => ({ key: group.key, label: group.label, ...presentFigures(group.figures) })),
    series: report.series.map(presentSeriesPoint),
    agents: report.agents.map(presentAgentFigures),
    leaderboard: report.leaderboard.map(presentLeaderboardRow),
    sla_targets: report.slaTargets.map(presentSlaTarget),
    distributions: {
      first_response: report.distributions.firstResponse.map(presentDurationBand),
      resolution: report.distributions.resolution.map(presentDurationBand),
    },
    best_performers: report.bestPerformers.map(presentPerformer),
    deflections: report.deflections,
  };
}
