import { useMemo } from 'react';
import { barOption, Chart } from '../../components/chart';
import { Empty, Panel } from '../../components/ui';
import type { Metrics } from './metrics';

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 60));
const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 100));

/** The charts drawn from GET /v1/metrics. */
export function TrendCharts(props: { metrics: Metrics }) {
  const { metrics } = props;
  const options = useMemo(() => {
    const days = metrics.series.map((point) => point.at.slice(0, 10));
    const groups = metrics.groups.map((g) => g.label);
    return {
      volume: {
        ...barOption(days, [{ name: 'Created', values: metrics.series.map((p) => p.created) }]),
        series: [
          { name: 'Created', type: 'bar', data: metrics.series.map((p) => p.created) },
          { name: 'Resolved', type: 'line', data: metrics.series.map((p) => p.resolved) },
          { name: 'SLA breaches', type: 'line', data: metrics.series.map((p) => p.sla_breaches) },
        ],
      },
      times: barOption(groups, [
        { name: 'First response, median', values: metrics.groups.map((g) => minutes(g.first_response_s.median)) },
        { name: 'Resolution, median', values: metrics.groups.map((g) => minutes(g.resolution_s.median)) },
        { name: 'Resolution, p90', values: metrics.groups.map((g) => minutes(g.resolution_s.p90)) },
      ], ' min'),
      sla: barOption(groups, [{ name: 'SLA attained', values: metrics.groups.map((g) => percent(g.sla.attained)) }], ' %'),
      reroutes: barOption(groups, [
        { name: 'Re-route rate', values: metrics.groups.map((g) => percent(g.reroute_rate)) },
        { name: 'Escalated share', values: metrics.groups.map((g) => (g.created > 0 ? Math.round((g.escalation.escalated / g.created) * 100) : null)) },
      ], ' %'),
      agents: barOption(metrics.agents.map((a) => a.name), [
        { name: 'Open load', values: metrics.agents.map((a) => a.open_load) },
        { name: 'Capacity', values: metrics.agents.map((a) => a.capacity) },
        { name: 'Resolved', values: metrics.agents.map((a) => a.resolved) },
      ]),
    };
  }, [metrics]);
  const by = metrics.group_by ?? 'group';
  return (
    <>
      <Panel title="Volume per day">
        {metrics.series.length === 0 ? <Empty>No tickets in this period.</Empty> : <Chart option={options.volume} label="Tickets created and resolved, and SLA breaches, per day" />}
      </Panel>
      <Panel title={`Response and resolution times by ${by}`}>
        <Chart option={options.times} label={`Median first response and resolution times in minutes by ${by}`} />
      </Panel>
      <Panel title={`SLA attainment by ${by}`}>
        <Chart option={options.sla} label={`Share of SLA targets met by ${by}`} />
      </Panel>
      <Panel title={`Re-routes and escalations by ${by}`}>
        <Chart option={options.reroutes} label={`Re-route rate and share escalated by ${by}`} />
      </Panel>
      <Panel title="Agents: load, capacity and resolved work">
        <Chart option={options.agents} label="Each agent's open load, capacity and resolved tickets" />
      </Panel>
    </>
  );
}
