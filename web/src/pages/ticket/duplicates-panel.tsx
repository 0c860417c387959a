import { useState } from 'react';
import { Badge, Empty, ErrorMessage, Panel } from '../../components/ui';
import { Link, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useResource } from '../../lib/use-resource';
import type { Static } from 'typebox';
import type { DuplicatesOutput } from '../../../../src/surfaces/wire/ticket-text/ticket-text-schemas';

type Duplicate = Static<typeof DuplicatesOutput>['data'][number];

/** One suspected duplicate, and (for tokens that may change tickets) a merge that asks once more before it acts. */
function DuplicateItem(props: { ticketId: string; duplicate: Duplicate; canMerge: boolean }) {
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
    <li aria-label={`Suspected duplicate: ${duplicate.title}`}>
      <Link to={`/tickets/${duplicate.ticket_id}`} className="ticket-link">{duplicate.title}</Link>
      <div className="ticket-meta">
        <Badge kind="status" value={duplicate.status} />
        <span className="muted">{Math.round(duplicate.score * 100)} % alike</span>
        {duplicate.linked ? <span className="muted">· linked</span> : null}
      </div>
      {props.canMerge && !confirming ? <button type="button" onClick={() => setConfirming(true)}>Merge this ticket into it…</button> : null}
      {confirming ? (
        <div className="confirm" role="group" aria-label="Confirm the merge">
          <p>This ticket is closed and its conversation moves to {duplicate.ticket_id}.</p>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={() => void merge()}>Merge</button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>Keep both</button>
          </div>
        </div>
      ) : null}
      <ErrorMessage error={error} title="Not merged" />
    </li>
  );
}

/** Open tickets with nearly the same text (GET /v1/tickets/:id/duplicates), most alike first. */
export function DuplicatesPanel(props: { ticketId: string; open: boolean; tick: number }) {
  const { api, can } = useSession();
  const duplicates = useResource(`duplicates:${props.ticketId}:${props.tick}`, () => api.get<{ data: Duplicate[] }>(`/v1/tickets/${props.ticketId}/duplicates`));
  return (
    <Panel title="Suspected duplicates">
      <ErrorMessage error={duplicates.error} />
      {duplicates.data?.data.length === 0 ? <Empty>No open ticket reads the same.</Empty> : null}
      <ul className="ticket-list">
        {duplicates.data?.data.map((d) => <DuplicateItem key={d.ticket_id} ticketId={props.ticketId} duplicate={d} canMerge={props.open && can('tickets:write')} />)}
      </ul>
    </Panel>
  );
}
