import { useMemo } from 'react';
import { barOption, Chart, groupBarOption, groupChartHeight, hasNoData } from '../../components/chart';
import { Empty, Panel } from '../../components/ui';
import { CsvButton } from './csv-button';
import type { Metrics } from './metrics';
import { useI18n } from '../../lib/i18n-provider';

type Series = { name: string; values: (number | null)[] }[];

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 60));
const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 100));

/** A day of the series as a short local date ("3 Dec"), so a month of days stays legible. */
export function dayLabel(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(iso));
}

/** One chart of groups, or its "no data" state when every value is missing or zero. */
function GroupChart(props: { title: string; label: string; groups: string[]; series: Series; unit: string }) {
  const { t } = useI18n();
  const option = useMemo(() => groupBarOption(props.groups, props.series, props.unit), [props.groups, props.series, props.unit]);
  return (
    <Panel title={props.title}>
      {props.groups.length === 0 || hasNoData(props.series) ? <Empty>{t('dashboard.reports.no_data')}</Empty> : (
        <Chart option={option} label={props.label} height={groupChartHeight(props.groups.length, props.series.length)} />
      )}
    </Panel>
  );
}

/** The charts drawn from GET /v1/metrics, each with its "no data" state and units, in the page's language. */
export function TrendCharts(props: { metrics: Metrics; query: Record<string, string>; locale: string }) {
  const { t } = useI18n();
  const r = (key: string, values?: Record<string, string>) => t(`dashboard.reports.${key}`, values);
  const { metrics } = props;
  const by = metrics.group_by ? r(`field.${metrics.group_by}`) : '';
  const groups = useMemo(() => metrics.groups.map((g) => (g.key === null ? t('dashboard.reports.no_value') : g.label)), [metrics, t]);
  const series = useMemo(() => ({
    times: [
      { name: t('dashboard.reports.times.fr_median'), values: metrics.groups.map((g) => minutes(g.first_response_s.median)) },
      { name: t('dashboard.reports.times.fr_p90'), values: metrics.groups.map((g) => minutes(g.first_response_s.p90)) },
      { name: t('dashboard.reports.times.res_median'), values: metrics.groups.map((g) => minutes(g.resolution_s.median)) },
      { name: t('dashboard.reports.times.res_p90'), values: metrics.groups.map((g) => minutes(g.resolution_s.p90)) },
    ],
    sla: [{ name: t('dashboard.reports.by_sla.series'), values: metrics.groups.map((g) => percent(g.sla.attained)) }],
    reroutes: [
      { name: t('dashboard.reports.headline.reroute'), values: metrics.groups.map((g) => percent(g.reroute_rate)) },
      { name: t('dashboard.reports.headline.escalation'), values: metrics.groups.map((g) => percent(g.escalation.rate)) },
    ],
    csat: [{ name: t('dashboard.reports.by_csat.series'), values: metrics.groups.map((g) => (g.csat.average === null ? null : Math.round(g.csat.average * 10) / 10)) }],
    agents: [
      { name: t('dashboard.reports.agents.load'), values: metrics.agents.map((a) => a.open_load) },
      { name: t('dashboard.reports.agents.capacity'), values: metrics.agents.map((a) => a.capacity) },
      { name: t('dashboard.reports.agents.resolved'), values: metrics.agents.map((a) => a.resolved) },
    ],
  }), [metrics, t]);
  const volume = useMemo(() => {
    const days = metrics.series.map((point) => dayLabel(point.at, props.locale));
    return {
      ...barOption(days, [], ` ${t('dashboard.reports.tickets')}`),
      series: [
        { name: t('dashboard.reports.volume.created'), type: 'bar', data: metrics.series.map((p) => p.created) },
        { name: t('dashboard.reports.volume.resolved'), type: 'line', data: metrics.series.map((p) => p.resolved) },
        { name: t('dashboard.reports.volume.breaches'), type: 'line', data: metrics.series.map((p) => p.sla_breaches) },
      ],
    };
  }, [metrics, props.locale, t]);
  const noVolume = hasNoData([{ values: metrics.series.map((p) => p.created + p.resolved + p.sla_breaches) }]);
  const tickets = t('dashboard.reports.tickets');
  return (
    <>
      <Panel title={r('volume.title')} actions={<CsvButton query={props.query} table="series" label={r('csv_of', { table: r('table.days') })} />}>
        {noVolume ? <Empty>{r('no_data')}</Empty> : <Chart option={volume} label={r('volume.label')} />}
      </Panel>
      <GroupChart title={r('times.title', { by })} label={r('times.label', { by })} groups={groups} series={series.times} unit="min" />
      <GroupChart title={r('by_sla.title', { by })} label={r('by_sla.label', { by })} groups={groups} series={series.sla} unit="%" />
      <GroupChart title={r('rates.title', { by })} label={r('rates.label', { by })} groups={groups} series={series.reroutes} unit="%" />
      <GroupChart title={r('by_csat.title', { by })} label={r('by_csat.label', { by })} groups={groups} series={series.csat} unit={r('csat.unit')} />
      <GroupChart title={r('agents.title')} label={r('agents.label')} groups={metrics.agents.map((a) => a.name)} series={series.agents} unit={tickets} />
    </>
  );
}
