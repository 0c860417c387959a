import type { Estimates } from '../../domain/simulator/replications.js';
import type { AnalyticFigures, PolicyFigures, QueueFigures, SimulationResult } from '../../domain/simulator/simulation-result.js';

type Row = [label: string, figure: (p: PolicyFigures) => number | null, analytic: (a: AnalyticFigures) => number | null, format: (x: number) => string];

const count = (x: number) => x.toLocaleString('en');
const secs = (x: number) => `${x.toFixed(2)} s`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const none = () => null;
const show = (x: number | null, format: (x: number) => string) => (x === null || !Number.isFinite(x) ? '—' : format(x));

/** The result as a table: one row per figure, one column per policy, and the analytic model's column when it applies. */
export function simulationTable(result: SimulationResult): string {
  const rows: Row[] = [
    ['offered', (p) => p.offered, none, count],
    ['answered', (p) => p.answered, none, count],
    ['abandoned', (p) => p.abandoned, none, count],
    ['average speed of answer', (p) => p.asa_s, (a) => a.asa_s, secs],
    ['P(wait)', (p) => p.p_wait, (a) => a.p_wait, pct],
    [`service level (≤ ${result.service_level_s} s)`, (p) => p.service_level, (a) => a.service_level, pct],
    ['abandonment', (p) => p.abandonment, (a) => a.abandonment, pct],
    ['abandonment among queued', (p) => p.abandonment_of_queued, none, pct],
    ['utilisation', (p) => p.utilisation, (a) => a.offered_erlangs / a.agents, pct],
    ['SLA breach rate', (p) => p.sla_breach_rate, none, pct],
    ['re-route rate', (p) => p.reroute_rate, none, pct],
    ['wait p90', (p) => p.wait_s.p90, none, secs],
    ['wait p95', (p) => p.wait_s.p95, none, secs],
    ['load fairness (Jain)', (p) => p.fairness.jain_index, none, (x) => x.toFixed(3)],
  ];
  const thresholds = (result.policies[0]?.service_levels ?? []).map((level, i): Row =>
    [`service level (≤ ${level.within_s} s)`, (p) => p.service_levels[i]?.share ?? null, none, pct]);
  rows.splice(6, 0, ...thresholds);
  const analytic = result.analytic;
  const header = ['', ...result.policies.map((p) => `policy ${p.policy}`), ...(analytic ? [analytic.model === 'erlang_c' ? 'Erlang C' : 'Erlang A'] : [])];
  const body = rows.map(([label, figure, theory, format]) => [
    label, ...result.policies.map((p) => show(figure(p), format)), ...(analytic ? [show(theory(analytic), format)] : []),
  ]);
  const queues = result.policies.flatMap((p) => p.queues.map((q) => `  ${p.policy} / ${q.queue}: ${counterLine(q)}`));
  const priorities = result.policies.flatMap((p) => p.priorities.map((q) => `  ${p.policy} / ${q.priority}: ${counterLine(q)}`));
  return [
    ...align([header, ...body]), ...(queues.length > 0 ? ['', 'per queue:', ...queues] : []), ...(priorities.length > 1 ? ['', 'per priority:', ...priorities] : []),
    ...result.policies.flatMap((p) => intervalLines(p, result.service_level_s)), ...replicationLines(result),
  ].join('\n');
}

/** One queue's (or priority's) figures on a line. */
function counterLine(q: Omit<QueueFigures, 'queue'>): string {
  const levels = q.service_levels.map((level) => `, ≤ ${level.within_s} s ${show(level.share, pct)}`).join('');
  return `${count(q.offered)} offered, ${count(q.abandoned)} abandoned (${show(q.abandonment_of_queued, pct)} of queued), ASA ${show(q.asa_s, secs)}, `
    + `service level ${show(q.service_level, pct)}${levels}, wait p90 ${show(q.wait_p90_s, secs)}, p95 ${show(q.wait_p95_s, secs)}`;
}

/** The policy's figures per reported interval, a row each (but those with neither calls nor staff), when the scenario asks for them. */
function intervalLines(policy: PolicyFigures, serviceLevelS: number): string[] {
  const intervals = (policy.intervals ?? []).filter((i) => i.offered > 0 || i.occupancy !== null);
  if (intervals.length === 0) return [];
  const thresholds = intervals[0]!.service_levels.map((level) => `≤ ${level.within_s} s`);
  const header = ['interval', 'offered', 'answered', 'abandoned', 'ASA', 'avg wait', 'wait p90', 'wait p95', `≤ ${serviceLevelS} s`, ...thresholds, 'aband. of queued', 'occupancy'];
  const rows = intervals.map((i) => [
    i.start.slice(0, 16).replace('T', ' '), count(i.offered), count(i.answered), count(i.abandoned), show(i.asa_s, secs), show(i.wait_avg_s, secs),
    show(i.wait_p90_s, secs), show(i.wait_p95_s, secs), show(i.service_level, pct), ...i.service_levels.map((level) => show(level.share, pct)),
    show(i.abandonment_of_queued, pct), show(i.occupancy, pct),
  ]);
  return ['', `per interval, policy ${policy.policy}:`, ...align([header, ...rows])];
}

/** Each figure's mean ± its 95 % confidence half-width over the replications, per policy. */
function replicationLines(result: SimulationResult): string[] {
  const summary = result.replications;
  if (!summary) return [];
  const figure = ([name, e]: [string, { mean: number; half_width: number | null }]) => `  ${name}: ${e.mean.toPrecision(4)}${e.half_width === null ? '' : ` ± ${e.half_width.toPrecision(2)}`}`;
  const section = (title: string, figures: Estimates) => [`  ${title}`, ...Object.entries(figures).map((entry) => `  ${figure(entry)}`)];
  return ['', `over ${summary.replications} replications (mean ± 95 % confidence half-width):`, ...summary.policies.flatMap((p) => [
    ` policy ${p.policy}`, ...Object.entries(p.figures).map(figure),
    ...p.queues.flatMap((q) => section(`queue ${q.queue}`, q.figures)),
    ...(p.priorities.length > 1 ? p.priorities.flatMap((q) => section(`priority ${q.priority}`, q.figures)) : []),
    ...(p.intervals ?? []).flatMap((i) => section(`interval ${i.start.slice(0, 16).replace('T', ' ')}`, i.figures)),
  ])];
}

function align(lines: string[][]): string[] {
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  return lines.map((line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}
