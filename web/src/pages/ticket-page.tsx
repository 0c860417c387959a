import { Badge, ErrorMessage, Loading } from '../components/ui';
import { formatWhen } from '../lib/format';
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
import { labelOf } from '../lib/labels';

function Facts(props: { ticket: Ticket; nameOf(id: string | null): string }) {
  const { t, locale, timeZone } = useI18n();
  const { ticket } = props;
  const customer = ticket.customer;
  return (
    <dl className="facts facts-wide">
      <dt>{t('dashboard.field.status')}</dt><dd><Badge kind="status" value={ticket.status} /></dd>
      <dt>{t('dashboard.field.priority')}</dt><dd><Badge kind="priority" value={ticket.priority} /></dd>
      <dt>{t('dashboard.field.queue')}</dt><dd data-testid="ticket-queue">{ticket.queue ?? '—'}</dd>
      <dt>{t('dashboard.field.assignee')}</dt><dd data-testid="ticket-assignee">{ticket.assignee ? props.nameOf(ticket.assignee) : t('dashboard.unassigned')}</dd>
      <dt>{t('dashboard.ticket.escalation')}</dt><dd>{ticket.escalation.level > 0 ? `${t('dashboard.escalation_level', { level: ticket.escalation.level })}: ${ticket.escalation.reason ?? ''}` : t('dashboard.ticket.no_escalation')}</dd>
      <dt>{t('dashboard.ticket.customer')}</dt><dd>{customer ? [customer.name, customer.email, customer.tier].filter(Boolean).join(' · ') : '—'}</dd>
      <dt>{t('dashboard.ticket.type_channel')}</dt><dd>{labelOf(t, 'dashboard.ticket_type.', ticket.type)} · {labelOf(t, 'dashboard.new_ticket.channel_', ticket.channel)}</dd>
      <dt>{t('dashboard.field.created')}</dt><dd>{formatWhen(locale, timeZone, ticket.created_at)}</dd>
      <dt>{t('dashboard.ticket.tags')}</dt><dd>{ticket.tags.length > 0 ? ticket.tags.join(', ') : '—'}</dd>
      {ticket.signals ? (<><dt>{t('dashboard.ticket.signals')}</dt><dd>{t('dashboard.ticket.sentiment', { score: ticket.signals.sentiment.toFixed(2) })}{ticket.signals.asks_for_human ? ` · ${t('dashboard.ticket.asks_for_human')}` : ''}{ticket.signals.flags.length > 0 ? ` · ${ticket.signals.flags.join(', ')}` : ''}</dd></>) : null}
      {ticket.ai ? (<><dt>{t('dashboard.ticket.triage')}</dt><dd>{ticket.ai.label ?? '—'} ({Math.round(ticket.ai.confidence * 100)} %)</dd></>) : null}
    </dl>
  );
}

/** One ticket: its facts, approvals, conversation, history, routing explanation, SLA, hand-off, articles and links. */
export function TicketPage(props: { id: string }) {
  const { t } = useI18n();
  const { api, can } = useSession();
  const { agents, nameOf } = useAgents();
  const tick = useLiveTick((event) => event.ticket_id === props.id);
  const now = useNow(30_000);
  const ticket = useResource(`ticket:${props.id}:${tick}`, () => api.get<Ticket>(`/v1/tickets/${props.id}`));
  const routing = useResource(`routing:${props.id}:${tick}`, () => api.get<TicketRouting>(`/v1/tickets/${props.id}/routing`));
  // One read of the history serves the history panel and tells whether a bot handed the ticket over.
  const events = useResource(`events:${props.id}:${tick}`, () => listAll<HistoryEvent>(api, `/v1/tickets/${props.id}/events`));
  const handedOff = events.data?.some((event) => event.type === 'handoff.received');
  if (ticket.error) return <div className="page"><Link to="/tickets">← {t('dashboard.nav.tickets')}</Link><ErrorMessage error={ticket.error} title={t('dashboard.ticket.load_failed')} /></div>;
  if (!ticket.data) return <Loading />;
  const current = ticket.data;
  return (
    <div className="page">
      <Link to="/tickets">← {t('dashboard.nav.tickets')}</Link>
      <h1 className="ticket-title">{current.title}</h1>
      <p className="muted ticket-id">{current.id} · {t('dashboard.ticket.version', { version: current.version })}</p>
      <div className="ticket-layout">
        <div className="ticket-main">
          <Facts ticket={current} nameOf={nameOf} />
          <ApprovalPanel ticketId={current.id} tick={tick} nameOf={nameOf} onVoted={ticket.reload} />
          {can('tickets:write') ? <TicketActions key={`${current.id}:${current.version}`} ticket={current} agents={agents} onChanged={ticket.reload} /> : null}
          <Conversation ticket={current} tick={tick} canWrite={can('tickets:write')} nameOf={nameOf} />
          <RoutingPanel routing={routing.data} nameOf={nameOf} />
          <History events={events.data} nameOf={nameOf} />
        </div>
        <aside className="ticket-side" aria-label={t('dashboard.ticket.context')}>
          <SlaPanel ticket={current} now={now} />
          <RatingPanel ticketId={current.id} tick={tick} />
          <HandoffPanel ticketId={current.id} tick={tick} handedOff={handedOff} />
          <SuggestionsPanel ticketId={current.id} />
          <DuplicatesPanel ticketId={current.id} open={current.status !== 'closed'} tick={tick} />
          <LinksPanel ticket={current} />
        </aside>
      </div>
    </div>
  );
}
