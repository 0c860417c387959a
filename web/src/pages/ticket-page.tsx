import { Badge, ErrorMessage, Loading } from '../components/ui';
import { formatWhen, humanize } from '../lib/format';
import { useLiveTick } from '../lib/live';
import { listAll } from '../lib/api';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import type { HistoryEvent, Ticket, TicketRouting } from '../lib/types';
import { useAgents } from '../lib/use-agents';
import { useNow } from '../lib/use-now';
import { useResource } from '../lib/use-resource';
import { ApprovalPanel } from './ticket/approval-panel';
import { Conversation } from './ticket/conversation';
import { DuplicatesPanel } from './ticket/duplicates-panel';
import { History } from './ticket/history';
import { RoutingPanel } from './ticket/routing-explanation';
import { HandoffPanel, LinksPanel, SlaPanel, SuggestionsPanel } from './ticket/side-panels';
import { RatingPanel } from './ticket/rating-panel';
import { TicketActions } from './ticket/ticket-actions';
import { useI18n } from '../lib/i18n-provider';

function Facts(props: { ticket: Ticket; nameOf(id: string | null): string }) {
  const { locale } = useI18n();
  const { ticket } = props;
  const customer = ticket.customer;
  return (
    <dl className="facts facts-wide">
      <dt>Status</dt><dd><Badge kind="status" value={ticket.status} /></dd>
      <dt>Priority</dt><dd><Badge kind="priority" value={ticket.priority} /></dd>
      <dt>Queue</dt><dd data-testid="ticket-queue">{ticket.queue ?? '—'}</dd>
      <dt>Assignee</dt><dd data-testid="ticket-assignee">{ticket.assignee ? props.nameOf(ticket.assignee) : 'unassigned'}</dd>
      <dt>Escalation</dt><dd>{ticket.escalation.level > 0 ? `L${ticket.escalation.level}: ${ticket.escalation.reason ?? ''}` : 'none'}</dd>
      <dt>Customer</dt><dd>{customer ? [customer.name, customer.email, customer.tier].filter(Boolean).join(' · ') : '—'}</dd>
      <dt>Type · channel</dt><dd>{humanize(ticket.type)} · {ticket.channel}</dd>
      <dt>Created</dt><dd>{formatWhen(locale, ticket.created_at)}</dd>
      <dt>Tags</dt><dd>{ticket.tags.length > 0 ? ticket.tags.join(', ') : '—'}</dd>
      {ticket.signals ? (<><dt>Signals</dt><dd>sentiment {ticket.signals.sentiment.toFixed(2)}{ticket.signals.asks_for_human ? ' · asks for a human' : ''}{ticket.signals.flags.length > 0 ? ` · ${ticket.signals.flags.join(', ')}` : ''}</dd></>) : null}
      {ticket.ai ? (<><dt>Triage</dt><dd>{ticket.ai.label ?? '—'} ({Math.round(ticket.ai.confidence * 100)} %)</dd></>) : null}
    </dl>
  );
}

/** One ticket: its facts, approvals, conversation, history, routing explanation, SLA, hand-off, articles and links. */
export function TicketPage(props: { id: string }) {
  const { api, can } = useSession();
  const { agents, nameOf } = useAgents();
  const tick = useLiveTick((event) => event.ticket_id === props.id);
  const now = useNow(30_000);
  const ticket = useResource(`ticket:${props.id}:${tick}`, () => api.get<Ticket>(`/v1/tickets/${props.id}`));
  const routing = useResource(`routing:${props.id}:${tick}`, () => api.get<TicketRouting>(`/v1/tickets/${props.id}/routing`));
  // One read of the history serves the history panel and tells whether a bot handed the ticket over.
  const events = useResource(`events:${props.id}:${tick}`, () => listAll<HistoryEvent>(api, `/v1/tickets/${props.id}/events`));
  const handedOff = events.data?.some((event) => event.type === 'handoff.received');
  if (ticket.error) return <div className="page"><Link to="/tickets">← Tickets</Link><ErrorMessage error={ticket.error} title="Could not load the ticket" /></div>;
  if (!ticket.data) return <Loading what="the ticket" />;
  const t = ticket.data;
  return (
    <div className="page">
      <Link to="/tickets">← Tickets</Link>
      <h1 className="ticket-title">{t.title}</h1>
      <p className="muted ticket-id">{t.id} · version {t.version}</p>
      <div className="ticket-layout">
        <div className="ticket-main">
          <Facts ticket={t} nameOf={nameOf} />
          <ApprovalPanel ticketId={t.id} tick={tick} nameOf={nameOf} onVoted={ticket.reload} />
          {can('tickets:write') ? <TicketActions key={`${t.id}:${t.version}`} ticket={t} agents={agents} onChanged={ticket.reload} /> : null}
          <Conversation ticket={t} tick={tick} canWrite={can('tickets:write')} nameOf={nameOf} />
          <RoutingPanel routing={routing.data} nameOf={nameOf} />
          <History events={events.data} nameOf={nameOf} />
        </div>
        <aside className="ticket-side" aria-label="Ticket context">
          <SlaPanel ticket={t} now={now} />
          <RatingPanel ticketId={t.id} tick={tick} />
          <HandoffPanel ticketId={t.id} tick={tick} handedOff={handedOff} />
          <SuggestionsPanel ticketId={t.id} />
          <DuplicatesPanel ticketId={t.id} open={t.status !== 'closed'} tick={tick} />
          <LinksPanel ticket={t} />
        </aside>
      </div>
    </div>
  );
}
