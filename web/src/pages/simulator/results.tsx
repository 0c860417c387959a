import { useMemo, type ReactNode } from 'react';
import { barOption, Chart } from '../../components/chart';
import { Panel, scrollRegion } from '../../components/ui';
import { formatSeconds } from '../../lib/format';
// The answer's shape is the server's answer schema (types only: nothing of the server is bundled).
import type { Static } from 'typebox';
import type { SimulationOutput } from '../../../../src/surfaces/wire/simulation/simulation-schemas';

export type SimulationResult = Static<typeof SimulationOutput>;
export type PolicyFigures = SimulationResult['policies'][number];
type AnalyticFigures = NonNullable<SimulationResult['analytic']>;

/** Seconds with a decimal under a minute: a simulated ASA of 8.2 s should not read as 8 s. */
function seconds(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value < 60 ? `${value.toFixed(1)} s` : formatSeconds(value);
}

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;
}

function count(value: number): string {
  return value.toLocaleString();
}

type Row = [label: string, each: (p: PolicyFigures) => ReactNode, analytic?: (a: AnalyticFigures) => ReactNode];

function rows(result: SimulationResult): Row[] {
  return [
    ['Offered', (p) => count(p.offered)],
    ['Answered', (p) => count(p.answered)],
    ['Abandoned', (p) => count(p.abandoned)],
    ['Still waiting at the end', (p) => count(p.unanswered)],
    ['Average speed of answer', (p) => seconds(p.asa_s), (a) => seconds(a.asa_s)],
    ['P(wait)', (p) => percent(p.p_wait), (a) => percent(a.p_wait)],
    [`Service level (within ${result.service_level_s} s)`, (p) => percent(p.service_level), (a) => percent(a.service_level)],
    ...(result.policies[0]?.service_levels ?? []).map((level, i): Row =>
      [`Service level (within ${level.within_s} s)`, (p) => percent(p.service_levels[i]?.share)]),
    ['Abandonment', (p) => percent(p.abandonment), (a) => percent(a.abandonment)],
    ['Abandonment among queued', (p) => percent(p.abandonment_of_queued)],
    // Erlang A: callers who hang up take no service time, so only the served share loads the agents.
    ['Utilisation', (p) => percent(p.utilisation), (a) => percent((a.offered_erlangs * (1 - (a.abandonment ?? 0))) / a.agents)],
    ['SLA breach rate', (p) => percent(p.sla_breach_rate)],
    ['Re-route rate', (p) => percent(p.reroute_rate)],
    ['Wait p50 · p90 · p95 · p99', (p) => `${seconds(p.wait_s.p50)} · ${seconds(p.wait_s.p90)} · ${seconds(p.wait_s.p95)} · ${seconds(p.wait_s.p99)}`],
    ['Longest wait', (p) => seconds(p.wait_s.max)],
    ['Fairness (Jain)', (p) => (p.fairness.jain_index === null ? '—' : p.fairness.jain_index.toFixed(3))],
    ['Utilisation lowest – highest', (p) => `${percent(p.fairness.min_utilisation)} – ${percent(p.fairness.max_utilisation)}`],
  ];
}

function FiguresTable(props: { result: SimulationResult }) {
  const { result } = props;
  const analytic = result.analytic;
  const model = analytic ? `${analytic.model === 'erlang_a' ? 'Erlang A' : 'Erlang C'} (${analytic.agents} agents, ${analytic.offered_erlangs.toFixed(1)} erlangs)` : null;
  return (
    <div {...scrollRegion('Figures per policy')}>
      <table className="sim-table">
        <caption className="visually-hidden">Figures per policy{model ? `, beside ${model}` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            {result.policies.map((p) => <th key={p.policy} scope="col">{p.policy}</th>)}
            {model ? <th scope="col">{model}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows(result).map(([label, each, theory]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {result.policies.map((p) => <td key={p.policy}>{each(p)}</td>)}
              {analytic ? <td className="muted">{theory ? theory(analytic) : '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QueuesTable(props: { policies: PolicyFigures[] }) {
  return (
    <div {...scrollRegion('Queues per policy')}>
      <table className="sim-table">
        <thead>
          <tr><th scope="col">Policy</th><th scope="col">Queue</th><th scope="col">Offered</th><th scope="col">Answered</th><th scope="col">Abandoned</th><th scope="col">ASA</th><th scope="col">Service level</th><th scope="col">Wait p90</th></tr>
        </thead>
        <tbody>
          {props.policies.flatMap((p) => p.queues.map((q) => (
            <tr key={`${p.policy}:${q.queue}`}>
              <td>{p.policy}</td><th scope="row">{q.queue}</th><td>{count(q.offered)}</td><td>{count(q.answered)}</td><td>{count(q.abandoned)}</td>
              <td>{seconds(q.asa_s)}</td><td>{percent(q.service_level)}</td><td>{seconds(q.wait_p90_s)}</td>
            </tr>
          )))}
        </tbody>
      </table>
    </div>
  );
}

const round1 = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);
const share = (value: number | null | undefined) => round1(value === null || value === undefined ? null : value * 100);

const SHARE_NAMES = ['Service level', 'P(wait)', 'Abandonment', 'Utilisation', 'SLA breaches', 'Re-routes'];

function Charts(props: { result: SimulationResult }) {
  const { policies, analytic } = props.result;
  const waits = useMemo(() => barOption(['ASA', 'Wait p50', 'Wait p90', 'Wait p99'], [
    ...policies.map((p) => ({ name: p.policy, values: [p.asa_s, p.wait_s.p50, p.wait_s.p90, p.wait_s.p99].map(round1) })),
    ...(analytic ? [{ name: analytic.model === 'erlang_a' ? 'Erlang A' : 'Erlang C', values: [round1(analytic.asa_s), null, null, null] }] : []),
  ], ' s'), [policies, analytic]);
  const shares = useMemo(() => {
    const option = barOption(SHARE_NAMES, policies.map((p) => ({
      name: p.policy, values: [p.service_level, p.p_wait, p.abandonment, p.utilisation, p.sla_breach_rate, p.reroute_rate].map(share),
    })), ' %');
    // Six long names do not fit side by side in a narrow panel.
    return { ...option, xAxis: { type: 'category', data: SHARE_NAMES, axisLabel: { interval: 0, rotate: 35 } } };
  }, [policies]);
  const perQueue = useMemo(() => {
    const names = [...new Set(policies.flatMap((p) => p.queues.map((q) => q.queue)))];
    return barOption(names, policies.map((p) => ({ name: p.policy, values: names.map((name) => round1(p.queues.find((q) => q.queue === name)?.asa_s)) })), ' s');
  }, [policies]);
  return (
    <div className="grid grid-2">
      <Panel title="Waits (seconds)"><Chart option={waits} label="Bar chart: average speed of answer and wait percentiles, per policy" /></Panel>
      <Panel title="Shares (%)"><Chart option={shares} label="Bar chart: service level, chance of waiting, abandonment, utilisation, SLA breaches and re-routes, per policy" /></Panel>
      <Panel title="Average speed of answer per queue"><Chart option={perQueue} label="Bar chart: average speed of answer per queue, per policy" /></Panel>
    </div>
  );
}

/** The figures of each policy side by side (with queueing theory's when it applies), then charts comparing them. */
export function SimulationResults(props: { result: SimulationResult }) {
  const { result } = props;
  return (
    <section aria-labelledby="sim-results-heading" className="sim-results">
      <h2 id="sim-results-heading">Results</h2>
      <p className="muted">{formatSeconds(result.duration_s)} of arrivals, seed {result.seed}. Every policy saw the same arrivals and the same draws.</p>
      <Panel title="Figures per policy"><FiguresTable result={result} /></Panel>
      <Charts result={result} />
      <Panel title="Per queue"><QueuesTable policies={result.policies} /></Panel>
    </section>
  );
}
