import { useId, useState, type FormEvent } from 'react';
import { Badge, Empty, ErrorMessage, Panel } from '../../components/ui';
import { formatWhen, humanize } from '../../lib/format';
import { useSession } from '../../lib/session';
import type { Approval, Approvers, Page } from '../../lib/types';
import { useResource } from '../../lib/use-resource';
import { useI18n } from '../../lib/i18n-provider';

/** "2 of team billing", "any of Ann, Bob", "a supervisor": who may answer, in words. */
export function describeApprovers(approvers: Approvers, nameOf: (id: string) => string): string {
  const n = approvers.min ?? 1;
  if ('agents' in approvers) return `${n === 1 ? 'any' : n} of ${approvers.agents.map(nameOf).join(', ')}`;
  if ('role' in approvers) return n === 1 ? `a ${approvers.role} (or above)` : `${n} ${approvers.role}s (or above)`;
  return `${n} of team ${approvers.team}`;
}

/** Approve, or reject with a reason, for a caller the API counts among the approvers. */
function VoteForm(props: { approval: Approval; onVoted(): void }) {
  const { api } = useSession();
  const id = useId();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const vote = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/v1/approvals/${props.approval.id}/${decision}`, comment.trim() ? { comment } : {});
      props.onVoted();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const reject = (event: FormEvent) => {
    event.preventDefault();
    void vote('reject');
  };
  return (
    <form className="action" onSubmit={reject} aria-label="Answer the approval">
      <label htmlFor={`${id}-comment`}>Comment (a rejection needs a reason)</label>
      <input id={`${id}-comment`} value={comment} onChange={(event) => setComment(event.target.value)} />
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void vote('approve')}>Approve</button>
        <button type="submit" disabled={busy || comment.trim() === ''}>Reject</button>
      </div>
      <ErrorMessage error={error} title="Not answered" />
    </form>
  );
}

function ApprovalItem(props: { approval: Approval; mayVote: boolean; nameOf(id: string): string; onVoted(): void }) {
  const { locale } = useI18n();
  const a = props.approval;
  const held = (actions: { kind: string }[]) => (actions.length > 0 ? actions.map((action) => humanize(action.kind)).join(', ') : 'nothing');
  return (
    <li className="approval" aria-label={`Approval: ${a.reason}`}>
      <div><Badge kind="plain" value={a.status} /> <strong>{a.reason}</strong></div>
      <div className="muted">Approvers: {describeApprovers(a.approvers, props.nameOf)} · asked {formatWhen(locale, a.requested_at)}{a.hold ? ' · holds the ticket' : ''}</div>
      <div className="muted">If approved: {held(a.on_approve)} · if rejected: {held(a.on_reject)}</div>
      {a.votes.length > 0 ? (
        <ul className="votes">
          {a.votes.map((v) => <li key={v.voter}>{v.decision === 'approve' ? 'Approved' : 'Rejected'} by {v.name ?? v.voter} · {formatWhen(locale, v.at)}{v.comment ? `: ${v.comment}` : ''}</li>)}
        </ul>
      ) : null}
      {props.mayVote ? <VoteForm approval={a} onVoted={props.onVoted} /> : null}
    </li>
  );
}

/** The ticket's approvals: status, approvers, votes and held actions, with a vote form where the caller may answer. */
export function ApprovalPanel(props: { ticketId: string; tick: number; nameOf(id: string): string; onVoted(): void }) {
  const { api, can } = useSession();
  const all = useResource(`approvals:${props.ticketId}:${props.tick}`, () => api.get<{ data: Approval[] }>(`/v1/tickets/${props.ticketId}/approvals`));
  const mine = useResource(`my-approvals:${props.ticketId}:${props.tick}`, () => (can('tickets:write')
    ? api.get<Page<Approval>>('/v1/approvals', { status: 'awaiting', approver: 'me', ticket: props.ticketId })
    : Promise.resolve({ data: [], next_cursor: null })));
  const approvals = all.data?.data ?? [];
  if (approvals.length === 0 && !all.error) return null;
  const mayVote = new Set((mine.data?.data ?? []).map((a) => a.id));
  const voted = () => {
    all.reload();
    mine.reload();
    props.onVoted();
  };
  return (
    <Panel title="Approvals">
      <ErrorMessage error={all.error} />
      {approvals.length === 0 ? <Empty>No approvals.</Empty> : (
        <ul className="approvals">
          {[...approvals].reverse().map((a) => <ApprovalItem key={a.id} approval={a} mayVote={mayVote.has(a.id)} nameOf={props.nameOf} onVoted={voted} />)}
        </ul>
      )}
    </Panel>
  );
}
