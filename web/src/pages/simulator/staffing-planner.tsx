import { useMemo, useRef, useState } from 'react';
import type { Static } from 'typebox';
import { Chart } from '../../components/chart';
import { ErrorMessage, Panel, scrollRegion } from '../../components/ui';
import { formatSecondsFine } from '../../lib/format';
import { useI18n } from '../../lib/i18n-provider';
import { detailIssues } from '../../lib/issues';
import { useSession } from '../../lib/session';
// The answer's shape is the server's schema (types only: nothing of the server is bundled).
import type { StaffingPlanBody, StaffingPlanOutput } from '../../../../src/surfaces/wire/staffing/staffing-schemas';
import { timeOfDayAfter } from '../../../../src/domain/shared/time-of-day';
import { InputField } from './form-fields';

type StaffingPlan = Static<typeof StaffingPlanOutput>;
type TargetKind = 'service_level' | 'asa_s' | 'abandonment';

export interface PlannerForm {
  calls: string;
  start: string;
  interval: string;
  handle: string;
  patience: string;
  target: TargetKind;
  value: string;
  within: string;
  shrinkage: string;
  simulate: boolean;
}

const DEFAULT_PLANNER: PlannerForm = {
  calls: '120, 240, 360, 360, 300, 240, 180, 120', start: '08:00', interval: '30', handle: '240', patience: '',
  target: 'service_level', value: '80', within: '20', shrinkage: '30', simulate: true,
};

/** The request the form describes; shares are typed as percentages. */
function toRequest(form: PlannerForm): Static<typeof StaffingPlanBody> {
  const interval = Number(form.interval);
  const calls = form.calls.split(/[\s,;]+/).filter(Boolean).map(Number);
  const value = Number(form.value);
  const target = form.target === 'service_level' ? { service_level: value / 100, within_s: Number(form.within) }
    : form.target === 'asa_s' ? { asa_s: value } : { abandonment: value / 100 };
  return {
    interval_min: interval,
    intervals: calls.map((count, i) => ({ label: timeOfDayAfter(form.start, i * interval) ?? String(i + 1), calls: count })),
    handle_time: { dist: 'exponential', mean_s: Number(form.handle) },
    ...(form.patience.trim() ? { patience: { dist: 'exponential', mean_s: Number(form.patience) } } : {}),
    target,
    shrinkage: Number(form.shrinkage) / 100,
    check: { simulate: form.simulate },
  };
}

const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);

/**
 * The staffing planner: calls per interval and a target in, the fewest agents per interval out,
 * from Erlang C or A and checked by simulation on the server, as a table and a chart. `initial`
 * fills the form (from a calibrated scenario); the page remounts the planner to load another.
 */
export function StaffingPlanner(props: { initial?: Partial<PlannerForm> }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [form, setForm] = useState(() => ({ ...DEFAULT_PLANNER, ...props.initial }));
  const [plan, setPlan] = useState<StaffingPlan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const set = (change: Partial<PlannerForm>) => setForm((current) => ({ ...current, ...change }));

  const submit = async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setError(null);
    try {
      setPlan(await api.post<StaffingPlan>('/v1/staffing-plans', toRequest(form), abort.signal));
    } catch (failure) {
      if (!abort.signal.aborted) setError(failure);
    } finally {
      setRunning(false);
    }
  };
  const issues = detailIssues(error);

  return (
    <section aria-labelledby="staffing-heading" className="sim-results">
      <h2 id="staffing-heading">{t('dashboard.staffing.title')}</h2>
      <p className="muted">{t('dashboard.staffing.intro')}</p>
      <form className="sim-form" aria-label={t('dashboard.staffing.title')} onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <fieldset className="sim-block">
          <div className="form-grid">
            <InputField id="staffing-calls" type="text" className="span-all" label={t('dashboard.staffing.calls')} hint={t('dashboard.staffing.calls_hint')} value={form.calls} onChange={(calls) => set({ calls })} />
            <InputField id="staffing-start" type="text" label={t('dashboard.staffing.start')} value={form.start} onChange={(start) => set({ start })} />
            <div className="field">
              <label htmlFor="staffing-interval">{t('dashboard.staffing.interval')}</label>
              <select id="staffing-interval" value={form.interval} onChange={(event) => set({ interval: event.target.value })}>
                {['15', '30', '60'].map((minutes) => <option key={minutes} value={minutes}>{t('dashboard.simulator_page.minutes', { minutes })}</option>)}
              </select>
            </div>
            <InputField id="staffing-handle" label={t('dashboard.staffing.handle')} value={form.handle} onChange={(handle) => set({ handle })} />
            <InputField id="staffing-patience" label={t('dashboard.staffing.patience')} hint={t('dashboard.staffing.patience_hint')} value={form.patience} onChange={(patience) => set({ patience })} />
            <div className="field">
              <label htmlFor="staffing-target">{t('dashboard.staffing.target')}</label>
              <select id="staffing-target" value={form.target} onChange={(event) => set({ target: event.target.value as TargetKind })}>
                <option value="service_level">{t('dashboard.staffing.target_service_level')}</option>
                <option value="asa_s">{t('dashboard.staffing.target_asa')}</option>
                <option value="abandonment">{t('dashboard.staffing.target_abandonment')}</option>
              </select>
            </div>
            <InputField id="staffing-value" label={t(`dashboard.staffing.value_${form.target}`)} value={form.value} onChange={(value) => set({ value })} />
            {form.target === 'service_level'
              ? <InputField id="staffing-within" label={t('dashboard.staffing.within')} value={form.within} onChange={(within) => set({ within })} /> : null}
            <InputField id="staffing-shrinkage" label={t('dashboard.staffing.shrinkage')} value={form.shrinkage} onChange={(shrinkage) => set({ shrinkage })} />
            <div className="field">
              <label><input type="checkbox" checked={form.simulate} onChange={(event) => set({ simulate: event.target.checked })} /> {t('dashboard.staffing.simulate')}</label>
            </div>
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="primary" disabled={running}>{running ? t('dashboard.staffing.planning') : t('dashboard.staffing.plan')}</button>
        </div>
      </form>
      {issues.length > 0
        ? <div className="error" role="alert"><ul>{issues.map((i) => <li key={`${i.path}:${i.message}`}><code>{i.path || '/'}</code>: {i.message}</li>)}</ul></div>
        : <ErrorMessage error={error} title={t('dashboard.staffing.failed')} />}
      {plan ? <PlanView plan={plan} /> : null}
    </section>
  );
}

function PlanView(props: { plan: StaffingPlan }) {
  const { t, locale } = useI18n();
  const seconds = (x: number | null | undefined) => formatSecondsFine(x, locale);
  const { plan } = props;
  const model = plan.model === 'erlang_a' ? 'Erlang A' : 'Erlang C';
  const option = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 48, top: 16, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: plan.intervals.map((i) => i.label) },
    yAxis: [{ type: 'value', name: t('dashboard.staffing.agents') }, { type: 'value', name: t('dashboard.staffing.calls_short') }],
    series: [
      { name: model, type: 'bar', data: plan.intervals.map((i) => i.erlang?.agents ?? null) },
      ...(plan.checked ? [{ name: t('dashboard.staffing.simulated'), type: 'bar', data: plan.intervals.map((i) => i.simulated?.agents ?? null) }] : []),
      { name: t('dashboard.staffing.rostered'), type: 'bar', data: plan.intervals.map((i) => i.scheduled) },
      { name: t('dashboard.staffing.calls_short'), type: 'line', yAxisIndex: 1, data: plan.intervals.map((i) => i.calls) },
    ],
  }), [plan, model, t]);
  return (
    <>
      <Panel title={t('dashboard.staffing.chart')}><Chart option={option} label={t('dashboard.staffing.chart_label')} /></Panel>
      <Panel title={t('dashboard.staffing.table')}>
        <div {...scrollRegion(t('dashboard.staffing.table'))}>
          <table className="sim-table" data-testid="staffing-table">
            <thead>
              <tr>
                {[t('dashboard.staffing.interval'), t('dashboard.staffing.calls_short'), model, ...(plan.checked ? [t('dashboard.staffing.simulated')] : []),
                  t('dashboard.staffing.rostered'), t('dashboard.staffing.service_level'), 'ASA', t('dashboard.staffing.abandonment'), t('dashboard.staffing.occupancy')]
                  .map((label) => <th key={label} scope="col">{label}</th>)}
              </tr>
            </thead>
            <tbody>
              {plan.intervals.map((i) => {
                const figures = (i.simulated ?? i.erlang)?.figures ?? null;
                return (
                  <tr key={i.label}>
                    <th scope="row">{i.label}</th><td>{i.calls}</td><td>{i.erlang?.agents ?? '—'}</td>
                    {plan.checked ? <td>{i.simulated?.agents ?? '—'}</td> : null}
                    <td>{i.scheduled ?? '—'}</td><td>{percent(figures?.service_level)}</td><td>{seconds(figures?.asa_s)}</td>
                    <td>{percent(figures?.abandonment)}</td><td>{percent(figures?.occupancy)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="muted">{t('dashboard.staffing.totals', { agents: plan.agent_hours?.toFixed(1) ?? '—', rostered: plan.scheduled_hours?.toFixed(1) ?? '—' })}</p>
      </Panel>
    </>
  );
}
