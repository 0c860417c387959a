import { useId, useState, type FormEvent } from 'react';
import { Badge, Empty, ErrorMessage, Field, Panel } from '../../components/ui';
import { listAll } from '../../lib/api';
import { labelOf } from '../../lib/labels';
import type { Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-provider';
import { detailIssues } from '../../lib/issues';
import { useSession } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
import { useSubmit } from './use-submit';
import { ExpressionInput } from '../policy/expression-input';
import type { Static } from 'typebox';
import type { AutomationOutput } from '../../../../src/surfaces/wire/workflows/workflow-schemas';

type Automation = Static<typeof AutomationOutput>;

const example = (t: Translate) => ({
  name: t('dashboard.settings_pages.automations.example_name'),
  events: ['ticket.created'],
  when: "ticket.text.contains('refund')",
  actions: [{ kind: 'add_tags', tags: ['refund'] }],
});

/** The automation's own document, as PUT and POST take it. */
function documentOf(automation: Automation): Record<string, unknown> {
  const { id: _id, version: _version, ...rest } = automation as Automation & Record<string, unknown>;
  for (const key of ['created_at', 'updated_at', 'next_run_at']) delete rest[key];
  return rest;
}

/**
 * An automation's condition is edited in the expression editor; the rest (events or a schedule,
 * and its actions, which are many kinds) as JSON. Mistakes come back with their path and, for the
 * condition, its position.
 */
function AutomationForm(props: { editing: Automation | null; onDone(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const { when: startWhen, ...startRest } = props.editing ? documentOf(props.editing) : example(t);
  const [when, setWhen] = useState(typeof startWhen === 'string' ? startWhen : '');
  const [text, setText] = useState(JSON.stringify(startRest, null, 2));
  const save = useSubmit();
  const issues = detailIssues(save.error);
  const whenIssue = issues.find((issue) => issue.path === '/when');
  const others = issues.filter((issue) => issue !== whenIssue);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { editing } = props;
    const ok = await save.submit(async () => {
      const body = { ...(JSON.parse(text) as Record<string, unknown>), ...(when.trim() ? { when } : {}) };
      return editing ? api.put(`/v1/automations/${editing.id}`, { ...body, version: editing.version }) : api.post('/v1/automations', body);
    }, t('dashboard.settings_pages.automations.saved'));
    if (ok) props.onDone();
  };
  const title = props.editing ? t('dashboard.settings_pages.common.edit_named', { name: props.editing.name }) : t('dashboard.settings_pages.automations.add_title');
  return (
    <form className="panel" onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <ExpressionInput id={`${id}-when`} label={t('dashboard.settings_pages.automations.condition')} value={when} issue={whenIssue}
        place={{ scope: 'workflow' }} onChange={setWhen} />
      <Field id={`${id}-json`} label={t('dashboard.settings_pages.automations.json')} hint={t('dashboard.settings_pages.automations.hint')}>
        <textarea id={`${id}-json`} className="code" rows={12} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      {others.length > 0 ? (
        <div className="error" role="alert"><ul>{others.map((i) => <li key={`${i.path}:${i.message}`}><code>{i.path}</code>: {i.message}{i.position ? ` ${t('dashboard.settings_pages.automations.column', { column: String(i.position.column) })}` : ''}</li>)}</ul></div>
      ) : whenIssue ? null : <ErrorMessage error={save.error} title={t('dashboard.settings_pages.common.not_saved')} />}
      <div className="button-row">
        <button type="submit" className="primary" disabled={save.busy}>{t('dashboard.settings_pages.automations.save')}</button>
        {props.editing ? <button type="button" onClick={props.onDone}>{t('dashboard.settings_pages.common.cancel')}</button> : null}
      </div>
    </form>
  );
}

/** Event → condition → action rules, and scheduled ones. */
export function AutomationsSettings() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState<Automation | null>(null);
  const automations = useResource(`automations:${reloads}`, () => listAll<Automation>(api, '/v1/automations'));
  const toggle = useSubmit();
  const canWrite = can('workflows:write');
  const done = () => {
    setEditing(null);
    setReloads((n) => n + 1);
  };
  const setEnabled = (automation: Automation) => void toggle.submit(
    () => api.put(`/v1/automations/${automation.id}`, { ...documentOf(automation), enabled: !automation.enabled, version: automation.version }),
    t('dashboard.settings_pages.common.saved'),
  ).then(done);
  return (
    <>
      {canWrite ? <AutomationForm key={`${editing?.id ?? 'new'}:${reloads}`} editing={editing} onDone={done} /> : null}
      <Panel title={t('dashboard.settings_pages.automations.title')}>
        <ErrorMessage error={automations.error ?? toggle.error} />
        {automations.data?.length === 0 ? <Empty>{t('dashboard.settings_pages.automations.empty')}</Empty> : (
          <ul className="ticket-list">
            {automations.data?.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong> <Badge kind="plain" value={a.enabled ? t('dashboard.settings_pages.automations.on') : t('dashboard.settings_pages.automations.off')} />
                <div className="muted">
                  {a.schedule ? (a.schedule.idle_for ? t('dashboard.settings_pages.automations.every_idle', { every: a.schedule.every, idle: a.schedule.idle_for }) : t('dashboard.settings_pages.automations.every', { every: a.schedule.every })) : (a.events ?? []).join(', ')}
                  {a.when ? <> · {t('dashboard.settings_pages.common.when')} <code>{a.when}</code></> : null} · {a.actions.map((action) => labelOf(t, 'dashboard.action_kind.', action.kind)).join(', ')}
                </div>
                {canWrite ? (
                  <div className="button-row">
                    <button type="button" onClick={() => setEditing(a)}>{t('dashboard.settings_pages.common.edit')}</button>
                    <button type="button" onClick={() => setEnabled(a)}>{a.enabled ? t('dashboard.settings_pages.automations.turn_off') : t('dashboard.settings_pages.automations.turn_on')}</button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
