import { useMemo } from 'react';
import { Chart, groupBarOption, groupChartHeight } from '../components/chart';
import { Empty, ErrorMessage, Loading, Panel, Stat } from '../components/ui';
import { ApiError } from '../lib/api';
import { formatRatio, formatSeconds } from '../lib/format';
import { useLiveTick } from '../lib/live';
import { useSession } from '../lib/session';
import type { Workload } from '../lib/types';
import { useResource } from '../lib/use-resource';
import type { Figures, Metrics } from './reports/metrics';
import { TrendCharts } from './reports/trend-charts';
import { CsvButton } from './reports/csv-button';
import { useI18n } from '../lib/i18n-provider';
import { SectionTitle } from '../components/layout';
import type { TicketTypeDefinition } from '../lib/types';
import { ReportFilters, useReportChoice } from './reports/report-filters';
import { BacklogAndCsat, Leaderboard, SlaTargets, TimeDistributions } from './reports/lead-panels';

/** Metrics, or null when this server has no /v1/metrics (it answers 404). */
async function loadMetrics(load: () => Promise<Metrics>): Promise<Metrics | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function Headline(props: { totals: Figures }) {
  const { t, locale } = useI18n();
  const h = (key: string, values?: Record<string, string | number>) => t(`dashboard.reports.headline.${key}`, values);
  const total = props.totals;
  const e = total.escalation;
  const p90 = (time: number | null) => h('p90', { time: formatSeconds(time, locale) });
  return (
    <div className="stats" aria-label={h('label')}>
      <Stat label={h('created')} value={total.created} />
      <Stat label={h('resolved')} value={total.resolved} />
      <Stat label={h('backlog')} value={total.backlog} />
      <Stat label={h('first_response')} value={formatSeconds(total.first_response_s.median, locale)} hint={p90(total.first_response_s.p90)} />
      <Stat label={h('resolution')} value={formatSeconds(total.resolution_s.median, locale)} hint={p90(total.resolution_s.p90)} />
      <Stat label={h('sla')} value={formatRatio(total.sla.attained)} hint={h('breaches', { count: total.sla.breaches })} tone={total.sla.breaches > 0 ? 'warn' : 'ok'} />
      <Stat label={h('fcr')} value={formatRatio(total.first_contact_resolution)} />
      <Stat label={h('reroute')} value={formatRatio(total.reroute_rate)} />
      <Stat label={h('escalation')} value={formatRatio(e.rate)} hint={h('escalation_hint', { count: e.escalated, time: formatSeconds(e.time_to_escalate_s.median, locale) })} />
      <Stat label={h('after_escalation')} value={formatSeconds(e.resolution_s_escalated.median, locale)}
        hint={h('after_escalation_hint', { time: formatSeconds(e.resolution_s_escalated.p90, locale), ratio: formatRatio(e.resolved_first_human_contact) })} />
      <Stat label={h('csat')} value={total.csat.average === null ? '—' : total.csat.average.toFixed(1)}
        hint={h('csat_hint', { count: total.csat.responses, ratio: formatRatio(total.csat.satisfied) })} />
    </div>
  );
}

/** Open work per queue, from /v1/workload: there even on a server without /v1/metrics. */
function OpenWorkChart() {
  const { api } = useSession();
  const { t } = useI18n();
  const tick = useLiveTick((event) => event.entity.kind === 'ticket');
  const workload = useResource(`workload:${tick}`, () => api.get<Workload>('/v1/workload'));
  const option = useMemo(() => {
    const queues = workload.data?.queues ?? [];
    return groupBarOption(queues.map((q) => q.queue ?? t('dashboard.reports.no_value')), [
      { name: t('dashboard.reports.open_work.unassigned'), values: queues.map((q) => q.unassigned) },
      { name: t('dashboard.reports.open_work.assigned'), values: queues.map((q) => q.open - q.unassigned) },
      { name: t('dashboard.reports.open_work.escalated'), values: queues.map((q) => q.escalated) },
    ], t('dashboard.reports.tickets'));
  }, [workload.data, t]);
  const queues = workload.data?.queues.length ?? 0;
  return (
    <Panel title={t('dashboard.reports.open_work.title')}>
      <ErrorMessage error={workload.error} />
      {workload.data && queues === 0 ? <Empty>{t('dashboard.reports.open_work.none')}</Empty> : (
        <Chart option={option} label={t('dashboard.reports.open_work.label')} height={groupChartHeight(queues, 3)} />
      )}
    </Panel>
  );
}

/** The queues and ticket types the filters offer: those with open work now, and those configured. */
function useFilterValues(): { queues: string[]; types: string[] } {
  const { api } = useSession();
  const workload = useResource('workload:filters', () => api.get<Workload>('/v1/workload'));
  const types = useResource('ticket-types', () => api.get<{ data: TicketTypeDefinition[] }>('/v1/ticket-types'));
  return useMemo(() => ({
    queues: (workload.data?.queues ?? []).flatMap((q) => (q.queue === null ? [] : [q.queue])),
    types: (types.data?.data ?? []).map((type) => type.name),
  }), [workload.data, types.data]);
}

/** The report for the chosen period and filters, or the reason it cannot be shown. */
function FilteredReport(props: { query: Record<string, string> }) {
  const { api } = useSession();
  const { locale, t } = useI18n();
  const { query } = props;
  const csv = (table: string) => t('dashboard.reports.csv_of', { table: t(`dashboard.reports.table.${table}`) });
  const metrics = useResource(`metrics:${JSON.stringify(query)}`, () => loadMetrics(() => api.get<Metrics>('/v1/metrics', query)));
  return (
    <>
      <ErrorMessage error={metrics.error} title={t('dashboard.reports.load_failed')} />
      {metrics.data === undefined && !metrics.error ? <Loading /> : null}
      {metrics.data === null ? (
        <div className="unavailable" role="status">
          <h2>{t('dashboard.reports.unavailable.title')}</h2>
          <p className="muted">{t('dashboard.reports.unavailable.text')}</p>
        </div>
      ) : null}
      {metrics.data ? <Headline totals={metrics.data.totals} /> : null}
      {metrics.data ? <div className="toolbar"><CsvButton query={query} table="figures" label={csv('figures')} /><CsvButton query={query} table="agents" label={csv('agents')} /></div> : null}
      {metrics.data ? (
        <>
          <Leaderboard metrics={metrics.data} query={query} />
          <SlaTargets metrics={metrics.data} query={query} />
          <div className="grid grid-2">
            <BacklogAndCsat metrics={metrics.data} locale={locale} />
            <TimeDistributions metrics={metrics.data} query={query} />
            <TrendCharts metrics={metrics.data} query={query} locale={locale} />
          </div>
        </>
      ) : null}
    </>
  );
}

/** Volume, backlog, response and resolution times, SLA attainment, re-routes, escalations and agents over a period, filtered. */
export function ReportsPage() {
  const { t } = useI18n();
  const { choice, setChoice, query } = useReportChoice();
  const values = useFilterValues();
  return (
    <div className="page">
      <SectionTitle section="reports" />
      <ReportFilters choice={choice} queues={values.queues} types={values.types} onChange={setChoice} />
      {query === null ? <p className="field-error" role="alert">{t('dashboard.reports.bad_range')}</p> : <FilteredReport query={query} />}
      <div className="grid grid-2">
        <OpenWorkChart />
      </div>
    </div>
  );
}
