import { useId, useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, Panel } from '../../components/ui';
import { listAll } from '../../lib/api';
import { formatWhen, humanize } from '../../lib/format';
import { useSession } from '../../lib/session';
import type { Comment } from '../../lib/types';
import { useResource } from '../../lib/use-resource';

function ReplyForm(props: { ticketId: string; onSent(): void }) {
  const { api } = useSession();
  const id = useId();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/v1/tickets/${props.ticketId}/comments`, { body, visibility });
      setBody('');
      props.onSent();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="reply" onSubmit={submit} aria-label="Reply or note">
      <label htmlFor={`${id}-body`}>{visibility === 'public' ? 'Reply to the requester' : 'Internal note'}</label>
      <textarea id={`${id}-body`} rows={3} required value={body} onChange={(event) => setBody(event.target.value)} />
      <div className="button-row">
        <fieldset className="inline">
          <legend className="visually-hidden">Visibility</legend>
          <label><input type="radio" name={`${id}-vis`} checked={visibility === 'public'} onChange={() => setVisibility('public')} /> Public reply</label>
          <label><input type="radio" name={`${id}-vis`} checked={visibility === 'internal'} onChange={() => setVisibility('internal')} /> Internal note</label>
        </fieldset>
        <button type="submit" className="primary" disabled={busy || body.trim() === ''}>{busy ? 'Sending…' : 'Send'}</button>
      </div>
      <ErrorMessage error={error} title="Not sent" />
    </form>
  );
}

/** The description and every reply and note, oldest first; all of it is rendered as plain text. */
export function Conversation(props: { ticketId: string; description: string; tick: number; canWrite: boolean }) {
  const { api } = useSession();
  const comments = useResource(`comments:${props.ticketId}:${props.tick}`, () => listAll<Comment>(api, `/v1/tickets/${props.ticketId}/comments`));
  return (
    <Panel title="Conversation">
      <article className="message message-description" aria-label="Description">
        <p className="message-body">{props.description || <span className="muted">No description.</span>}</p>
      </article>
      <ErrorMessage error={comments.error} />
      {comments.data?.length === 0 ? <Empty>No replies yet.</Empty> : null}
      <ol className="messages">
        {comments.data?.map((comment) => (
          <li key={comment.id} className={`message message-${comment.visibility} author-${comment.author.kind}`}>
            <div className="message-head">
              <strong>{comment.author.name ?? humanize(comment.author.kind)}</strong>
              <span className="muted"> · {humanize(comment.author.kind)} · {comment.visibility === 'internal' ? 'internal note' : 'public'} · {formatWhen(comment.created_at)}</span>
            </div>
            <p className="message-body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {props.canWrite ? <ReplyForm ticketId={props.ticketId} onSent={comments.reload} /> : null}
    </Panel>
  );
}
