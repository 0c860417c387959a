import { useMemo, type ReactNode } from 'react';
import { barOption, Chart, lineOption } from '../../components/chart';
import { Empty, Panel, scrollRegion } from '../../components/ui';
import { formatSeconds, formatSecondsFine } from '../../lib/format';
import { useI18n } from '../../lib/i18n-provider';
import type { Translate } from '../../lib/i18n';
import type { Locale } from '../../../../src/domain/i18n/locales';
// The answer's shape is the server's answer schema (types only: nothing of the server is bundled).
import type { Static } from 'typebox';
import type { SimulationOutput } from '../../../../src/surfaces/wire/simulation/simulation-schemas';

export type SimulationResult = Static<typeof SimulationOutput>;
export type PolicyFigures = SimulationResult['policies'][number];
type AnalyticFigures = NonNullable<SimulationResult['analytic']>;
type IntervalFigures = NonNullable<PolicyFigures['intervals']>[number];


function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;
}

function count(value: number): string {
  return value.toLocaleString();
}

type Row = [label: string, each: (p: PolicyFigures) => ReactNode, analytic?: (a: AnalyticFigures) => ReactNode];

function rows(result: SimulationResult, t: Translate, locale: Locale): Row[] {
  const seconds = (value: number | null | undefined) => formatSecondsFine(value, locale);
  const k = (key: string, values?: Record<string, string | number>) => t(`dashboard.simulator_page.${key}`, values);
  return [
    [k('offered'), (p) => count(p.offered)],
    [k('answered'), (p) => count(p.answered)],
    [k('abandoned'), (p) => count(p.abandoned)],
    [k('unanswered'), (p) => count(p.unanswered)],
    [k('asa'), (p) => seconds(p.asa_s), (a) => seconds(a.asa_s)],
    [k('p_wait'), (p) => percent(p.p_wait), (a) => percent(a.p_wait)],
    [k('service_level_within', { seconds: result.service_level_s }), (p) => percent(p.service_level), (a) => percent(a.service_level)],
    ...(result.policies[0]?.service_levels ?? []).map((level, i): Row =>
      [k('service_level_within', { seconds: level.within_s }), (p) => percent(p.service_levels[i]?.share)]),
    [k('abandonment'), (p) => percent(p.abandonment), (a) => percent(a.abandonment)],
    [k('abandonment_queued'), (p) => percent(p.abandonment_of_queued)],
    // Erlang A: callers who hang up take no service time, so only the served share loads the agents.
    [k('utilisation'), (p) => percent(p.utilisation), (a) => percent((a.offered_erlangs * (1 - (a.abandonment ?? 0))) / a.agents)],
    [k('sla_breach_rate'), (p) => percent(p.sla_breach_rate)],
    [k('reroute_rate'), (p) => percent(p.reroute_rate)],
    [k('wait_percentiles'), (p) => `${seconds(p.wait_s.p50)} · ${seconds(p.wait_s.p90)} · ${seconds(p.wait_s.p95)} · ${seconds(p.wait_s.p99)}`],
    [k('longest_wait'), (p) => seconds(p.wait_s.max)],
    [k('fairness'), (p) => (p.fairness.jain_index === null ? '—' : p.fairness.jain_index.toFixed(3))],
    [k('utilisation_range'), (p) => `${percent(p.fairness.min_utilisation)} – ${percent(p.fairness.max_utilisation)}`],
  ];
}

function FiguresTable(props: { result: SimulationResult }) {
  const { t, locale } = useI18n();
  const { result } = props;
  const analytic = result.analytic;
  const model = analytic ? t('dashboard.simulator_page.model', { model: analytic.model === 'erlang_a' ? 'Erlang A' : 'Erlang C', agents: analytic.agents, erlangs: analytic.offered_erlangs.toFixed(1) }) : null;
  return (
    <div {...scrollRegion(t('dashboard.simulator_page.figures'))}>
      <table className="sim-table">
        <caption className="visually-hidden">{model ? t('dashboard.simulator_page.figures_beside', { model }) : t('dashboard.simulator_page.figures')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.simulator_page.figure')}</th>
            {result.policies.map((p) => <th key={p.policy} scope="col">{p.policy}</th>)}
            {model ? <th scope="col">{model}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows(result, t, locale).map(([label, each, theory]) => (
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
  const { t, locale } = useI18n();
  const headers = ['policy', 'queue', 'offered', 'answered', 'abandoned', 'abandonment_queued', 'asa_short', 'service_level', 'wait_p90', 'wait_p95'];
  return (
    <div {...scrollRegion(t('dashboard.simulator_page.queues'))}>
      <table className="sim-table">
        <thead>
          <tr>{headers.map((key) => <th key={key} scope="col">{t(`dashboard.simulator_page.${key}`)}</th>)}</tr>
        </thead>
        <tbody>
          {props.policies.flatMap((p) => p.queues.map((q) => (
            <tr key={`${p.policy}:${q.queue}`}>
              <td>{p.policy}</td><th scope="row">{q.queue}</th><td>{count(q.offered)}</td><td>{count(q.answered)}</td><td>{count(q.abandoned)}</td>
              <td>{percent(q.abandonment_of_queued)}</td><td>{formatSecondsFine(q.asa_s, locale)}</td><td>{percent(q.service_level)}</td>
              <td>{formatSecondsFine(q.wait_p90_s, locale)}</td><td>{formatSecondsFine(q.wait_p95_s, locale)}</td>
            </tr>
          )))}
        </tbody>
      </table>
    </div>
  );
}

const round1 = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);
const share = (value: number | null | undefined) => round1(value === null || value === undefined ? null : value * 100);

const SHARE_KEYS = ['service_level', 'p_wait', 'abandonment', 'utilisation', 'sla_breaches', 'reroutes'];

function Charts(props: { result: SimulationResult }) {
  const { t } = useI18n();
  const { policies, analytic } = props.result;
  const waits = useMemo(() => barOption(['asa_short', 'wait_p50', 'wait_p90', 'wait_p99'].map((key) => t(`dashboard.simulator_page.${key}`)), [
    ...policies.map((p) => ({ name: p.policy, values: [p.asa_s, p.wait_s.p50, p.wait_s.p90, p.wait_s.p99].map(round1) })),
    ...(analytic ? [{ name: analytic.model === 'erlang_a' ? 'Erlang A' : 'Erlang C', values: [round1(analytic.asa_s), null, null, null] }] : []),
  ], ' s'), [policies, analytic, t]);
  const shares = useMemo(() => {
    const names = SHARE_KEYS.map((key) => t(`dashboard.simulator_page.${key}`));
    const option = barOption(names, policies.map((p) => ({
      name: p.policy, values: [p.service_level, p.p_wait, p.abandonment, p.utilisation, p.sla_breach_rate, p.reroute_rate].map(share),
    })), ' %');
    // Six long names do not fit side by side in a narrow panel.
    return { ...option, xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 35 } } };
  }, [policies, t]);
  const perQueue = useMemo(() => {
    const names = [...new Set(policies.flatMap((p) => p.queues.map((q) => q.queue)))];
    return barOption(names, policies.map((p) => ({ name: p.policy, values: names.map((name) => round1(p.queues.find((q) => q.queue === name)?.asa_s)) })), ' s');
  }, [policies]);
  return (
    <div className="grid grid-2">
      <Panel title={t('dashboard.simulator_page.waits_chart')}><Chart option={waits} label={t('dashboard.simulator_page.waits_chart_label')} /></Panel>
      <Panel title={t('dashboard.simulator_page.shares_chart')}><Chart option={shares} label={t('dashboard.simulator_page.shares_chart_label')} /></Panel>
      <Panel title={t('dashboard.simulator_page.queue_chart')}><Chart option={perQueue} label={t('dashboard.simulator_page.queue_chart_label')} /></Panel>
    </div>
  );
}

const intervalLabel = (start: string) => start.slice(5, 16).replace('T', ' ');

/** A line per policy of one figure per reported interval; "no data" when no interval had it. */
function IntervalChart(props: { policies: PolicyFigures[]; title: string; label: string; pick: (i: IntervalFigures) => number | null; unit: string }) {
  const { t } = useI18n();
  const { policies, pick, unit } = props;
  const starts = useMemo(() => [...new Set(policies.flatMap((p) => (p.intervals ?? []).map((i) => i.start)))].sort(), [policies]);
  const series = useMemo(() => policies.map((p) => {
    const byStart = new Map((p.intervals ?? []).map((i) => [i.start, pick(i)]));
    return { name: p.policy, values: starts.map((start) => round1(byStart.get(start))) };
  }), [policies, starts, pick]);
  const option = useMemo(() => lineOption(starts.map(intervalLabel), series, unit), [starts, series, unit]);
  const empty = series.every((s) => s.values.every((value) => value === null));
  return (
    <Panel title={props.title}>
      {empty ? <Empty>{t('dashboard.simulator_page.fit.no_data')}</Empty> : <Chart option={option} label={props.label} />}
    </Panel>
  );
}

const asaOf = (i: IntervalFigures) => i.asa_s;
const occupancyOf = (i: IntervalFigures) => (i.occupancy === null ? null : i.occupancy * 100);

/** Each policy's figures per reported interval: offered to occupancy, a row per interval with calls or staff. */
function IntervalsTable(props: { policies: PolicyFigures[] }) {
  const { t, locale } = useI18n();
  const thresholds = props.policies[0]?.intervals?.[0]?.service_levels.map((level) => level.within_s) ?? [];
  const k = (key: string, values?: Record<string, string | number>) => t(`dashboard.simulator_page.${key}`, values);
  const headers = [k('policy'), k('interval'), k('offered'), k('answered'), k('abandoned'), k('asa_short'), k('wait_avg'), k('wait_p90'), k('wait_p95'),
    k('service_level'), ...thresholds.map((seconds) => k('service_level_within', { seconds })), k('abandonment_queued'), k('occupancy')];
  const rows = props.policies.flatMap((p) => (p.intervals ?? []).filter((i) => i.offered > 0 || i.occupancy !== null).map((i) => ({ policy: p.policy, i })));
  return (
    <div {...scrollRegion(k('intervals_table'))} data-testid="sim-intervals">
      <table className="sim-table">
        <thead>
          <tr>{headers.map((header) => <th key={header} scope="col">{header}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map(({ policy, i }) => (
            <tr key={`${policy}:${i.start}`}>
              <td>{policy}</td><th scope="row">{intervalLabel(i.start)}</th><td>{count(i.offered)}</td><td>{count(i.answered)}</td><td>{count(i.abandoned)}</td>
              <td>{formatSecondsFine(i.asa_s, locale)}</td><td>{formatSecondsFine(i.wait_avg_s, locale)}</td><td>{formatSecondsFine(i.wait_p90_s, locale)}</td><td>{formatSecondsFine(i.wait_p95_s, locale)}</td>
              <td>{percent(i.service_level)}</td>{i.service_levels.map((level) => <td key={level.within_s}>{percent(level.share)}</td>)}
              <td>{percent(i.abandonment_of_queued)}</td><td>{percent(i.occupancy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Tickets still waiting when a run ended are neither answered nor abandoned: say how many, so no figure reads as if they were served. */
function StillWaiting(props: { policies: PolicyFigures[] }) {
  const { t } = useI18n();
  const waiting = props.policies.filter((p) => p.unanswered > 0);
  if (waiting.length === 0) return null;
  return (
    <div className="notice notice-warn" role="note" data-testid="sim-still-waiting">
      <ul>{waiting.map((p) => <li key={p.policy}>{t('dashboard.simulator_page.still_waiting', { policy: p.policy, count: count(p.unanswered) })}</li>)}</ul>
    </div>
  );
}

/** The figures of each policy side by side (with queueing theory's when it applies), then charts comparing them. */
export function SimulationResults(props: { result: SimulationResult }) {
  const { t, locale } = useI18n();
  const { result } = props;
  return (
    <section aria-labelledby="sim-results-heading" className="sim-results">
      <h2 id="sim-results-heading">{t('dashboard.simulator_page.results')}</h2>
      <p className="muted">{t('dashboard.simulator_page.results_intro', { duration: formatSeconds(result.duration_s, locale), seed: result.seed })}</p>
      <StillWaiting policies={result.policies} />
      <Panel title={t('dashboard.simulator_page.figures')}><FiguresTable result={result} /></Panel>
      <Charts result={result} />
      {result.policies.some((p) => p.intervals) ? (
        <>
          <div className="grid grid-2">
            <IntervalChart policies={result.policies} title={t('dashboard.simulator_page.interval_chart')} label={t('dashboard.simulator_page.interval_chart_label')} pick={asaOf} unit=" s" />
            <IntervalChart policies={result.policies} title={t('dashboard.simulator_page.occupancy_chart')} label={t('dashboard.simulator_page.occupancy_chart_label')} pick={occupancyOf} unit=" %" />
          </div>
          <Panel title={t('dashboard.simulator_page.per_interval')}><IntervalsTable policies={result.policies} /></Panel>
        </>
      ) : null}
      <Panel title={t('dashboard.simulator_page.per_queue')}><QueuesTable policies={result.policies} /></Panel>
    </section>
  );
}
