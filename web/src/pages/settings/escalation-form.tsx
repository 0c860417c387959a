import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage, Field, IssueList } from '../../components/ui';
import { useI18n } from '../../lib/i18n-provider';
import { detailIssues } from '../../lib/issues';
import { useSession } from '../../lib/session';
import type { PolicyIssue } from '../../lib/types';
import { useAgents } from '../../lib/use-agents';
import { ExpressionInput } from '../policy/expression-input';
import { issuesByPath, removeAt, replaceAt } from '../policy/policy-draft';
import { useSubmit } from './use-submit';
import { ROLES, type Role } from '../../../../src/domain/auth/roles';
import type { EscalationDocument, LevelDocument, PartyDocument, TriggerDocument } from '../../../../src/domain/escalation/escalation-config';

const LEVELS = [1, 2, 3];

const partyKey = (party: PartyDocument) => ('agent' in party ? `agent:${party.agent}` : `role:${party.role}`);
const partyOf = (key: string): PartyDocument => (key.startsWith('agent:')
  ? { agent: key.slice('agent:'.length) } : { role: key.slice('role:'.length) as Role });

/** The parties a level may name: every role, then every agent. */
function PartyOptions() {
  const { t } = useI18n();
  const { agents } = useAgents();
  return (
    <>
      {ROLES.map((role) => <option key={role} value={`role:${role}`}>{t('dashboard.settings_pages.escalation.role', { role })}</option>)}
      {agents.map((agent) => <option key={agent.id} value={`agent:${agent.id}`}>{agent.name}</option>)}
    </>
  );
}

/** One level of the RACI: its number, name, queue, owner, and who is consulted and informed. */
function LevelEditor(props: { index: number; level: LevelDocument; issues: Map<string, PolicyIssue>; onChange(level: LevelDocument | null): void }) {
  const { t } = useI18n();
  const id = useId();
  const { level, index } = props;
  const path = `/levels/${index}`;
  const invalid = (field: string) => (props.issues.has(`${path}/${field}`) ? true : undefined);
  const set = (change: Partial<LevelDocument>) => props.onChange({ ...level, ...change });
  const many = (select: HTMLSelectElement) => [...select.selectedOptions].map((option) => partyOf(option.value));
  return (
    <fieldset className="policy-item escalation-row">
      <legend>{t('dashboard.escalation_level', { level: level.level })}{level.name ? ` · ${level.name}` : ''}</legend>
      <Field id={`${id}-level`} label={t('dashboard.settings_pages.common.level')}>
        <select id={`${id}-level`} value={level.level} aria-invalid={invalid('level')} onChange={(e) => set({ level: Number(e.target.value) })}>
          {LEVELS.map((n) => <option key={n} value={n}>{t('dashboard.escalation_level', { level: n })}</option>)}
        </select>
      </Field>
      <Field id={`${id}-name`} label={t('dashboard.settings_pages.common.name')}>
        <input id={`${id}-name`} value={level.name ?? ''} onChange={(e) => set({ name: e.target.value || undefined })} />
      </Field>
      <Field id={`${id}-queue`} label={t('dashboard.settings_pages.escalation.responsible')}>
        <input id={`${id}-queue`} className="code" value={level.queue} aria-invalid={invalid('queue')} onChange={(e) => set({ queue: e.target.value })} />
      </Field>
      <Field id={`${id}-owner`} label={t('dashboard.settings_pages.escalation.accountable')}>
        <select id={`${id}-owner`} value={partyKey(level.owner)} aria-invalid={invalid('owner')} onChange={(e) => set({ owner: partyOf(e.target.value) })}><PartyOptions /></select>
      </Field>
      <Field id={`${id}-consulted`} label={t('dashboard.settings_pages.escalation.consulted')}>
        <select id={`${id}-consulted`} multiple size={3} value={(level.consulted ?? []).map(partyKey)} onChange={(e) => set({ consulted: many(e.target) })}><PartyOptions /></select>
      </Field>
      <Field id={`${id}-informed`} label={t('dashboard.settings_pages.escalation.informed')}>
        <select id={`${id}-informed`} multiple size={3} value={(level.informed ?? []).map(partyKey)} onChange={(e) => set({ informed: many(e.target) })}><PartyOptions /></select>
      </Field>
      <button type="button" className="icon-button" aria-label={t('dashboard.settings_pages.escalation.remove_level', { level: level.level })} onClick={() => props.onChange(null)}>✕</button>
    </fieldset>
  );
}

/** One trigger: a preset or an own condition, the level it escalates to, its reason, on or off. */
function TriggerEditor(props: { index: number; trigger: TriggerDocument; presets: string[]; issues: Map<string, PolicyIssue>; onChange(trigger: TriggerDocument | null): void }) {
  const { t } = useI18n();
  const id = useId();
  const { trigger, index } = props;
  const path = `/triggers/${index}`;
  const set = (change: Partial<TriggerDocument>) => props.onChange({ ...trigger, ...change });
  const choosePreset = (preset: string) => (preset
    ? set({ preset: preset as TriggerDocument['preset'], when: undefined })
    : set({ preset: undefined, params: undefined, when: trigger.when ?? '' }));
  return (
    <fieldset className="policy-item escalation-row">
      <legend>{trigger.name || t('dashboard.settings_pages.escalation.trigger_number', { number: index + 1 })}</legend>
      <Field id={`${id}-name`} label={t('dashboard.settings_pages.common.name')}>
        <input id={`${id}-name`} value={trigger.name} aria-invalid={props.issues.has(`${path}/name`) ? true : undefined} onChange={(e) => set({ name: e.target.value })} />
      </Field>
      <Field id={`${id}-preset`} label={t('dashboard.settings_pages.escalation.preset_label')}>
        <select id={`${id}-preset`} value={trigger.preset ?? ''} onChange={(e) => choosePreset(e.target.value)}>
          <option value="">{t('dashboard.settings_pages.escalation.own_condition')}</option>
          {[...new Set([...(trigger.preset ? [trigger.preset] : []), ...props.presets])].map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </Field>
      <Field id={`${id}-to`} label={t('dashboard.settings_pages.escalation.escalates_to')}>
        <select id={`${id}-to`} value={trigger.level ?? 1} onChange={(e) => set({ level: Number(e.target.value) })}>
          {LEVELS.map((n) => <option key={n} value={n}>{t('dashboard.escalation_level', { level: n })}</option>)}
        </select>
      </Field>
      <Field id={`${id}-reason`} label={t('dashboard.settings_pages.escalation.reason')}>
        <input id={`${id}-reason`} value={trigger.reason ?? ''} onChange={(e) => set({ reason: e.target.value || undefined })} />
      </Field>
      <div className="field checkbox-field">
        <label><input type="checkbox" checked={trigger.enabled !== false} onChange={(e) => set({ enabled: e.target.checked })} /> {t('dashboard.settings_pages.escalation.enabled')}</label>
      </div>
      <button type="button" className="icon-button" aria-label={t('dashboard.settings_pages.escalation.remove_trigger', { name: trigger.name })} onClick={() => props.onChange(null)}>✕</button>
      {trigger.preset ? null : (
        <ExpressionInput id={`${id}-when`} label={t('dashboard.settings_pages.escalation.condition')} value={trigger.when ?? ''} issue={props.issues.get(`${path}/when`)}
          place={{ scope: 'workflow' }} onChange={(when) => set({ when })} />
      )}
    </fieldset>
  );
}

type Rest = Omit<EscalationDocument, 'levels' | 'triggers'>;

/**
 * The escalation config as PUT /v1/escalation takes it: a row per level and per trigger (a
 * trigger's own condition in the expression editor), and the categories, thresholds and checks,
 * which are free-form maps, as JSON. The server checks it whole and names each mistake's path.
 */
export function EscalationForm(props: { start: EscalationDocument; presets: string[]; onSaved(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const { levels: startLevels, triggers: startTriggers, ...startRest } = props.start;
  const [levels, setLevels] = useState(startLevels);
  const [triggers, setTriggers] = useState(startTriggers);
  const [rest, setRest] = useState(JSON.stringify(startRest, null, 2));
  const save = useSubmit();
  const issues = detailIssues(save.error);
  const byPath = issuesByPath(issues);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await save.submit(async () => api.put('/v1/escalation', { ...(JSON.parse(rest) as Rest), levels, triggers }), t('dashboard.settings_pages.escalation.saved'));
    if (ok) props.onSaved();
  };
  const nextLevel = LEVELS.find((n) => !levels.some((l) => l.level === n)) ?? 1;
  return (
    <form className="panel form-stack" onSubmit={submit} aria-label={t('dashboard.settings_pages.escalation.edit_title')}>
      <h2>{t('dashboard.settings_pages.escalation.edit_title')}</h2>
      <h3>{t('dashboard.settings_pages.escalation.levels')}</h3>
      {levels.map((level, index) => (
        <LevelEditor key={index} index={index} level={level} issues={byPath}
          onChange={(changed) => setLevels(changed ? replaceAt(levels, index, changed) : removeAt(levels, index))} />
      ))}
      {levels.length < LEVELS.length ? (
        <div><button type="button" onClick={() => setLevels([...levels, { level: nextLevel, queue: '', owner: { role: 'supervisor' } }])}>{t('dashboard.settings_pages.escalation.add_level')}</button></div>
      ) : null}
      <h3>{t('dashboard.settings_pages.escalation.triggers')}</h3>
      {triggers.map((trigger, index) => (
        <TriggerEditor key={index} index={index} trigger={trigger} presets={props.presets} issues={byPath}
          onChange={(changed) => setTriggers(changed ? replaceAt(triggers, index, changed) : removeAt(triggers, index))} />
      ))}
      <div><button type="button" onClick={() => setTriggers([...triggers, { name: '', when: '' }])}>{t('dashboard.settings_pages.escalation.add_trigger')}</button></div>
      <Field id={`${id}-rest`} label={t('dashboard.settings_pages.escalation.rest_json')} hint={t('dashboard.settings_pages.escalation.hint')}>
        <textarea id={`${id}-rest`} className="code" rows={6} spellCheck={false} value={rest} aria-describedby={`${id}-rest-hint`} onChange={(e) => setRest(e.target.value)} />
      </Field>
      {issues.length > 0 ? <IssueList issues={issues} /> : <ErrorMessage error={save.error} title={t('dashboard.settings_pages.common.not_saved')} />}
      {save.done ? <p className="notice" role="status">{save.done}</p> : null}
      <div className="button-row"><button type="submit" className="primary" disabled={save.busy}>{t('dashboard.settings_pages.escalation.save')}</button></div>
    </form>
  );
}
