import { useId, type FormEvent } from 'react';
import { CHANNELS } from '../../lib/format';
import type { PolicyIssue, PolicyVersion } from '../../lib/types';
import { AgentGroups } from './agent-groups';
import { FieldIssues, InputField } from './form-fields';
import { PolicyChoiceField } from './policy-choice';
import type { ScenarioForm as Form } from './scenario';

const DISTRIBUTIONS = { exponential: 'Exponential', lognormal: 'Lognormal', constant: 'Constant', history: 'From history (resolved tickets)' } as const;

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
  const id = useId();
  const { form, issues } = props;
  const set = (change: Partial<Form>) => props.onChange({ ...form, ...change });
  const history = form.arrivals === 'history';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onRun();
  };
  return (
    <form className="sim-form" aria-label="Scenario" onSubmit={submit}>
      <fieldset className="sim-block">
        <legend>Arrivals</legend>
        <fieldset className="inline" aria-label="Where arrivals come from">
          <label><input type="radio" name={`${id}-arrivals`} checked={!history} onChange={() => set({ arrivals: 'poisson', handleDist: form.handleDist === 'history' ? 'exponential' : form.handleDist })} /> Random (Poisson)</label>
          <label><input type="radio" name={`${id}-arrivals`} checked={history} onChange={() => set({ arrivals: 'history', handleDist: 'history' })} /> Replay this workspace's tickets</label>
        </fieldset>
        <div className="form-grid">
          {history ? (
            <>
              <InputField id={`${id}-from`} type="datetime-local" label="History from" required value={form.historyFrom} issues={issues.get('historyFrom')} onChange={(historyFrom) => set({ historyFrom })} />
              <InputField id={`${id}-to`} type="datetime-local" label="History to" required value={form.historyTo} issues={issues.get('historyTo')} onChange={(historyTo) => set({ historyTo })} hint="the tickets created in this window arrive again" />
            </>
          ) : (
            <>
              <InputField id={`${id}-rate`} label="Arrivals per hour" value={form.rate} issues={issues.get('rate')} onChange={(rate) => set({ rate })} />
              <InputField id={`${id}-duration`} label="Duration (hours)" value={form.durationHours} issues={issues.get('durationHours')} onChange={(durationHours) => set({ durationHours })} />
              <InputField id={`${id}-hourly`} type="text" className="span-all" label="Hourly profile (optional)" value={form.hourly} issues={issues.get('hourly')}
                hint="24 multipliers of the rate, midnight first, separated by commas or spaces" onChange={(hourly) => set({ hourly })} />
            </>
          )}
          <div className="field">
            <label htmlFor={`${id}-channel`}>Channel</label>
            <select id={`${id}-channel`} value={form.channel} onChange={(event) => set({ channel: event.target.value })}>
              {CHANNELS.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
            <FieldIssues id={`${id}-channel-error`} issues={issues.get('channel')} />
          </div>
        </div>
      </fieldset>
      <fieldset className="sim-block">
        <legend>Handling and waiting</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-dist`}>Handle time</label>
            <select id={`${id}-dist`} value={form.handleDist} onChange={(event) => set({ handleDist: event.target.value as Form['handleDist'] })}>
              {Object.entries(DISTRIBUTIONS).filter(([d]) => history || d !== 'history').map(([d, label]) => <option key={d} value={d}>{label}</option>)}
            </select>
          </div>
          {form.handleDist === 'history' ? null : (
            <InputField id={`${id}-mean`} label={form.handleDist === 'constant' ? 'Handle time (seconds)' : 'Mean handle time (seconds)'} value={form.handleMean} issues={issues.get('handleMean')} onChange={(handleMean) => set({ handleMean })} />
          )}
          {form.handleDist === 'lognormal' ? (
            <InputField id={`${id}-sd`} label="Standard deviation (seconds)" value={form.handleSd} issues={issues.get('handleSd')} onChange={(handleSd) => set({ handleSd })} hint="empty: the mean" />
          ) : null}
          <InputField id={`${id}-patience`} label="Mean patience (seconds)" value={form.patience} issues={issues.get('patience')} onChange={(patience) => set({ patience })} hint="exponential; empty: nobody hangs up" />
          <InputField id={`${id}-sl`} label="Service-level threshold (seconds)" value={form.serviceLevel} issues={issues.get('serviceLevel')} onChange={(serviceLevel) => set({ serviceLevel })} />
          <InputField id={`${id}-seed`} label="Seed" step="1" value={form.seed} issues={issues.get('seed')} onChange={(seed) => set({ seed })} hint="the same seed gives the same run" />
        </div>
      </fieldset>
      <AgentGroups groups={form.agents} issues={issues} onChange={(agents) => set({ agents })} />
      <fieldset className="sim-block">
        <legend>Policies to compare</legend>
        <div className="sim-policies">
          <PolicyChoiceField side="A" choice={form.a} versions={props.versions} issues={issues.get('a')} onChange={(a) => set({ a })} />
          <PolicyChoiceField side="B" choice={form.b} versions={props.versions} issues={issues.get('b')} note={props.draftNote ?? undefined} onChange={(b) => set({ b })} />
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={props.running}>Run simulation</button>
        {props.running ? <button type="button" onClick={props.onCancel}>Cancel</button> : null}
      </div>
    </form>
  );
}
