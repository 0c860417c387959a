import { useId, useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, Field, Panel, scrollRegion } from '../../components/ui';
import { listAll } from '../../lib/api';
import { PRIORITIES, humanize } from '../../lib/format';
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
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(props.editing));
  const save = useSubmit();
  const issues = issuesByPath((policyIssues(save.error) ?? []) as PolicyIssue[]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOf(draft);
    const ok = await save.submit(
      () => (props.editing ? api.put(`/v1/sla-policies/${props.editing.id}`, { ...body, version: props.editing.version }) : api.post('/v1/sla-policies', body)),
      'SLA policy saved.',
    );
    if (ok) props.onDone();
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={props.editing ? `Edit ${props.editing.name}` : 'Add an SLA policy'}>
      <h2>{props.editing ? `Edit ${props.editing.name}` : 'Add an SLA policy'}</h2>
      <div className="form-grid">
        <Field id={`${id}-name`} label="Name"><input id={`${id}-name`} required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></Field>
        <Field id={`${id}-warn`} label="Warn at (share of the target)"><input id={`${id}-warn`} type="number" step="0.05" min="0.05" max="0.95" value={draft.warnAt} onChange={(e) => setDraft({ ...draft, warnAt: e.target.value })} /></Field>
        <Field id={`${id}-hours`} label="Counted in">
          <select id={`${id}-hours`} value={draft.hours} onChange={(e) => setDraft({ ...draft, hours: e.target.value })}>
            <option value="">calendar time (24/7)</option>
            {props.calendars.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <div className="span-all">
          <ExpressionInput id={`${id}-condition`} label="Applies when (over ticket; the first matching policy wins)" value={draft.condition} issue={issues.get('/condition')} onChange={(condition) => setDraft({ ...draft, condition })} />
        </div>
      </div>
      <div {...scrollRegion('SLA policies')}>
        <table>
          <caption className="visually-hidden">Targets in minutes per priority</caption>
          <thead><tr><th scope="col">Priority</th>{METRICS.map((m) => <th key={m} scope="col">{humanize(m)} (min)</th>)}</tr></thead>
          <tbody>
            {PRIORITIES.map((priority) => (
              <tr key={priority}>
                <th scope="row">{priority}</th>
                {METRICS.map((metric) => (
                  <td key={metric}>
                    <input aria-label={`${priority} ${humanize(metric)} minutes`} type="number" min="1" size={6} value={draft.minutes[cell(priority, metric)] ?? ''}
                      onChange={(e) => setDraft({ ...draft, minutes: { ...draft.minutes, [cell(priority, metric)]: e.target.value } })} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={save.error} title="Not saved" />
      <div className="button-row">
        <button type="submit" className="primary" disabled={save.busy}>Save SLA policy</button>
        {props.editing ? <button type="button" onClick={props.onDone}>Cancel</button> : null}
      </div>
    </form>
  );
}

function summary(targets: Targets): string {
  return Object.entries(targets).map(([priority, metrics]) =>
    `${priority}: ${Object.entries(metrics).map(([metric, t]) => `${humanize(metric)} ${t.minutes} min`).join(', ')}`).join(' · ');
}

/** SLA policies, tried in order: each has a condition and targets per priority. */
export function SlaSettings() {
  const { api, can } = useSession();
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
      <Panel title="SLA policies (first match wins)">
        <ErrorMessage error={policies.error} />
        {policies.data?.length === 0 ? <Empty>No SLA policy: tickets have no SLA clocks.</Empty> : (
          <ol className="ticket-list">
            {policies.data?.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> <code>{p.condition}</code>
                <div className="muted">{summary(p.targets)} · warns at {Math.round(p.warn_at * 100)} %</div>
                {canWrite ? <button type="button" onClick={() => setEditing(p)}>Edit</button> : null}
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </>
  );
}
