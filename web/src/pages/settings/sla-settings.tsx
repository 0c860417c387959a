import { useId, useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, Field, Panel, scrollRegion } from '../../components/ui';
import { listAll } from '../../lib/api';
import { PRIORITIES } from '../../lib/format';
import type { Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-provider';
import { useSession } from '../../lib/session';
import type { PolicyIssue } from '../../lib/types';
import { useResource } from '../../lib/use-resource';
import { ExpressionInput } from '../policy/expression-input';
import { issuesByPath } from '../policy/policy-draft';
import { policyIssues } from '../policy/use-policy-check';
import { useSubmit } from './use-submit';
import type { Static } from 'typebox';
import type { BusinessHoursOutput, SlaPolicyOutput } from '../../../../src/surfaces/wire/sla/sla-schemas';

const METRICS = ['first_response', 'next_response', 'periodic_update', 'resolution'] as const;
type SlaPolicy = Static<typeof SlaPolicyOutput>;
type Targets = SlaPolicy['targets'];

type Calendar = Pick<Static<typeof BusinessHoursOutput>, 'id' | 'name'>;

interface Draft {
  name: string;
  condition: string;
  warnAt: string;
  hours: string;
  minutes: Record<string, string>;
}

const cell = (priority: string, metric: string) => `${priority}.${metric}`;

function draftOf(policy: SlaPolicy | null): Draft {
  const minutes: Record<string, string> = {};
  let hours = '';
  for (const [priority, metrics] of Object.entries(policy?.targets ?? {})) {
    for (const [metric, target] of Object.entries(metrics)) {
      minutes[cell(priority, metric)] = String(target.minutes);
      hours = target.business_hours ?? hours;
    }
  }
  return { name: policy?.name ?? '', condition: policy?.condition ?? 'true', warnAt: String(policy?.warn_at ?? 0.75), hours, minutes };
}

function bodyOf(draft: Draft) {
  const targets: Targets = {};
  for (const priority of PRIORITIES) {
    for (const metric of METRICS) {
      const value = draft.minutes[cell(priority, metric)];
      if (!value) continue;
      targets[priority] ??= {};
      targets[priority][metric] = { minutes: Number(value), business_hours: draft.hours || null };
    }
  }
  return { name: draft.name, condition: draft.condition, warn_at: Number(draft.warnAt), targets };
}

function SlaForm(props: { editing: SlaPolicy | null; calendars: Calendar[]; onDone(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(props.editing));
  const save = useSubmit();
  const issues = issuesByPath((policyIssues(save.error) ?? []) as PolicyIssue[]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOf(draft);
    const ok = await save.submit(
      () => (props.editing ? api.put(`/v1/sla-policies/${props.editing.id}`, { ...body, version: props.editing.version }) : api.post('/v1/sla-policies', body)),
      t('dashboard.settings_pages.sla.saved'),
    );
    if (ok) props.onDone();
  };
  const title = props.editing ? t('dashboard.settings_pages.common.edit_named', { name: props.editing.name }) : t('dashboard.settings_pages.sla.add_title');
  return (
    <form className="panel" onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <div className="form-grid">
        <Field id={`${id}-name`} label={t('dashboard.settings_pages.common.name')}><input id={`${id}-name`} required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></Field>
        <Field id={`${id}-warn`} label={t('dashboard.settings_pages.sla.warn')}><input id={`${id}-warn`} type="number" step="0.05" min="0.05" max="0.95" value={draft.warnAt} onChange={(e) => setDraft({ ...draft, warnAt: e.target.value })} /></Field>
        <Field id={`${id}-hours`} label={t('dashboard.settings_pages.sla.counted_in')}>
          <select id={`${id}-hours`} value={draft.hours} onChange={(e) => setDraft({ ...draft, hours: e.target.value })}>
            <option value="">{t('dashboard.settings_pages.sla.calendar_time')}</option>
            {props.calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <div className="span-all">
          <ExpressionInput id={`${id}-condition`} label={t('dashboard.settings_pages.sla.applies_when')} value={draft.condition} issue={issues.get('/condition')} onChange={(condition) => setDraft({ ...draft, condition })} />
        </div>
      </div>
      <div {...scrollRegion(t('dashboard.settings_pages.sla.region'))}>
        <table>
          <caption className="visually-hidden">{t('dashboard.settings_pages.sla.caption')}</caption>
          <thead><tr><th scope="col">{t('dashboard.field.priority')}</th>{METRICS.map((m) => <th key={m} scope="col">{t('dashboard.settings_pages.sla.metric_column', { metric: t(`dashboard.settings_pages.sla.metric.${m}`) })}</th>)}</tr></thead>
          <tbody>
            {PRIORITIES.map((priority) => (
              <tr key={priority}>
                <th scope="row">{t(`dashboard.priority.${priority}`)}</th>
                {METRICS.map((metric) => (
                  <td key={metric}>
                    <input aria-label={t('dashboard.settings_pages.sla.cell', { priority: t(`dashboard.priority.${priority}`), metric: t(`dashboard.settings_pages.sla.metric.${metric}`) })} type="number" min="1" size={6} value={draft.minutes[cell(priority, metric)] ?? ''}
                      onChange={(e) => setDraft({ ...draft, minutes: { ...draft.minutes, [cell(priority, metric)]: e.target.value } })} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={save.error} title={t('dashboard.settings_pages.common.not_saved')} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={save.busy}>{t('dashboard.settings_pages.sla.save')}</button>
        {props.editing ? <button type="button" onClick={props.onDone}>{t('dashboard.settings_pages.common.cancel')}</button> : null}
      </div>
    </form>
  );
}

function summary(targets: Targets, t: Translate): string {
  return Object.entries(targets).map(([priority, metrics]) =>
    `${t(`dashboard.priority.${priority}`)}: ${Object.entries(metrics).map(([metric, target]) => t('dashboard.settings_pages.sla.target', { metric: t(`dashboard.settings_pages.sla.metric.${metric}`), minutes: String(target.minutes) })).join(', ')}`).join(' · ');
}

/** SLA policies, tried in order: each has a condition and targets per priority. */
export function SlaSettings() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState<SlaPolicy | null>(null);
  const policies = useResource(`sla:${reloads}`, () => listAll<SlaPolicy>(api, '/v1/sla-policies'));
  const calendars = useResource(`hours:${reloads}`, () => listAll<Calendar>(api, '/v1/business-hours'));
  const canWrite = can('sla:write');
  const done = () => {
    setEditing(null);
    setReloads((n) => n + 1);
  };
  return (
    <>
      {canWrite ? <SlaForm key={`${editing?.id ?? 'new'}:${reloads}`} editing={editing} calendars={calendars.data ?? []} onDone={done} /> : null}
      <Panel title={t('dashboard.settings_pages.sla.title')}>
        <ErrorMessage error={policies.error} />
        {policies.data?.length === 0 ? <Empty>{t('dashboard.settings_pages.sla.empty')}</Empty> : (
          <ol className="ticket-list">
            {policies.data?.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> <code>{p.condition}</code>
                <div className="muted">{summary(p.targets, t)} · {t('dashboard.settings_pages.sla.warns_at', { percent: String(Math.round(p.warn_at * 100)) })}</div>
                {canWrite ? <button type="button" onClick={() => setEditing(p)}>{t('dashboard.settings_pages.common.edit')}</button> : null}
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </>
  );
}
