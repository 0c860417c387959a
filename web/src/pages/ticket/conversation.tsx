import { useId, useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, Panel } from '../../components/ui';
import { listAll } from '../../lib/api';
import { formatWhen } from '../../lib/format';
import { useSession } from '../../lib/session';
import type { Comment, Ticket } from '../../lib/types';
import type { Static } from 'typebox';
import { renderTemplate, ticketTemplateValues } from '../../../../src/domain/automation/template';
import type { CannedResponseOutput } from '../../../../src/surfaces/wire/workflows/workflow-schemas';
import { useResource } from '../../lib/use-resource';
import { useI18n } from '../../lib/i18n-provider';
import { labelOf } from '../../lib/labels';

type CannedResponse = Static<typeof CannedResponseOutput>;

/** "Insert a canned response": its variables filled in from the ticket, added at the end of the text. */
function CannedPicker(props: { id: string; ticket: Ticket; assigneeName: string | null; onInsert(text: string): void }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const canned = useResource('canned-responses', () => (can('workflows:read') ? api.get<{ data: CannedResponse[] }>('/v1/canned-responses') : Promise.resolve({ data: [] })));
  const responses = canned.data?.data ?? [];
  if (responses.length === 0) return null;
  const insert = (responseId: string) => {
    const chosen = responses.find((response) => response.id === responseId);
    if (chosen) props.onInsert(renderTemplate(chosen.body, ticketTemplateValues(props.ticket, props.assigneeName)));
  };
  return (
    <div className="field">
      <label htmlFor={`${props.id}-canned`}>{t('dashboard.ticket.canned')}</label>
      <select id={`${props.id}-canned`} value="" onChange={(event) => insert(event.target.value)}>
        <option value="">{t('portal.form.choose')}</option>
        {responses.map((response) => <option key={response.id} value={response.id}>{response.name}</option>)}
      </select>
    </div>
  );
}

function ReplyForm(props: { ticket: Ticket; assigneeName: string | null; onSent(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const ticketId = props.ticket.id;
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/v1/tickets/${ticketId}/comments`, { body, visibility });
      setBody('');
      props.onSent();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="reply" onSubmit={submit} aria-label={t('dashboard.ticket.reply_or_note')}>
      <label htmlFor={`${id}-body`}>{visibility === 'public' ? t('dashboard.ticket.reply_to_requester') : t('dashboard.ticket.internal_note')}</label>
      <textarea id={`${id}-body`} rows={3} required value={body} onChange={(event) => setBody(event.target.value)} />
      <div className="button-row">
        <fieldset className="inline">
          <legend className="visually-hidden">{t('dashboard.ticket.visibility')}</legend>
          <label><input type="radio" name={`${id}-vis`} checked={visibility === 'public'} onChange={() => setVisibility('public')} /> {t('dashboard.ticket.public_reply')}</label>
          <label><input type="radio" name={`${id}-vis`} checked={visibility === 'internal'} onChange={() => setVisibility('internal')} /> {t('dashboard.ticket.internal_note')}</label>
        </fieldset>
        <button type="submit" className="primary" disabled={busy || body.trim() === ''}>{busy ? t('portal.form.sending') : t('dashboard.ticket.send')}</button>
      </div>
      {/* Below the controls: it appears once the responses have loaded, and must not move what is above it. */}
      <CannedPicker id={id} ticket={props.ticket} assigneeName={props.assigneeName} onInsert={(text) => setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text))} />
      <ErrorMessage error={error} title={t('dashboard.ticket.not_sent')} />
    </form>
  );
}

/** The description and every reply and note, oldest first; all of it is rendered as plain text. */
export function Conversation(props: { ticket: Ticket; tick: number; canWrite: boolean; nameOf(id: string | null): string }) {
  const { t, locale, timeZone } = useI18n();
  const { api } = useSession();
  const { ticket } = props;
  const comments = useResource(`comments:${ticket.id}:${props.tick}`, () => listAll<Comment>(api, `/v1/tickets/${ticket.id}/comments`));
  return (
    <Panel title={t('dashboard.ticket.conversation')}>
      <article className="message message-description" aria-label={t('dashboard.ticket.description')}>
        <p className="message-body">{ticket.description || <span className="muted">{t('dashboard.ticket.no_description')}</span>}</p>
      </article>
      <ErrorMessage error={comments.error} />
      {comments.data?.length === 0 ? <Empty>{t('portal.status.no_replies')}</Empty> : null}
      <ol className="messages">
        {comments.data?.map((comment) => (
          <li key={comment.id} className={`message message-${comment.visibility} author-${comment.author.kind}`}>
            <div className="message-head">
              <strong>{comment.author.name ?? labelOf(t, 'dashboard.author.', comment.author.kind)}</strong>
              <span className="muted"> · {labelOf(t, 'dashboard.author.', comment.author.kind)} · {comment.visibility === 'internal' ? t('dashboard.ticket.internal') : t('dashboard.ticket.public')} · {formatWhen(locale, timeZone, comment.created_at)}</span>
            </div>
            <p className="message-body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {props.canWrite ? <ReplyForm ticket={ticket} assigneeName={ticket.assignee ? props.nameOf(ticket.assignee) : null} onSent={comments.reload} /> : null}
    </Panel>
  );
}
