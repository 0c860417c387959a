import type { TicketBody } from './ticket-bodies.js';

/** The columns `KyselyTicketRepository.insert` writes to `tickets`, in the order of the values below. */
export const TICKET_COLUMNS = [
  'id', 'workspace_id', 'type', 'title', 'description', 'channel', 'priority', 'status',
  'customer', 'customer_id', 'customer_email', 'tags', 'fields', 'location', 'language', 'due_at',
  'queue', 'assignee_id', 'escalation_level', 'escalation_reason', 'version',
  'created_at', 'updated_at', 'first_response_at', 'resolved_at', 'closed_at',
] as const;

export type TicketRowValues = (string | number | null)[];

/** A create body as it arrives: only the title is sure to be there. */
export type WireTicket = Partial<Omit<TicketBody, 'customer'>> & Pick<TicketBody, 'title'> & { customer?: Partial<TicketBody['customer']> | null };

/**
 * The values Switchboard would store for this body (a new, queued, unassigned ticket), built with
 * no validation or domain logic: the ceiling measures the database, not our code.
 */
export function ticketRowValues(body: WireTicket, id: string, workspaceId: string, now: number): TicketRowValues {
  const customer = body.customer ? { id: null, name: null, email: null, organization: null, tier: null, ...body.customer } : null;
  return [
    id, workspaceId, body.type ?? 'support', body.title, body.description ?? '', body.channel ?? 'api', body.priority ?? 'normal', 'queued',
    customer && JSON.stringify(customer), customer?.id ?? null, customer?.email ?? null,
    JSON.stringify(body.tags ?? []), JSON.stringify(body.fields ?? {}), null, body.language ?? null, null,
    null, null, 0, null, 1,
    now, now, null, null, null,
  ];
}

/** `insert into tickets (…) values (…)` with `?` (SQLite) or `$n` (PostgreSQL) placeholders. */
export function insertTicketSql(placeholder: (index: number) => string): string {
  const values = TICKET_COLUMNS.map((_, i) => placeholder(i + 1)).join(', ');
  return `insert into tickets (${TICKET_COLUMNS.join(', ')}) values (${values})`;
}
