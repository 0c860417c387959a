import { useState } from 'react';
import { Badge, Empty, ErrorMessage, Panel } from '../../components/ui';
import { Link, navigate } from '../../lib/router';
import { useI18n } from '../../lib/i18n-provider';
import { useSession } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
import type { Static } from 'typebox';
import type { DuplicatesOutput } from '../../../../src/surfaces/wire/ticket-text/ticket-text-schemas';

type Duplicate = Static<typeof DuplicatesOutput>['data'][number];

/** One suspected duplicate, and (for tokens that may change tickets) a merge that asks once more before it acts. */
function DuplicateItem(props: { ticketId: string; duplicate: Duplicate; canMerge: boolean }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { duplicate } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const merge = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/v1/tickets/${props.ticketId}/merge`, { into: duplicate.ticket_id });
      navigate(`/tickets/${duplicate.ticket_id}`);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <li aria-label={t('dashboard.duplicates.item', { title: duplicate.title })}>
      <Link to={`/tickets/${duplicate.ticket_id}`} className="ticket-link">{duplicate.title}</Link>
      <div className="ticket-meta">
        <Badge kind="status" value={duplicate.status} />
        <span className="muted">{t('dashboard.duplicates.alike', { percent: Math.round(duplicate.score * 100) })}</span>
        {duplicate.linked ? <span className="muted">· {t('dashboard.duplicates.linked')}</span> : null}
      </div>
      {props.canMerge && !confirming ? <button type="button" onClick={() => setConfirming(true)}>{t('dashboard.duplicates.merge_into')}</button> : null}
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('dashboard.duplicates.confirm')}>
          <p>{t('dashboard.duplicates.consequence', { ticket: duplicate.ticket_id })}</p>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={() => void merge()}>{t('dashboard.duplicates.merge')}</button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>{t('dashboard.duplicates.keep')}</button>
          </div>
        </div>
      ) : null}
      <ErrorMessage error={error} title={t('dashboard.duplicates.not_merged')} />
    </li>
  );
}

/** Open tickets with nearly the same text (GET /v1/tickets/:id/duplicates), most alike first. */
export function DuplicatesPanel(props: { ticketId: string; open: boolean; tick: number }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const duplicates = useResource(`duplicates:${props.ticketId}:${props.tick}`, () => api.get<{ data: Duplicate[] }>(`/v1/tickets/${props.ticketId}/duplicates`));
  return (
    <Panel title={t('dashboard.duplicates.title')}>
      <ErrorMessage error={duplicates.error} />
      {duplicates.data?.data.length === 0 ? <Empty>{t('dashboard.duplicates.none')}</Empty> : null}
      <ul className="ticket-list">
        {duplicates.data?.data.map((d) => <DuplicateItem key={d.ticket_id} ticketId={props.ticketId} duplicate={d} canMerge={props.open && can('tickets:write')} />)}
      </ul>
    </Panel>
  );
}
