import type { Static } from 'typebox';
import type { MetricsReportOutput } from '../wire/metrics/metrics-schemas.js';
import { formatTable } from './evaluation-table.js';

type Presented = Static<typeof MetricsReportOutput>;
type FigureRow = Presented['totals'] & { label: string };

const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const csat = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const score = (value: number | null) => (value === null ? '—' : value.toFixed(3));

/** Seconds as a person reads a wait: 45s, 12m, 3h 05m, 2d 4h. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

const spread = (value: { median: number | null; p90: number | null }) => `${formatDuration(value.median)} / ${formatDuration(value.p90)}`;

function figuresTable(first: string, rows: readonly FigureRow[]): string {
  return formatTable(
    [first, 'created', 'resolved', 'backlog', 'first response p50/p90', 'resolution p50/p90', 'FCR', 're-routed', 'SLA met', 'breaches', 'escalated', 'routing acc.'],
    rows.map((r) => [
      r.label, String(r.created), String(r.resolved), String(r.backlog), spread(r.first_response_s), spread(r.resolution_s),
      pct(r.first_contact_resolution), pct(r.reroute_rate), pct(r.sla.attained), String(r.sla.breaches), String(r.escalation.escalated), pct(r.routing_accuracy),
    ]),
  );
}

function escalationLines(totals: Presented['totals']): string {
  const e = totals.escalation;
  return [
    `escalation: ${e.escalated} escalated, ${pct(e.rate)} of the tickets created; arrival to escalation ${spread(e.time_to_escalate_s)},`
      + ` trigger to first human reply ${spread(e.trigger_to_human_s)} (p50 / p90)`,
    `  resolution escalated ${spread(e.resolution_s_escalated)}, not escalated ${spread(e.resolution_s_not_escalated)}; resolved at the first human contact ${pct(e.resolved_first_human_contact)}`,
    totals.csat.responses === 0 ? 'csat: no ratings in the range' : `csat: ${totals.csat.average?.toFixed(2)} from ${totals.csat.responses} ratings, ${pct(totals.csat.satisfied)} rated 4 or 5`,
  ].join('\n');
}

function filterText(filter: Presented['filter']): string {
  const given = Object.entries(filter).map(([field, value]) => `${field} ${value}`);
  return given.length === 0 ? '' : `, only ${given.join(', ')}`;
}

/** The report as aligned tables: figures (all, then each group), escalation, series, agents, leaderboard, SLA targets, best performers. */
export function formatMetrics(report: Presented, workspace: string): string {
  const sections = [
    `metrics of ${workspace} from ${report.from} to ${report.to}${report.group_by ? `, by ${report.group_by}` : ''}${filterText(report.filter)}`,
    figuresTable(report.group_by ?? '', [{ label: 'all', ...report.totals }, ...report.groups]),
    escalationLines(report.totals),
    `knowledge-base deflections on the request form: ${report.deflections}`,
  ];
  if (report.series.length > 0) {
    sections.push(formatTable([report.interval ?? 'at', 'created', 'resolved', 'SLA breaches', 'backlog', 'csat'],
      report.series.map((p) => [p.at, String(p.created), String(p.resolved), String(p.sla_breaches), String(p.backlog), csat(p.csat.average)])));
  }
  if (report.agents.length > 0) {
    sections.push(formatTable(['agent', 'assigned', 'resolved', 'load now', 'capacity', 'utilization', 'handle p50/p90'],
      report.agents.map((a) => [a.name, String(a.assigned), String(a.resolved), String(a.open_load), String(a.capacity), pct(a.utilization), spread(a.handle_time_s)])));
  }
  if (report.leaderboard.length > 0) {
    sections.push(formatTable(['leaderboard', 'resolved', 'first response p50', 'resolution p50', 'FCR', 'csat', 'ratings'],
      report.leaderboard.map((r) => [r.name, String(r.resolved), formatDuration(r.first_response_s.median), formatDuration(r.resolution_s.median),
        pct(r.first_contact_resolution), csat(r.csat.average), String(r.csat.responses)])));
  }
  if (report.sla_targets.length > 0) {
    sections.push(formatTable(['SLA policy', 'target', 'held', 'met', 'attained'],
      report.sla_targets.map((r) => [r.policy_name, r.metric, String(r.held), String(r.met), pct(r.attained)])));
  }
  if (report.best_performers.length > 0) {
    sections.push(formatTable(['category', 'best performer', 'resolved', 'score'],
      report.best_performers.map((b) => [b.category, b.name, String(b.resolved), score(b.score)])));
  }
  return sections.join('\n\n');
}
