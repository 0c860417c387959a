import { useId, useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, Panel } from '../../components/ui';
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
function located(issue: PolicyIssue): PolicyIssue {
  return issue.position ? { ...issue, message: `${issue.message} (line ${issue.position.line}, column ${issue.position.column})` } : issue;
}

function CannedForm(props: { editing: CannedResponse | null; onDone(): void }) {
  const { api } = useSession();
  const id = useId();
  const start = props.editing;
  const [name, setName] = useState(start?.name ?? '');
  const [body, setBody] = useState(start?.body ?? 'Hi {{customer.name}}, thanks for writing about "{{ticket.title}}". ');
  const save = useSubmit();
  const issues = detailIssues(save.error).map(located);
  const at = (path: string) => issues.filter((issue) => issue.path === path);
  const unplaced = issues.filter((issue) => issue.path !== '/name' && issue.path !== '/body');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await save.submit(() => (start ? api.patch(`/v1/canned-responses/${start.id}`, { name, body }) : api.post('/v1/canned-responses', { name, body })), 'Canned response saved.');
    if (ok) props.onDone();
  };
  const bodyInvalid = at('/body').length > 0;
  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={start ? `Edit ${start.name}` : 'Add a canned response'}>
      <h2 className="span-all">{start ? `Edit ${start.name}` : 'Add a canned response'}</h2>
      <div className="field span-all">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        <FieldIssues id={`${id}-name-error`} issues={at('/name')} />
      </div>
      <div className="field span-all">
        <label htmlFor={`${id}-body`}>Text</label>
        <textarea id={`${id}-body`} rows={5} required value={body} aria-invalid={bodyInvalid ? true : undefined}
          aria-describedby={`${id}-body-hint${bodyInvalid ? ` ${id}-body-error` : ''}`} onChange={(e) => setBody(e.target.value)} />
        <div className="hint" id={`${id}-body-hint`}>Variables: {VARIABLES}</div>
        <FieldIssues id={`${id}-body-error`} issues={at('/body')} />
      </div>
      <div className="span-all">
        {unplaced.length > 0 || issues.length === 0 ? <ErrorMessage error={save.error} title="Not saved" /> : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={save.busy}>Save canned response</button>
          {start ? <button type="button" onClick={props.onDone}>Cancel</button> : null}
        </div>
      </div>
    </form>
  );
}

/** Replies and notes with variables, used by people and by automations' reply and note actions. */
export function CannedResponsesSettings() {
  const { api, can } = useSession();
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
      <Panel title="Canned responses">
        <ErrorMessage error={list.error ?? remove.error} />
        {list.data?.data.length === 0 ? <Empty>No canned responses yet.</Empty> : (
          <ul className="ticket-list">
            {list.data?.data.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> <span className="muted">{c.id}</span>
                <p className="message-body canned-body">{c.body}</p>
                {canWrite ? (
                  <div className="button-row">
                    <button type="button" onClick={() => setEditing(c)}>Edit</button>
                    {deleting === c.id ? (
                      <>
                        <button type="button" className="danger" onClick={() => void remove.submit(() => api.delete(`/v1/canned-responses/${c.id}`), 'Deleted.').then(done)}>Delete {c.name}</button>
                        <button type="button" onClick={() => setDeleting(null)}>Keep it</button>
                      </>
                    ) : <button type="button" onClick={() => setDeleting(c.id)}>Delete…</button>}
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
