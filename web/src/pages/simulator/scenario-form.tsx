import { useId, type FormEvent } from 'react';
import { CHANNELS } from '../../lib/format';
import type { PolicyIssue, PolicyVersion } from '../../lib/types';
import { AgentGroups } from './agent-groups';
import { FieldIssues, InputField } from './form-fields';
import { PolicyChoiceField } from './policy-choice';
import type { ScenarioForm as Form } from './scenario';
import { useI18n } from '../../lib/i18n-provider';

const DISTRIBUTIONS = ['exponential', 'lognormal', 'constant', 'history'] as const;

/** The scenario: arrivals, handle and patience times, the roster, and the policies to compare. */
export function ScenarioForm(props: {
  form: Form;
  versions: PolicyVersion[];
  issues: Map<string, PolicyIssue[]>;
  running: boolean;
  draftNote: string | null;
  onChange(form: Form): void;
  onRun(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const { form, issues } = props;
  const set = (change: Partial<Form>) => props.onChange({ ...form, ...change });
  const history = form.arrivals === 'history';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onRun();
  };
  return (
    <form className="sim-form" aria-label={t('dashboard.simulator_page.scenario')} onSubmit={submit}>
      <fieldset className="sim-block">
        <legend>{t('dashboard.simulator_page.arrivals')}</legend>
        <fieldset className="inline" aria-label={t('dashboard.simulator_page.arrivals_source')}>
          <label><input type="radio" name={`${id}-arrivals`} checked={!history} onChange={() => set({ arrivals: 'poisson', handleDist: form.handleDist === 'history' ? 'exponential' : form.handleDist })} /> {t('dashboard.simulator_page.arrivals_poisson')}</label>
          <label><input type="radio" name={`${id}-arrivals`} checked={history} onChange={() => set({ arrivals: 'history', handleDist: 'history' })} /> {t('dashboard.simulator_page.arrivals_history')}</label>
        </fieldset>
        <div className="form-grid">
          {history ? (
            <>
              <InputField id={`${id}-from`} type="datetime-local" label={t('dashboard.simulator_page.history_from')} required value={form.historyFrom} issues={issues.get('historyFrom')} onChange={(historyFrom) => set({ historyFrom })} />
              <InputField id={`${id}-to`} type="datetime-local" label={t('dashboard.simulator_page.history_to')} required value={form.historyTo} issues={issues.get('historyTo')} onChange={(historyTo) => set({ historyTo })} hint={t('dashboard.simulator_page.history_hint')} />
            </>
          ) : (
            <>
              <InputField id={`${id}-rate`} label={t('dashboard.simulator_page.rate')} value={form.rate} issues={issues.get('rate')} onChange={(rate) => set({ rate })} />
              <InputField id={`${id}-duration`} label={t('dashboard.simulator_page.duration')} value={form.durationHours} issues={issues.get('durationHours')} onChange={(durationHours) => set({ durationHours })} />
              <InputField id={`${id}-hourly`} type="text" className="span-all" label={t('dashboard.simulator_page.hourly')} value={form.hourly} issues={issues.get('hourly')}
                hint={t('dashboard.simulator_page.hourly_hint')} onChange={(hourly) => set({ hourly })} />
            </>
          )}
          <div className="field">
            <label htmlFor={`${id}-channel`}>{t('dashboard.simulator_page.channel')}</label>
            <select id={`${id}-channel`} value={form.channel} onChange={(event) => set({ channel: event.target.value })}>
              {CHANNELS.map((c) => <option key={c} value={c}>{t(`dashboard.new_ticket.channel_${c}`)}</option>)}
            </select>
            <FieldIssues id={`${id}-channel-error`} issues={issues.get('channel')} />
          </div>
        </div>
      </fieldset>
      <fieldset className="sim-block">
        <legend>{t('dashboard.simulator_page.handling')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-dist`}>{t('dashboard.simulator_page.handle_time')}</label>
            <select id={`${id}-dist`} value={form.handleDist} onChange={(event) => set({ handleDist: event.target.value as Form['handleDist'] })}>
              {DISTRIBUTIONS.filter((d) => history || d !== 'history').map((d) => <option key={d} value={d}>{t(`dashboard.simulator_page.dist_${d}`)}</option>)}
            </select>
          </div>
          {form.handleDist === 'history' ? null : (
            <InputField id={`${id}-mean`} label={t(form.handleDist === 'constant' ? 'dashboard.simulator_page.handle_constant' : 'dashboard.simulator_page.handle_mean')} value={form.handleMean} issues={issues.get('handleMean')} onChange={(handleMean) => set({ handleMean })} />
          )}
          {form.handleDist === 'lognormal' ? (
            <InputField id={`${id}-sd`} label={t('dashboard.simulator_page.handle_sd')} value={form.handleSd} issues={issues.get('handleSd')} onChange={(handleSd) => set({ handleSd })} hint={t('dashboard.simulator_page.handle_sd_hint')} />
          ) : null}
          <InputField id={`${id}-patience`} label={t('dashboard.simulator_page.patience')} value={form.patience} issues={issues.get('patience')} onChange={(patience) => set({ patience })} hint={t('dashboard.simulator_page.patience_hint')} />
          <InputField id={`${id}-sl`} label={t('dashboard.simulator_page.service_level_threshold')} value={form.serviceLevel} issues={issues.get('serviceLevel')} onChange={(serviceLevel) => set({ serviceLevel })} />
          <InputField id={`${id}-seed`} label={t('dashboard.simulator_page.seed')} step="1" value={form.seed} issues={issues.get('seed')} onChange={(seed) => set({ seed })} hint={t('dashboard.simulator_page.seed_hint')} />
        </div>
      </fieldset>
      <AgentGroups groups={form.agents} issues={issues} onChange={(agents) => set({ agents })} />
      <fieldset className="sim-block">
        <legend>{t('dashboard.simulator_page.policies')}</legend>
        <div className="sim-policies">
          <PolicyChoiceField side="A" choice={form.a} versions={props.versions} issues={issues.get('a')} onChange={(a) => set({ a })} />
          <PolicyChoiceField side="B" choice={form.b} versions={props.versions} issues={issues.get('b')} note={props.draftNote ?? undefined} onChange={(b) => set({ b })} />
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={props.running}>{t('dashboard.simulator_page.run')}</button>
        {props.running ? <button type="button" onClick={props.onCancel}>{t('dashboard.simulator_page.cancel')}</button> : null}
      </div>
    </form>
  );
}
