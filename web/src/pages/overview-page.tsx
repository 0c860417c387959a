import type { ReactNode } from 'react';
import { nextDue, SlaChip, slaTone } from '../components/sla-chip';
import { TicketLink } from '../components/ticket-link';
import { Badge, Empty, ErrorMessage, Loading, LoadBar, Panel, Stat, scrollRegion } from '../components/ui';
import { formatAgo, OPEN_STATUSES } from '../lib/format';
import type { Translate } from '../lib/i18n';
import { useLiveTick } from '../lib/live';
import { useSession } from '../lib/session';
import type { Page, Ticket, Workload } from '../lib/types';
import { useNow } from '../lib/use-now';
import { useResource } from '../lib/use-resource';
import { SectionTitle } from '../components/layout';
import { useI18n } from '../lib/i18n-provider';

type AgentLoad = Workload['agents'][number];

function loadText(agent: AgentLoad, t: Translate): string {
  const parts = Object.entries(agent.capacity).filter(([, limit]) => limit > 0).map(([kind, limit]) => `${agent.load[kind] ?? 0}/${limit} ${kind}`);
  return parts.length > 0 ? parts.join(' · ') : t('dashboard.overview.no_capacity');
}

function AgentRow(props: { agent: AgentLoad }) {
  const { agent } = props;
  const { t } = useI18n();
  const share = agent.utilisation ?? 0;
  const flag = share > 1 ? 'overloaded' : share >= 1 ? 'full' : share === 0 && agent.status === 'available' ? 'idle' : null;
  return (
    <li className="agent-row">
      <div className="agent-name">
        <span>{agent.name}</span>
        <Badge kind="presence" value={agent.status} />
        {flag ? <span className={`flag flag-${flag}`}>{t(`dashboard.overview.flag.${flag}`)}</span> : null}
      </div>
      <LoadBar label={t('dashboard.overview.load_of', { name: agent.name })} share={agent.utilisation} />
      <div className="agent-load muted">{loadText(agent, t)}</div>
    </li>
  );
}

function TicketList(props: { tickets: Ticket[]; now: number; empty: string; extra?: (ticket: Ticket) => ReactNode }) {
  const { t, locale } = useI18n();
  if (props.tickets.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <ul className="ticket-list">
      {props.tickets.map((ticket) => (
        <li key={ticket.id}>
          <TicketLink ticket={ticket} />
          <div className="ticket-meta">
            <Badge kind="priority" value={ticket.priority} />
            <span className="muted">{ticket.queue ?? t('dashboard.no_queue')}</span>
            {props.extra ? props.extra(ticket) : <span className="muted">{formatAgo(locale, ticket.created_at, props.now)}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The floor at a glance: queues, who is overloaded or idle, unassigned and escalated work, SLA clocks about to run out. */
export function OverviewPage() {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const tick = useLiveTick((event) => event.entity.kind === 'ticket' || event.entity.kind === 'agent');
  const now = useNow(30_000);
  const workload = useResource(`workload:${tick}`, () => api.get<Workload>('/v1/workload'));
  const open = useResource(`open:${tick}`, () => api.get<Page<Ticket>>('/v1/tickets', { status: OPEN_STATUSES.join(','), limit: 200 }));
  if (workload.error || open.error) return <ErrorMessage error={workload.error ?? open.error} title={t('dashboard.overview.load_failed')} />;
  if (!workload.data || !open.data) return <Loading />;

  const tickets = open.data.data;
  const unassigned = tickets.filter((t) => t.assignee === null);
  const escalated = tickets.filter((t) => t.escalation.level > 0);
  const timed = tickets.filter((t) => nextDue(t) !== null).sort((a, b) => (nextDue(a)!.due_at! < nextDue(b)!.due_at! ? -1 : 1));
  const atRisk = timed.filter((t) => slaTone(nextDue(t)!, now) !== 'ok');
  const agents = [...workload.data.agents].sort((a, b) => (b.utilisation ?? 0) - (a.utilisation ?? 0));
  const overloaded = agents.filter((a) => (a.utilisation ?? 0) > 1).length;
  const available = agents.filter((a) => a.status === 'available').length;
  const totalOpen = workload.data.queues.reduce((sum, q) => sum + q.open, 0);
  const more = open.data.next_cursor ? '+' : '';

  return (
    <div className="page">
      <SectionTitle section="" />
      <div className="stats" aria-label={t('dashboard.reports.headline.label')}>
        <Stat label={t('dashboard.overview.open')} value={totalOpen} />
        <Stat label={t('dashboard.unassigned_title')} value={`${unassigned.length}${more}`} tone={unassigned.length > 0 ? 'warn' : 'ok'} />
        <Stat label={t('dashboard.escalated_title')} value={`${escalated.length}${more}`} tone={escalated.length > 0 ? 'warn' : 'ok'} />
        <Stat label={t('dashboard.overview.at_risk')} value={`${atRisk.length}${more}`} tone={atRisk.length > 0 ? 'bad' : 'ok'} />
        <Stat label={t('dashboard.overview.available')} value={`${available}/${agents.length}`} />
        <Stat label={t('dashboard.overview.overloaded')} value={overloaded} tone={overloaded > 0 ? 'bad' : 'ok'} />
      </div>
      <div className="grid overview-grid">
        <Panel title={t('dashboard.overview.queues')}>
          <div {...scrollRegion(t('dashboard.overview.queues'))}>
            <table>
              <thead><tr><th scope="col">{t('dashboard.field.queue')}</th><th scope="col">{t('dashboard.overview.open_short')}</th><th scope="col">{t('dashboard.unassigned_title')}</th><th scope="col">{t('dashboard.escalated_title')}</th><th scope="col">{t('dashboard.overview.oldest')}</th></tr></thead>
              <tbody>
                {workload.data.queues.map((q) => (
                  <tr key={q.queue ?? '-'}>
                    <th scope="row">{q.queue ?? <span className="muted">{t('dashboard.no_queue')}</span>}</th>
                    <td>{q.open}</td>
                    <td className={q.unassigned > 0 ? 'warn-text' : ''}>{q.unassigned}</td>
                    <td>{q.escalated}</td>
                    <td>{q.oldest_unassigned_at ? formatAgo(locale, q.oldest_unassigned_at, now) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Panel>
        <Panel title={t('dashboard.overview.agents')}>
          {agents.length === 0 ? <Empty>{t('dashboard.overview.no_agents')}</Empty> : <ul className="agent-list">{agents.map((a) => <AgentRow key={a.agent_id} agent={a} />)}</ul>}
        </Panel>
        <Panel title={t('dashboard.overview.timers')}>
          <TicketList tickets={timed.slice(0, 8)} now={now} empty={t('dashboard.overview.no_timers')} extra={(ticket) => <SlaChip ticket={ticket} now={now} />} />
        </Panel>
        <Panel title={t('dashboard.unassigned_title')}>
          <TicketList tickets={unassigned.slice(0, 8)} now={now} empty={t('dashboard.overview.all_assigned')} />
        </Panel>
        <Panel title={t('dashboard.escalated_title')}>
          <TicketList tickets={escalated.slice(0, 8)} now={now} empty={t('dashboard.overview.none_escalated')} extra={(ticket) => <span className="muted">{t('dashboard.escalation_level', { level: ticket.escalation.level })}: {ticket.escalation.reason}</span>} />
        </Panel>
      </div>
    </div>
  );
}
