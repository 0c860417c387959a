import { useMemo } from 'react';
import { Chart, barOption, hasNoData, lineOption } from '../../components/chart';
import { Empty, Panel, scrollRegion } from '../../components/ui';
import { formatRatio, formatSeconds } from '../../lib/format';
import { useI18n } from '../../lib/i18n-provider';
import { CsvButton, type MetricsTable } from './csv-button';
import type { Metrics } from './metrics';
import { dayLabel } from './trend-charts';

type Band = Metrics['distributions']['resolution'][number];

/** A band's bound as a lead says it: 15 min, 4 h, 72 h. */
const bound = (seconds: number) => (seconds < 3600 ? `${seconds / 60} min` : `${seconds / 3600} h`);

function useBandLabel(): (band: Band) => string {
  const { t } = useI18n();
  return (band) => {
    if (band.from_s === 0) return t('dashboard.reports.band.under', { to: bound(band.to_s ?? 0) });
    if (band.to_s === null) return t('dashboard.reports.band.over', { from: bound(band.from_s) });
    return t('dashboard.reports.band.between', { from: bound(band.from_s), to: bound(band.to_s) });
  };
}

function Csv(props: { query: Record<string, string>; table: MetricsTable; name: string }) {
  const { t } = useI18n();
  return <CsvButton query={props.query} table={props.table} label={t('dashboard.reports.csv_of', { table: props.name })} />;
}

/** Open tickets at the end of each day or week, and the average rating per day or week. */
export function BacklogAndCsat(props: { metrics: Metrics; locale: string }) {
  const { t } = useI18n();
  const { series } = props.metrics;
  const days = useMemo(() => series.map((p) => dayLabel(p.at, props.locale)), [series, props.locale]);
  const backlog = [{ name: t('dashboard.reports.backlog.series'), values: series.map((p) => p.backlog) }];
  const csat = [{ name: t('dashboard.reports.csat.average'), values: series.map((p) => p.csat.average) }];
  const noData = t('dashboard.reports.no_data');
  return (
    <>
      <Panel title={t('dashboard.reports.backlog.title')}>
        {hasNoData(backlog) ? <Empty>{noData}</Empty> : (
          <Chart option={lineOption(days, backlog, ` ${t('dashboard.reports.tickets')}`)} label={t('dashboard.reports.backlog.label')} />
        )}
      </Panel>
      <Panel title={t('dashboard.reports.csat.title')}>
        {hasNoData(csat) ? <Empty>{noData}</Empty> : (
          <Chart option={{ ...lineOption(days, csat, ` ${t('dashboard.reports.csat.unit')}`), yAxis: { type: 'value', min: 1, max: 5 } }} label={t('dashboard.reports.csat.label')} />
        )}
      </Panel>
    </>
  );
}

/** First response and resolution times: tickets per time band, with the median and p90 in the title. */
export function TimeDistributions(props: { metrics: Metrics; query: Record<string, string> }) {
  const { t, locale } = useI18n();
  const bandLabel = useBandLabel();
  const { distributions, totals } = props.metrics;
  const series = [
    { name: t('dashboard.reports.distribution.first_response'), values: distributions.first_response.map((b) => b.count) },
    { name: t('dashboard.reports.distribution.resolution'), values: distributions.resolution.map((b) => b.count) },
  ];
  const spread = (s: { median: number | null; p90: number | null }) => t('dashboard.reports.distribution.spread', { median: formatSeconds(s.median, locale), p90: formatSeconds(s.p90, locale) });
  return (
    <Panel title={t('dashboard.reports.distribution.title')} actions={<Csv query={props.query} table="distributions" name={t('dashboard.reports.distribution.title')} />}>
      <p className="muted">
        {t('dashboard.reports.distribution.first_response')}: {spread(totals.first_response_s)}. {t('dashboard.reports.distribution.resolution')}: {spread(totals.resolution_s)}.
      </p>
      {hasNoData(series) ? <Empty>{t('dashboard.reports.no_data')}</Empty> : (
        <Chart option={barOption(distributions.resolution.map(bandLabel), series, ` ${t('dashboard.reports.tickets')}`)} label={t('dashboard.reports.distribution.label')} />
      )}
    </Panel>
  );
}

/** A table that becomes one card per row on a phone, each cell labelled with its column. */
function CardTable(props: { caption: string; columns: string[]; rows: { key: string; cells: string[] }[] }) {
  return (
    <div {...scrollRegion(props.caption)}>
      <table className="card-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead><tr>{props.columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr></thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => <td key={props.columns[i]} data-label={props.columns[i]} className={i === 0 ? 'title-cell' : undefined}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Agents ranked by resolved work, with their median times, first-contact resolution and CSAT. */
export function Leaderboard(props: { metrics: Metrics; query: Record<string, string> }) {
  const { t, locale } = useI18n();
  const columns = ['agent', 'resolved', 'first_response', 'resolution', 'fcr', 'csat', 'ratings'].map((c) => t(`dashboard.reports.leaderboard.${c}`));
  const rows = props.metrics.leaderboard.map((r) => ({
    key: r.agent_id,
    cells: [r.name, String(r.resolved), formatSeconds(r.first_response_s.median, locale), formatSeconds(r.resolution_s.median, locale),
      formatRatio(r.first_contact_resolution), r.csat.average === null ? '—' : r.csat.average.toFixed(1), String(r.csat.responses)],
  }));
  return (
    <Panel title={t('dashboard.reports.leaderboard.title')} actions={<Csv query={props.query} table="leaderboard" name={t('dashboard.reports.leaderboard.table')} />}>
      {rows.length === 0 ? <Empty>{t('dashboard.reports.no_data')}</Empty> : <CardTable caption={t('dashboard.reports.leaderboard.title')} columns={columns} rows={rows} />}
    </Panel>
  );
}

/** Of the resolved tickets held to an SLA, how many met each policy's each target. */
export function SlaTargets(props: { metrics: Metrics; query: Record<string, string> }) {
  const { t } = useI18n();
  const columns = ['policy', 'target', 'held', 'met', 'attained'].map((c) => t(`dashboard.reports.sla.${c}`));
  const rows = props.metrics.sla_targets.map((r) => ({
    key: `${r.policy_id}:${r.metric}`,
    cells: [r.policy_name, t(`dashboard.reports.sla.metric.${r.metric}`), String(r.held), String(r.met), formatRatio(r.attained)],
  }));
  return (
    <Panel title={t('dashboard.reports.sla.title')} actions={<Csv query={props.query} table="sla_targets" name={t('dashboard.reports.sla.table')} />}>
      {rows.length === 0 ? <Empty>{t('dashboard.reports.no_data')}</Empty> : <CardTable caption={t('dashboard.reports.sla.title')} columns={columns} rows={rows} />}
    </Panel>
  );
}
