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
  const t = props.totals;
  const e = t.escalation;
  return (
    <div className="stats" aria-label="Headline figures">
      <Stat label="Created" value={t.created} />
      <Stat label="Resolved" value={t.resolved} />
      <Stat label="Backlog" value={t.backlog} />
      <Stat label="First response (median)" value={formatSeconds(t.first_response_s.median)} hint={`p90 ${formatSeconds(t.first_response_s.p90)}`} />
      <Stat label="Resolution (median)" value={formatSeconds(t.resolution_s.median)} hint={`p90 ${formatSeconds(t.resolution_s.p90)}`} />
      <Stat label="SLA attained" value={formatRatio(t.sla.attained)} hint={`${t.sla.breaches} breaches`} tone={t.sla.breaches > 0 ? 'warn' : 'ok'} />
      <Stat label="First-contact resolution" value={formatRatio(t.first_contact_resolution)} />
      <Stat label="Re-route rate" value={formatRatio(t.reroute_rate)} />
      <Stat label="Escalation rate" value={formatRatio(e.rate)} hint={`${e.escalated} escalated; to escalate ${formatSeconds(e.time_to_escalate_s.median)} (median)`} />
      <Stat label="Resolution after escalation (median)" value={formatSeconds(e.resolution_s_escalated.median)} hint={`p90 ${formatSeconds(e.resolution_s_escalated.p90)}; resolved at first human contact ${formatRatio(e.resolved_first_human_contact)}`} />
      <Stat label="CSAT (of 5)" value={t.csat.average === null ? '—' : t.csat.average.toFixed(1)} hint={`${t.csat.responses} responses, ${formatRatio(t.csat.satisfied)} rated 4–5`} />
    </div>
  );
}

/** Open work per queue, from /v1/workload: there even on a server without /v1/metrics. */
function OpenWorkChart() {
  const { api } = useSession();
  const tick = useLiveTick((event) => event.entity.kind === 'ticket');
  const workload = useResource(`workload:${tick}`, () => api.get<Workload>('/v1/workload'));
  const option = useMemo(() => {
    const queues = workload.data?.queues ?? [];
    return groupBarOption(queues.map((q) => q.queue ?? 'no queue'), [
      { name: 'Unassigned', values: queues.map((q) => q.unassigned) },
      { name: 'Assigned', values: queues.map((q) => q.open - q.unassigned) },
      { name: 'Escalated', values: queues.map((q) => q.escalated) },
    ], 'tickets');
  }, [workload.data]);
  const queues = workload.data?.queues.length ?? 0;
  return (
    <Panel title="Open work by queue (now)">
      <ErrorMessage error={workload.error} />
      {workload.data && queues === 0 ? <Empty>No open work.</Empty> : (
        <Chart option={option} label="Open tickets per queue, unassigned, assigned and escalated" height={groupChartHeight(queues, 3)} />
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
  const { locale } = useI18n();
  const { query } = props;
  const metrics = useResource(`metrics:${JSON.stringify(query)}`, () => loadMetrics(() => api.get<Metrics>('/v1/metrics', query)));
  return (
    <>
      <ErrorMessage error={metrics.error} title="Could not load the metrics" />
      {metrics.data === undefined && !metrics.error ? <Loading what="the metrics" /> : null}
      {metrics.data === null ? (
        <div className="unavailable" role="status">
          <h2>Metrics unavailable</h2>
          <p className="muted">This server does not offer <code>GET /v1/metrics</code> yet, so there are no trends to chart. The live picture below still works.</p>
        </div>
      ) : null}
      {metrics.data ? <Headline totals={metrics.data.totals} /> : null}
      {metrics.data ? <div className="toolbar"><CsvButton query={query} table="figures" label="Figures as CSV" /><CsvButton query={query} table="agents" label="Agents as CSV" /></div> : null}
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
