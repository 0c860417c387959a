import { useId, useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, Panel } from '../../components/ui';
import type { Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-provider';
import { detailIssues } from '../../lib/issues';
import { useSession } from '../../lib/session';
import type { PolicyIssue } from '../../lib/types';
import { useResource } from '../../lib/use-resource';
import { FieldIssues } from '../simulator/form-fields';
import { useSubmit } from './use-submit';
import type { Static } from 'typebox';
import type { CannedResponseOutput } from '../../../../src/surfaces/wire/workflows/workflow-schemas';

type CannedResponse = Static<typeof CannedResponseOutput>;

const VARIABLES = '{{ticket.title}}, {{ticket.id}}, {{ticket.priority}}, {{ticket.status}}, {{ticket.queue}}, {{customer.name}}, {{customer.email}}, {{assignee.name}}, {{ticket.fields.<name>}}';

/** A mistake of the template, with the column it starts at. */
function located(issue: PolicyIssue, t: Translate): PolicyIssue {
  return issue.position ? { ...issue, message: t('dashboard.settings_pages.canned.located', { message: issue.message, line: String(issue.position.line), column: String(issue.position.column) }) } : issue;
}

function CannedForm(props: { editing: CannedResponse | null; onDone(): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const id = useId();
  const start = props.editing;
  const [name, setName] = useState(start?.name ?? '');
  const [body, setBody] = useState(start?.body ?? t('dashboard.settings_pages.canned.default_body'));
  const save = useSubmit();
  const issues = detailIssues(save.error).map((issue) => located(issue, t));
  const at = (path: string) => issues.filter((issue) => issue.path === path);
  const unplaced = issues.filter((issue) => issue.path !== '/name' && issue.path !== '/body');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await save.submit(() => (start ? api.patch(`/v1/canned-responses/${start.id}`, { name, body }) : api.post('/v1/canned-responses', { name, body })), t('dashboard.settings_pages.canned.saved'));
    if (ok) props.onDone();
  };
  const bodyInvalid = at('/body').length > 0;
  const title = start ? t('dashboard.settings_pages.common.edit_named', { name: start.name }) : t('dashboard.settings_pages.canned.add_title');
  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={title}>
      <h2 className="span-all">{title}</h2>
      <div className="field span-all">
        <label htmlFor={`${id}-name`}>{t('dashboard.settings_pages.common.name')}</label>
        <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        <FieldIssues id={`${id}-name-error`} issues={at('/name')} />
      </div>
      <div className="field span-all">
        <label htmlFor={`${id}-body`}>{t('dashboard.settings_pages.canned.text')}</label>
        <textarea id={`${id}-body`} rows={5} required value={body} aria-invalid={bodyInvalid ? true : undefined}
          aria-describedby={`${id}-body-hint${bodyInvalid ? ` ${id}-body-error` : ''}`} onChange={(e) => setBody(e.target.value)} />
        <div className="hint" id={`${id}-body-hint`}>{t('dashboard.settings_pages.canned.variables', { variables: VARIABLES })}</div>
        <FieldIssues id={`${id}-body-error`} issues={at('/body')} />
      </div>
      <div className="span-all">
        {unplaced.length > 0 || issues.length === 0 ? <ErrorMessage error={save.error} title={t('dashboard.settings_pages.common.not_saved')} /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={save.busy}>{t('dashboard.settings_pages.canned.save')}</button>
          {start ? <button type="button" onClick={props.onDone}>{t('dashboard.settings_pages.common.cancel')}</button> : null}
        </div>
      </div>
    </form>
  );
}

/** Replies and notes with variables, used by people and by automations' reply and note actions. */
export function CannedResponsesSettings() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState<CannedResponse | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const list = useResource(`canned:${reloads}`, () => api.get<{ data: CannedResponse[] }>('/v1/canned-responses'));
  const remove = useSubmit();
  const canWrite = can('workflows:write');
  const done = () => {
    setEditing(null);
    setDeleting(null);
    setReloads((n) => n + 1);
  };
  return (
    <>
      {canWrite ? <CannedForm key={`${editing?.id ?? 'new'}:${reloads}`} editing={editing} onDone={done} /> : null}
      <Panel title={t('dashboard.settings_pages.canned.title')}>
        <ErrorMessage error={list.error ?? remove.error} />
        {list.data?.data.length === 0 ? <Empty>{t('dashboard.settings_pages.canned.empty')}</Empty> : (
          <ul className="ticket-list">
            {list.data?.data.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> <span className="muted">{c.id}</span>
                <p className="message-body canned-body">{c.body}</p>
                {canWrite ? (
                  <div className="button-row">
                    <button type="button" onClick={() => setEditing(c)}>{t('dashboard.settings_pages.common.edit')}</button>
                    {deleting === c.id ? (
                      <>
                        <button type="button" className="danger" onClick={() => void remove.submit(() => api.delete(`/v1/canned-responses/${c.id}`), t('dashboard.settings_pages.canned.deleted')).then(done)}>{t('dashboard.settings_pages.canned.delete_named', { name: c.name })}</button>
                        <button type="button" onClick={() => setDeleting(null)}>{t('dashboard.settings_pages.common.keep')}</button>
                      </>
                    ) : <button type="button" onClick={() => setDeleting(c.id)}>{t('dashboard.settings_pages.canned.delete')}</button>}
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
