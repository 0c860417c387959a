import { useMemo } from 'react';
import { barOption, Chart, groupBarOption, groupChartHeight, hasNoData } from '../../components/chart';
import { Empty, Panel } from '../../components/ui';
import { CsvButton } from './csv-button';
import type { Metrics } from './metrics';

type Series = { name: string; values: (number | null)[] }[];

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 60));
const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 100));
const NO_DATA = 'No data in this period.';

/** A day of the series as a short local date ("3 Dec"), so a month of days stays legible. */
export function dayLabel(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(iso));
}

/** One chart of groups, or its "no data" state when every value is missing or zero. */
function GroupChart(props: { title: string; label: string; groups: string[]; series: Series; unit: string }) {
  const option = useMemo(() => groupBarOption(props.groups, props.series, props.unit), [props.groups, props.series, props.unit]);
  return (
    <Panel title={props.title}>
      {props.groups.length === 0 || hasNoData(props.series) ? <Empty>{NO_DATA}</Empty> : (
        <Chart option={option} label={props.label} height={groupChartHeight(props.groups.length, props.series.length)} />
      )}
    </Panel>
  );
}

/** The charts drawn from GET /v1/metrics, each with its "no data" state and units. */
export function TrendCharts(props: { metrics: Metrics; query: Record<string, string>; locale: string }) {
  const { metrics } = props;
  const by = metrics.group_by ?? 'group';
  const groups = useMemo(() => metrics.groups.map((g) => (g.key === null ? `(no ${by})` : g.label)), [metrics, by]);
  const series = useMemo(() => ({
    times: [
      { name: 'First response, median', values: metrics.groups.map((g) => minutes(g.first_response_s.median)) },
      { name: 'First response, p90', values: metrics.groups.map((g) => minutes(g.first_response_s.p90)) },
      { name: 'Resolution, median', values: metrics.groups.map((g) => minutes(g.resolution_s.median)) },
      { name: 'Resolution, p90', values: metrics.groups.map((g) => minutes(g.resolution_s.p90)) },
    ],
    sla: [{ name: 'SLA attained', values: metrics.groups.map((g) => percent(g.sla.attained)) }],
    reroutes: [
      { name: 'Re-route rate', values: metrics.groups.map((g) => percent(g.reroute_rate)) },
      { name: 'Escalation rate', values: metrics.groups.map((g) => percent(g.escalation.rate)) },
    ],
    csat: [{ name: 'CSAT (average of 1–5)', values: metrics.groups.map((g) => (g.csat.average === null ? null : Math.round(g.csat.average * 10) / 10)) }],
    agents: [
      { name: 'Open load', values: metrics.agents.map((a) => a.open_load) },
      { name: 'Capacity', values: metrics.agents.map((a) => a.capacity) },
      { name: 'Resolved', values: metrics.agents.map((a) => a.resolved) },
    ],
  }), [metrics]);
  const volume = useMemo(() => {
    const days = metrics.series.map((point) => dayLabel(point.at, props.locale));
    return {
      ...barOption(days, [], ' tickets'),
      series: [
        { name: 'Created', type: 'bar', data: metrics.series.map((p) => p.created) },
        { name: 'Resolved', type: 'line', data: metrics.series.map((p) => p.resolved) },
        { name: 'SLA breaches', type: 'line', data: metrics.series.map((p) => p.sla_breaches) },
      ],
    };
  }, [metrics, props.locale]);
  const noVolume = hasNoData([{ values: metrics.series.map((p) => p.created + p.resolved + p.sla_breaches) }]);
  return (
    <>
      <Panel title="Volume per day" actions={<CsvButton query={props.query} table="series" label="Days as CSV" />}>
        {noVolume ? <Empty>{NO_DATA}</Empty> : <Chart option={volume} label="Tickets created and resolved, and SLA breaches, per day" />}
      </Panel>
      <GroupChart title={`Response and resolution times by ${by} (minutes)`} label={`Median and p90 first response and resolution times in minutes by ${by}`} groups={groups} series={series.times} unit="min" />
      <GroupChart title={`SLA attainment by ${by} (%)`} label={`Share of resolved tickets that met every SLA target, by ${by}`} groups={groups} series={series.sla} unit="%" />
      <GroupChart title={`Re-route and escalation rates by ${by} (%)`} label={`Share of created tickets re-routed and escalated, by ${by}`} groups={groups} series={series.reroutes} unit="%" />
      <GroupChart title={`Customer satisfaction by ${by}`} label={`Average rating from 1 to 5 by ${by}`} groups={groups} series={series.csat} unit="of 5" />
      <GroupChart title="Agents: load, capacity and resolved work" label="Each agent's open load, capacity and resolved tickets" groups={metrics.agents.map((a) => a.name)} series={series.agents} unit="tickets" />
    </>
  );
}
