import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ui';
import { STATUSES } from '../../lib/format';
import { useSession } from '../../lib/session';
import type { Agent, Ticket } from '../../lib/types';
import { useI18n } from '../../lib/i18n-provider';

/** Runs one change against the API and shows its error; the live stream refreshes the page after. */
function useAction(): { busy: boolean; error: unknown; run(action: () => Promise<unknown>): Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** Status, assignee and escalation of a ticket, for tokens that may change tickets. */
export function TicketActions(props: { ticket: Ticket; agents: Agent[]; onChanged(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { ticket } = props;
  const id = useId();
  const [status, setStatus] = useState(ticket.status);
  const [assignee, setAssignee] = useState(ticket.assignee ?? '');
  const [reason, setReason] = useState('');
  const action = useAction();
  const patch = (body: Record<string, unknown>) => action.run(async () => {
    await api.patch(`/v1/tickets/${ticket.id}`, { ...body, version: ticket.version });
    props.onChanged();
  });
  const escalate = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await api.post(`/v1/tickets/${ticket.id}/escalate`, { reason });
      setReason('');
      props.onChanged();
    });
  };
  return (
    <div className="actions" aria-label={t('dashboard.ticket.change')} role="group">
      <div className="action">
        <label htmlFor={`${id}-status`}>{t('dashboard.field.status')}</label>
        <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value)}>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`dashboard.status.${s}`)}</option>)}
        </select>
        <button type="button" disabled={action.busy || status === ticket.status} onClick={() => void patch({ status })}>{t('dashboard.ticket.set_status')}</button>
      </div>
      <div className="action">
        <label htmlFor={`${id}-assignee`}>{t('dashboard.field.assignee')}</label>
        <select id={`${id}-assignee`} value={assignee} onChange={(event) => setAssignee(event.target.value)}>
          <option value="">{t('dashboard.ticket.nobody')}</option>
          {props.agents.map((a) => <option key={a.id} value={a.id}>{a.name} ({t(`dashboard.presence.${a.status}`)})</option>)}
        </select>
        <button type="button" disabled={action.busy || assignee === (ticket.assignee ?? '')} onClick={() => void patch({ assignee: assignee || null })}>{t('dashboard.ticket.assign')}</button>
      </div>
      <form className="action" onSubmit={escalate}>
        <label htmlFor={`${id}-reason`}>{t('dashboard.ticket.escalate_now', { level: ticket.escalation.level })}</label>
        <input id={`${id}-reason`} placeholder={t('dashboard.ticket.reason')} required value={reason} onChange={(event) => setReason(event.target.value)} />
        <button type="submit" disabled={action.busy || ticket.escalation.level >= 3}>{t('dashboard.ticket.escalate')}</button>
      </form>
      <ErrorMessage error={action.error} title={t('dashboard.ticket.not_changed')} />
    </div>
  );
}
