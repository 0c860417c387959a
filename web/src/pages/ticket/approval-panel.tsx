import { useId, useState, type FormEvent } from 'react';
import { Badge, Empty, ErrorMessage, Panel } from '../../components/ui';
import { formatWhen } from '../../lib/format';
import { useSession } from '../../lib/session';
import type { Approval, Approvers, Page } from '../../lib/types';
import { useResource } from '../../lib/use-resource';
import type { Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-provider';
import { labelOf } from '../../lib/labels';

/** "2 of team billing", "any of Ann, Bob", "a supervisor": who may answer, in words. */
export function describeApprovers(approvers: Approvers, nameOf: (id: string) => string, t: Translate): string {
  const count = approvers.min ?? 1;
  if ('agents' in approvers) {
    const names = approvers.agents.map(nameOf).join(', ');
    return count === 1 ? t('dashboard.approvals.any_of', { names }) : t('dashboard.approvals.count_of', { count, names });
  }
  if ('role' in approvers) return t('dashboard.approvals.role', { count, role: labelOf(t, 'dashboard.roles.', approvers.role) });
  return t('dashboard.approvals.team', { count, team: approvers.team });
}

/** Approve, or reject with a reason, for a caller the API counts among the approvers. */
function VoteForm(props: { approval: Approval; onVoted(): void }) {
  const { t } = useI18n();
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
    <form className="action" onSubmit={reject} aria-label={t('dashboard.approvals.answer')}>
      <label htmlFor={`${id}-comment`}>{t('dashboard.approvals.comment')}</label>
      <input id={`${id}-comment`} value={comment} onChange={(event) => setComment(event.target.value)} />
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void vote('approve')}>{t('dashboard.approvals.approve')}</button>
        <button type="submit" disabled={busy || comment.trim() === ''}>{t('dashboard.approvals.reject')}</button>
      </div>
      <ErrorMessage error={error} title={t('dashboard.approvals.not_answered')} />
    </form>
  );
}

function ApprovalItem(props: { approval: Approval; mayVote: boolean; nameOf(id: string): string; onVoted(): void }) {
  const { t, locale, timeZone } = useI18n();
  const a = props.approval;
  const held = (actions: { kind: string }[]) => (actions.length > 0 ? actions.map((action) => labelOf(t, 'dashboard.action_kind.', action.kind)).join(', ') : t('dashboard.approvals.nothing'));
  return (
    <li className="approval" aria-label={t('dashboard.approvals.item', { reason: a.reason })}>
      <div><Badge kind="plain" value={labelOf(t, 'dashboard.approval_status.', a.status)} /> <strong>{a.reason}</strong></div>
      <div className="muted">{t('dashboard.approvals.approvers', { approvers: describeApprovers(a.approvers, props.nameOf, t) })} · {t('dashboard.approvals.asked', { when: formatWhen(locale, timeZone, a.requested_at) })}{a.hold ? ` · ${t('dashboard.approvals.holds')}` : ''}</div>
      <div className="muted">{t('dashboard.approvals.outcomes', { approved: held(a.on_approve), rejected: held(a.on_reject) })}</div>
      {a.votes.length > 0 ? (
        <ul className="votes">
          {a.votes.map((v) => <li key={v.voter}>{t(v.decision === 'approve' ? 'dashboard.approvals.approved_by' : 'dashboard.approvals.rejected_by', { name: v.name ?? v.voter })} · {formatWhen(locale, timeZone, v.at)}{v.comment ? `: ${v.comment}` : ''}</li>)}
        </ul>
      ) : null}
      {props.mayVote ? <VoteForm approval={a} onVoted={props.onVoted} /> : null}
    </li>
  );
}

/** The ticket's approvals: status, approvers, votes and held actions, with a vote form where the caller may answer. */
export function ApprovalPanel(props: { ticketId: string; tick: number; nameOf(id: string): string; onVoted(): void }) {
  const { t } = useI18n();
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
    <Panel title={t('dashboard.approvals.title')}>
      <ErrorMessage error={all.error} />
      {approvals.length === 0 ? <Empty>{t('dashboard.approvals.none')}</Empty> : (
        <ul className="approvals">
          {[...approvals].reverse().map((a) => <ApprovalItem key={a.id} approval={a} mayVote={mayVote.has(a.id)} nameOf={props.nameOf} onVoted={voted} />)}
        </ul>
      )}
    </Panel>
  );
}
