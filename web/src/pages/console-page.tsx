import { useId, useRef, useState } from 'react';
import { ConsoleShortcuts } from './console-shortcuts';
import { Countdown } from '../components/countdown';
import { TicketLink } from '../components/ticket-link';
import { Badge, Empty, ErrorMessage, Field, Loading, Panel } from '../components/ui';
import { PRESENCES, formatAgo } from '../lib/format';
import { useLiveTick } from '../lib/live';
import { navigate, type Route } from '../lib/router';
import { useSession } from '../lib/session';
import type { Agent, AgentWork, Approval, Offer, Page, Ticket } from '../lib/types';
import { useAgents } from '../lib/use-agents';
import { useNow } from '../lib/use-now';
import { useResource } from '../lib/use-resource';
import { describeApprovers } from './ticket/approval-panel';
import { SectionTitle } from '../components/layout';
import { useI18n } from '../lib/i18n-provider';

function OfferCard(props: { offer: Offer; onAnswered(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { offer } = props;
  const ticket = useResource(`offer-ticket:${offer.ticket_id}`, () => api.get<Ticket>(`/v1/tickets/${offer.ticket_id}`));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const answer = async (verb: 'accept' | 'decline') => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/v1/offers/${offer.id}/${verb}`);
      props.onAnswered();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  const title = ticket.data?.title ?? offer.ticket_id;
  return (
    <li className="offer" aria-label={t('dashboard.console.offer', { title })}>
      <div className="offer-head">
        {ticket.data ? <TicketLink ticket={ticket.data} /> : <span>{offer.ticket_id}</span>}
        <Countdown until={offer.expires_at} label={t('dashboard.console.time_to_answer')} />
      </div>
      {ticket.data ? <div className="ticket-meta"><Badge kind="priority" value={ticket.data.priority} /><span className="muted">{ticket.data.queue}</span></div> : null}
      <div className="button-row">
        <button type="button" className="primary" data-answer="accept" disabled={busy} onClick={() => void answer('accept')}>{t('dashboard.console.accept')}</button>
        <button type="button" data-answer="decline" disabled={busy} onClick={() => void answer('decline')}>{t('dashboard.console.decline')}</button>
      </div>
      <ErrorMessage error={error} />
    </li>
  );
}

function Presence(props: { agent: Agent; onChanged(): void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const change = async (status: string) => {
    setError(null);
    try {
      await api.patch(`/v1/agents/${props.agent.id}`, { status });
      props.onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div className="presence">
      <Field id={`${id}-presence`} label={t('dashboard.console.presence')} hint={t('dashboard.console.presence_hint')}>
        <select id={`${id}-presence`} value={props.agent.status} onChange={(event) => void change(event.target.value)}>
          {PRESENCES.map((p) => <option key={p} value={p}>{t(`dashboard.presence.${p}`)}</option>)}
        </select>
      </Field>
      <ErrorMessage error={error} title={t('dashboard.console.presence_failed')} />
    </div>
  );
}

/** Approvals the caller may still answer, newest first, each linking to its ticket. */
function AwaitingMyApproval(props: { tick: number; nameOf(id: string): string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const mine = useResource(`awaiting-me:${props.tick}`, () => api.get<Page<Approval>>('/v1/approvals', { status: 'awaiting', approver: 'me' }));
  return (
    <Panel title={t('dashboard.console.awaiting')}>
      <ErrorMessage error={mine.error} />
      {!mine.data ? <Loading /> : mine.data.data.length === 0 ? <Empty>{t('dashboard.console.nothing_awaiting')}</Empty> : (
        <ul className="ticket-list">
          {mine.data.data.map((a) => (
            <li key={a.id} aria-label={t('dashboard.console.awaiting_item', { reason: a.reason })}>
              <TicketLink ticket={{ id: a.ticket_id, title: a.reason }} />
              <div className="ticket-meta"><span className="muted">{describeApprovers(a.approvers, props.nameOf, t)} · {a.votes.length}/{a.needed} · {a.ticket_id}</span></div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** Supervisors and admins pick whose console to see; an agent's token always shows their own. */
function AgentPicker(props: { agents: Agent[]; selected: string | null }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <Field id={`${id}-agent`} label={t('dashboard.reports.field.agent')}>
      <select id={`${id}-agent`} value={props.selected ?? ''} onChange={(event) => navigate(`/console?agent=${encodeURIComponent(event.target.value)}`)}>
        <option value="" disabled>{t('dashboard.console.choose_agent')}</option>
        {props.agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      </select>
    </Field>
  );
}

/** An agent's day: approvals awaiting them, presence, offers to accept or decline before they expire, and the work they hold. */
export function ConsolePage(props: { route: Route }) {
  const { t, locale } = useI18n();
  const { api, me, can } = useSession();
  const { agents, nameOf } = useAgents();
  const agentId = me.agent_id ?? props.route.query.get('agent');
  const tick = useLiveTick((event) => event.entity.kind === 'ticket' || event.entity.id === agentId);
  const now = useNow(30_000);
  const agent = agents.find((a) => a.id === agentId) ?? null;
  const work = useResource(`work:${agentId}:${tick}`, () => (agentId ? api.get<AgentWork>(`/v1/agents/${agentId}/work`) : Promise.resolve(null)));
  const page = useRef<HTMLDivElement>(null);
  return (
    <div className="page" ref={page}>
      <ConsoleShortcuts page={page} />
      {agent ? <h1>{t('dashboard.console.work_of', { name: agent.name })}</h1> : <SectionTitle section="console" />}
      <div className="console-top">
        {me.agent_id ? null : <AgentPicker agents={agents} selected={agentId} />}
        {agent ? <Presence key={`${agent.id}:${agent.status}`} agent={agent} onChanged={work.reload} /> : null}
      </div>
      {can('tickets:write') ? <AwaitingMyApproval tick={tick} nameOf={nameOf} /> : null}
      {!agentId ? <Empty>{t('dashboard.console.not_agent')}</Empty> : (
        <>
          <ErrorMessage error={work.error} />
          {!work.data ? <Loading /> : (
            <div className="grid grid-2">
              <Panel title={t('dashboard.console.offers')}>
                {work.data.offers.length === 0 ? <Empty>{t('dashboard.console.no_offers')}</Empty> : (
                  <ul className="offers">{work.data.offers.map((offer) => <OfferCard key={offer.id} offer={offer} onAnswered={work.reload} />)}</ul>
                )}
              </Panel>
              <Panel title={t('dashboard.console.held')}>
                {work.data.tickets.length === 0 ? <Empty>{t('dashboard.console.nothing_held')}</Empty> : (
                  <ul className="ticket-list">
                    {work.data.tickets.map((ticket) => (
                      <li key={ticket.id}>
                        <TicketLink ticket={ticket} />
                        <div className="ticket-meta"><Badge kind="status" value={ticket.status} /><Badge kind="priority" value={ticket.priority} /><span className="muted">{formatAgo(locale, ticket.updated_at, now)}</span></div>
                      </li>
                    ))}
                  </ul>
                )}
              </Panel>
            </div>
          )}
        </>
      )}
    </div>
  );
}
