import { useId, useState, type FormEvent } from 'react';
import { SlaChip } from '../components/sla-chip';
import { TicketLink } from '../components/ticket-link';
import { Badge, Empty, ErrorMessage, Loading, scrollRegion } from '../components/ui';
import { listAll } from '../lib/api';
import { formatAgo, PRIORITIES, STATUSES, humanize } from '../lib/format';
import { useLiveTick } from '../lib/live';
import { navigate, type Route } from '../lib/router';
import { useSession } from '../lib/session';
import type { Ticket } from '../lib/types';
import { useAgents } from '../lib/use-agents';
import { useNow } from '../lib/use-now';
import { useResource } from '../lib/use-resource';
import { NewTicketForm } from './new-ticket-form';
import { SectionTitle } from '../components/layout';
import { useI18n } from '../lib/i18n-provider';

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
  const id = useId();
  const [draft, setDraft] = useState(props.filters);
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    applyFilters(draft);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter tickets">
      <div className="field grow">
        <label htmlFor={`${id}-q`}>Search</label>
        <input id={`${id}-q`} type="search" placeholder="Words in the title or description" value={draft.q ?? ''} onChange={set('q')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={draft.status ?? ''} onChange={set('status')}>
          <option value="">any</option>
          <option value="new,needs_info,queued,assigned,in_progress,pending,on_hold">open</option>
          {STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select id={`${id}-priority`} value={draft.priority ?? ''} onChange={set('priority')}>
          <option value="">any</option>
          {PRIORITIES.map((p) => <option key={p}>{p}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-queue`}>Queue</label>
        <input id={`${id}-queue`} value={draft.queue ?? ''} onChange={set('queue')} size={10} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-assignee`}>Assignee</label>
        <select id={`${id}-assignee`} value={draft.assignee ?? ''} onChange={set('assignee')}>
          <option value="">anyone</option>
          <option value="none">unassigned</option>
          {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-tag`}>Tag</label>
        <input id={`${id}-tag`} value={draft.tag ?? ''} onChange={set('tag')} size={10} />
      </div>
      <div className="button-row">
        <button type="submit" className="primary">Apply</button>
        <button type="button" onClick={() => { setDraft({}); applyFilters({}); }}>Clear</button>
      </div>
    </form>
  );
}

/** Every ticket, filtered, newest first, with their SLA clocks; and the form for a new one. */
export function TicketsPage(props: { route: Route }) {
  const { locale } = useI18n();
  const { api, can } = useSession();
  const { nameOf } = useAgents();
  const filters = filtersOf(props.route);
  const [pages, setPages] = useState(1);
  const [creating, setCreating] = useState(props.route.query.get('new') === '1');
  const tick = useLiveTick((event) => event.entity.kind === 'ticket');
  const now = useNow(30_000);
  const key = JSON.stringify(filters);
  const tickets = useResource(`tickets:${key}:${pages}:${tick}`, () => listAll<Ticket>(api, '/v1/tickets', filters, pages * 50));

  return (
    <div className="page">
      <div className="page-title">
        <SectionTitle section="tickets" />
        {can('tickets:write') && !creating ? <button type="button" className="primary" onClick={() => setCreating(true)}>New ticket</button> : null}
      </div>
      {creating ? <NewTicketForm onClose={() => setCreating(false)} /> : null}
      <FilterBar key={key} filters={filters} />
      <ErrorMessage error={tickets.error} title="Could not load tickets" />
      {!tickets.data ? <Loading what="tickets" /> : tickets.data.length === 0 ? <Empty>No tickets match.</Empty> : (
        <div {...scrollRegion('Tickets')}>
          <table className="tickets-table">
            <caption className="visually-hidden">Tickets, newest first</caption>
            <thead>
              <tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">Queue</th><th scope="col">Assignee</th><th scope="col">SLA</th><th scope="col">Created</th></tr>
            </thead>
            <tbody>
              {tickets.data.map((ticket) => (
                <tr key={ticket.id}>
                  <td className="title-cell"><TicketLink ticket={ticket} />{ticket.escalation.level > 0 ? <span className="flag flag-overloaded">L{ticket.escalation.level}</span> : null}</td>
                  <td data-label="Status"><Badge kind="status" value={ticket.status} /></td>
                  <td data-label="Priority"><Badge kind="priority" value={ticket.priority} /></td>
                  <td data-label="Queue">{ticket.queue ?? '—'}</td>
                  <td data-label="Assignee">{ticket.assignee ? nameOf(ticket.assignee) : <span className="muted">unassigned</span>}</td>
                  <td data-label="SLA"><SlaChip ticket={ticket} now={now} /></td>
                  <td data-label="Created">{formatAgo(locale, ticket.created_at, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tickets.data && tickets.data.length >= pages * 50 ? <button type="button" onClick={() => setPages(pages + 1)}>Show more</button> : null}
    </div>
  );
}
