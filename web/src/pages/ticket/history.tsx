import { Panel } from '../../components/ui';
import { listAll } from '../../lib/api';
import { formatWhen, humanize } from '../../lib/format';
import { useSession } from '../../lib/session';
import type { HistoryEvent } from '../../lib/types';
import { useResource } from '../../lib/use-resource';

const SHOWN_FIELDS = ['status', 'priority', 'queue', 'assigneeId', 'escalation', 'tags'];

function show(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What changed, as "status: queued → assigned" lines for the fields people look for. */
function changes(event: HistoryEvent): string[] {
  if (!event.after || event.type.endsWith('.created')) return [];
  return Object.keys(event.after).filter((key) => SHOWN_FIELDS.includes(key))
    .map((key) => `${humanize(key.replace('Id', ''))}: ${show(event.before?.[key])} → ${show(event.after?.[key])}`);
}

/** Every event of the ticket, oldest first: who did what and when. */
export function History(props: { ticketId: string; tick: number }) {
  const { api } = useSession();
  const events = useResource(`events:${props.ticketId}:${props.tick}`, () => listAll<HistoryEvent>(api, `/v1/tickets/${props.ticketId}/events`));
  return (
    <Panel title="History">
      <ol className="history">
        {events.data?.map((event) => (
          <li key={event.id}>
            <div><strong>{humanize(event.type)}</strong> <span className="muted">by {event.actor.name ?? humanize(event.actor.kind)} · {formatWhen(event.at)}</span></div>
            {changes(event).map((line) => <div key={line} className="change">{line}</div>)}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
