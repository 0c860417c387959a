import { useId, useRef, useState, type FormEvent } from 'react';
import { TicketListShortcuts } from './ticket-list-shortcuts';
import { SlaChip } from '../components/sla-chip';
import { TicketLink } from '../components/ticket-link';
import { Badge, Empty, ErrorMessage, Loading, scrollRegion } from '../components/ui';
import { listAll } from '../lib/api';
import { formatAgo, PRIORITIES, STATUSES } from '../lib/format';
import { useI18n } from '../lib/i18n-provider';
import { useLiveTick } from '../lib/live';
import { navigate, type Route } from '../lib/router';
import { useSession } from '../lib/session';
import type { Ticket } from '../lib/types';
import { useAgents } from '../lib/use-agents';
import { useNow } from '../lib/use-now';
import { useResource } from '../lib/use-resource';
import { NewTicketForm } from './new-ticket-form';
import { SectionTitle } from '../components/layout';

const FILTERS = ['q', 'status', 'priority', 'queue', 'assignee', 'tag', 'customer'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

function filtersOf(route: Route): Filters {
  return Object.fromEntries(FILTERS.map((key) => [key, route.query.get(key) ?? '']).filter(([, value]) => value !== ''));
}

function applyFilters(filters: Filters): void {
  const params = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  navigate(`/tickets${params.size > 0 ? `?${params}` : ''}`);
}

/** Filters kept in the address, so a filtered list can be bookmarked and shared. */
function FilterBar(props: { filters: Filters }) {
  const { agents } = useAgents();
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(props.filters);
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    applyFilters(draft);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label={t('dashboard.tickets.filter')}>
      <div className="field grow">
        <label htmlFor={`${id}-q`}>{t('dashboard.tickets.search')}</label>
        <input id={`${id}-q`} type="search" placeholder={t('dashboard.tickets.search_hint')} value={draft.q ?? ''} onChange={set('q')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('dashboard.field.status')}</label>
        <select id={`${id}-status`} value={draft.status ?? ''} onChange={set('status')}>
          <option value="">{t('dashboard.tickets.any')}</option>
          <option value="new,needs_info,queued,assigned,in_progress,pending,on_hold">{t('dashboard.tickets.open')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`dashboard.status.${s}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-priority`}>{t('dashboard.field.priority')}</label>
        <select id={`${id}-priority`} value={draft.priority ?? ''} onChange={set('priority')}>
          <option value="">{t('dashboard.tickets.any')}</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{t(`dashboard.priority.${p}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-queue`}>{t('dashboard.field.queue')}</label>
        <input id={`${id}-queue`} value={draft.queue ?? ''} onChange={set('queue')} size={10} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-assignee`}>{t('dashboard.field.assignee')}</label>
        <select id={`${id}-assignee`} value={draft.assignee ?? ''} onChange={set('assignee')}>
          <option value="">{t('dashboard.tickets.anyone')}</option>
          <option value="none">{t('dashboard.unassigned')}</option>
          {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tag`}>{t('dashboard.tickets.tag')}</label>
        <input id={`${id}-tag`} value={draft.tag ?? ''} onChange={set('tag')} size={10} />
      </div>
      <div className="button-row">
        <button type="submit" className="primary">{t('dashboard.tickets.apply')}</button>
        <button type="button" onClick={() => { setDraft({}); applyFilters({}); }}>{t('dashboard.tickets.clear')}</button>
      </div>
    </form>
  );
}

/** Every ticket, filtered, newest first, with their SLA clocks; and the form for a new one. */
export function TicketsPage(props: { route: Route }) {
  const { api, can } = useSession();
  const { nameOf } = useAgents();
  const { t, locale } = useI18n();
  const filters = filtersOf(props.route);
  const [pages, setPages] = useState(1);
  const [creating, setCreating] = useState(props.route.query.get('new') === '1');
  const tick = useLiveTick((event) => event.entity.kind === 'ticket');
  const now = useNow(30_000);
  const key = JSON.stringify(filters);
  const tickets = useResource(`tickets:${key}:${pages}:${tick}`, () => listAll<Ticket>(api, '/v1/tickets', filters, pages * 50));
  const page = useRef<HTMLDivElement>(null);

  return (
    <div className="page" ref={page}>
      <TicketListShortcuts page={page} />
      <div className="page-title">
        <SectionTitle section="tickets" />
        {can('tickets:write') && !creating ? <button type="button" className="primary" onClick={() => setCreating(true)}>{t('dashboard.tickets.new')}</button> : null}
      </div>
      {creating ? <NewTicketForm onClose={() => setCreating(false)} /> : null}
      <FilterBar key={key} filters={filters} />
      <ErrorMessage error={tickets.error} title={t('dashboard.tickets.load_failed')} />
      {!tickets.data ? <Loading /> : tickets.data.length === 0 ? <Empty>{t('dashboard.tickets.none')}</Empty> : (
        <div {...scrollRegion(t('dashboard.nav.tickets'))}>
          <table className="tickets-table">
            <caption className="visually-hidden">{t('dashboard.tickets.caption')}</caption>
            <thead>
              <tr><th scope="col">{t('dashboard.field.title')}</th><th scope="col">{t('dashboard.field.status')}</th><th scope="col">{t('dashboard.field.priority')}</th><th scope="col">{t('dashboard.field.queue')}</th><th scope="col">{t('dashboard.field.assignee')}</th><th scope="col">{t('dashboard.field.sla')}</th><th scope="col">{t('dashboard.field.created')}</th></tr>
            </thead>
            <tbody>
              {tickets.data.map((ticket) => (
                <tr key={ticket.id}>
                  <td className="title-cell"><TicketLink ticket={ticket} />{ticket.escalation.level > 0 ? <span className="flag flag-overloaded">{t('dashboard.escalation_level', { level: ticket.escalation.level })}</span> : null}</td>
                  <td data-label={t('dashboard.field.status')}><Badge kind="status" value={ticket.status} /></td>
                  <td data-label={t('dashboard.field.priority')}><Badge kind="priority" value={ticket.priority} /></td>
                  <td data-label={t('dashboard.field.queue')}>{ticket.queue ?? '—'}</td>
                  <td data-label={t('dashboard.field.assignee')}>{ticket.assignee ? nameOf(ticket.assignee) : <span className="muted">{t('dashboard.unassigned')}</span>}</td>
                  <td data-label={t('dashboard.field.sla')}><SlaChip ticket={ticket} now={now} /></td>
                  <td data-label={t('dashboard.field.created')}>{formatAgo(locale, ticket.created_at, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tickets.data && tickets.data.length >= pages * 50 ? <button type="button" onClick={() => setPages(pages + 1)}>{t('dashboard.tickets.more')}</button> : null}
    </div>
  );
}
