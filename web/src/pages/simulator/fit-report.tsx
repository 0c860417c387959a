import { useMemo } from 'react';
import { Chart, lineOption } from '../../components/chart';
import { Empty, Panel, scrollRegion } from '../../components/ui';
import { formatSecondsFine } from '../../lib/format';
import { useI18n } from '../../lib/i18n-provider';
// The report's shape is the server's answer schema (types only: nothing of the server is bundled).
import type { Static } from 'typebox';
import type { CalibrationOutput } from '../../../../src/surfaces/wire/simulation/calibration-schemas';

export type FitReport = Static<typeof CalibrationOutput>['fit'];
type Compared = FitReport['totals']['asa_s'];

const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
const whole = (x: number | null) => (x === null ? '—' : x.toLocaleString());
const signed = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} %`);
const tenths = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** "2026-02-02T10:30:00.000Z" as "02-02 10:30" (the log's own clock, UTC). */
const label = (start: string) => `${start.slice(5, 10)} ${start.slice(11, 16)}`;

/** A per-interval chart of one figure, log against simulated, or a "no data" note when neither has a value. */
function PerIntervalChart(props: { title: string; label: string; intervals: FitReport['intervals']; pick(i: FitReport['intervals'][number]): Compared; scale: number; unit: string }) {
  const { t } = useI18n();
  const { intervals, pick, scale, unit } = props;
  const series = useMemo(() => [
    { name: t('dashboard.simulator_page.fit.log'), values: intervals.map((i) => tenths(pick(i).history === null ? null : pick(i).history! * scale)) },
    { name: t('dashboard.simulator_page.fit.simulated'), values: intervals.map((i) => tenths(pick(i).simulated === null ? null : pick(i).simulated! * scale)) },
  ], [intervals, pick, scale, t]);
  const option = useMemo(() => lineOption(intervals.map((i) => label(i.start)), series, unit), [intervals, series, unit]);
  const empty = series.every((s) => s.values.every((value) => value === null));
  return <Panel title={props.title}>{empty ? <Empty>{t('dashboard.simulator_page.fit.no_data')}</Empty> : <Chart option={option} label={props.label} />}</Panel>;
}

const pickAsa = (i: FitReport['intervals'][number]) => i.asa_s;
const pickAbandonment = (i: FitReport['intervals'][number]) => i.abandonment_of_queued;

/** How closely a calibrated scenario reproduces its history: totals with relative errors, then ASA and abandonment among queued per interval. */
export function FitReportView(props: { fit: FitReport }) {
  const { t, locale } = useI18n();
  const seconds = (x: number | null) => formatSecondsFine(x, locale);
  const k = (key: string, values?: Record<string, string | number>) => t(`dashboard.simulator_page.fit.${key}`, values);
  const { totals, intervals, weighted_mean_absolute_error: error } = props.fit;
  const rows: [string, Compared, (x: number | null) => string][] = [
    [t('dashboard.simulator_page.offered'), totals.offered, whole],
    [t('dashboard.simulator_page.answered'), totals.answered, whole],
    [t('dashboard.simulator_page.abandoned'), totals.abandoned, whole],
    [t('dashboard.simulator_page.asa'), totals.asa_s, seconds],
    [t('dashboard.simulator_page.abandonment_queued'), totals.abandonment_of_queued, percent],
  ];
  return (
    <>
      <Panel title={k('totals')}>
        <div {...scrollRegion(k('totals'))}>
          <table className="sim-table" data-testid="fit-totals">
            <thead><tr><th scope="col">{t('dashboard.simulator_page.figure')}</th><th scope="col">{k('log')}</th><th scope="col">{k('simulated')}</th><th scope="col">{k('relative_error')}</th></tr></thead>
            <tbody>
              {rows.map(([name, figure, format]) => (
                <tr key={name}><th scope="row">{name}</th><td>{format(figure.history)}</td><td>{format(figure.simulated)}</td><td>{signed(figure.relative_error)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{k('weighted_error', { asa: seconds(error.asa_s), abandonment: percent(error.abandonment_of_queued) })}</p>
      </Panel>
      <div className="grid grid-2">
        <PerIntervalChart title={k('asa_chart')} label={k('asa_chart_label')} intervals={intervals} pick={pickAsa} scale={1} unit=" s" />
        <PerIntervalChart title={k('abandonment_chart')} label={k('abandonment_chart_label')} intervals={intervals} pick={pickAbandonment} scale={100} unit=" %" />
      </div>
      <Panel title={k('per_interval')}>
        {intervals.length === 0 ? <Empty>{k('no_data')}</Empty> : (
          <div {...scrollRegion(k('per_interval'))}>
            <table className="sim-table" data-testid="fit-intervals">
              <thead>
                <tr>
                  <th scope="col">{k('interval')}</th><th scope="col">{k('offered_pair')}</th><th scope="col">{k('asa_pair')}</th><th scope="col">{k('abandonment_pair')}</th>
                </tr>
              </thead>
              <tbody>
                {intervals.map((i) => (
                  <tr key={i.start}>
                    <th scope="row">{label(i.start)}</th><td>{whole(i.offered.history)} / {whole(i.offered.simulated)}</td>
                    <td>{seconds(i.asa_s.history)} / {seconds(i.asa_s.simulated)}</td>
                    <td>{percent(i.abandonment_of_queued.history)} / {percent(i.abandonment_of_queued.simulated)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </>
  );
}
