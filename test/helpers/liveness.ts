/** One row of the events table, as the liveness replay reads it. */
export interface HistoryRow {
  entity_kind: string;
  entity_id: string;
  type: string;
  at: number | string;
  after: { status?: string; assigneeId?: string | null } | null;
  data: { agent?: string } | null;
}

/** A ticket that waited beside an agent with room who could have taken it, and for how long. */
export interface Stall {
  ticketId: string;
  since: number;
  until: number;
}

interface TicketState {
  status: string;
  assignee: string | null;
  offeredTo: string | null;
  declined: Set<string>;
  /** Since when an agent with room could have taken it, while it waited; null otherwise. */
  takeableSince: number | null;
}

const HOLDING = new Set(['assigned', 'in_progress']);
const OFFER_ENDINGS = new Set(['offer.accepted', 'offer.declined', 'offer.expired', 'offer.cancelled']);

/**
 * Replays a workspace's history in order and finds every stretch longer than `graceMs` in which
 * a ticket waited (queued, held by nobody, offered to nobody) while an available agent held
 * fewer than `capacity` units (tickets held plus pending offers) and had not declined it. Every
 * agent belongs to every queue in the scenarios this is used with.
 */
export function stallsIn(rows: readonly HistoryRow[], capacity: number, graceMs: number, endAt: number): Stall[] {
  const tickets = new Map<string, TicketState>();
  const available = new Map<string, boolean>();
  const stalls: Stall[] = [];
  const close = (id: string, state: TicketState, at: number) => {
    if (state.takeableSince !== null && at - state.takeableSince > graceMs) stalls.push({ ticketId: id, since: state.takeableSince, until: at });
    state.takeableSince = null;
  };
  for (const row of rows) {
    const at = Number(row.at);
    if (row.entity_kind === 'agent') applyAgent(available, row);
    else applyTicket(tickets, row);
    reassess(tickets, available, capacity, at, close);
  }
  for (const [id, state] of tickets) close(id, state, endAt);
  return stalls;
}

function applyAgent(available: Map<string, boolean>, row: HistoryRow): void {
  if (row.type === 'agent.removed') available.set(row.entity_id, false);
  else if (row.after?.status !== undefined) available.set(row.entity_id, row.after.status === 'available');
}

function applyTicket(tickets: Map<string, TicketState>, row: HistoryRow): void {
  const state = tickets.get(row.entity_id) ?? { status: 'new', assignee: null, offeredTo: null, declined: new Set<string>(), takeableSince: null };
  tickets.set(row.entity_id, state);
  if (row.after?.status !== undefined) state.status = row.after.status;
  if (row.after && 'assigneeId' in row.after) state.assignee = row.after.assigneeId ?? null;
  if (row.type === 'ticket.offered') state.offeredTo = row.data?.agent ?? null;
  if (OFFER_ENDINGS.has(row.type)) {
    if ((row.type === 'offer.declined' || row.type === 'offer.expired') && row.data?.agent) state.declined.add(row.data.agent);
    state.offeredTo = null;
  }
}

function reassess(
  tickets: Map<string, TicketState>, available: Map<string, boolean>, capacity: number, at: number,
  close: (id: string, state: TicketState, at: number) => void,
): void {
  const taken = new Map<string, number>();
  for (const state of tickets.values()) {
    const holder = HOLDING.has(state.status) ? state.assignee : state.offeredTo;
    if (holder) taken.set(holder, (taken.get(holder) ?? 0) + 1);
  }
  const withRoom = [...available].filter(([agent, on]) => on && (taken.get(agent) ?? 0) < capacity).map(([agent]) => agent);
  for (const [id, state] of tickets) {
    const waiting = state.status === 'queued' && state.assignee === null && state.offeredTo === null;
    const takeable = waiting && withRoom.some((agent) => !state.declined.has(agent));
    if (!takeable) close(id, state, at);
    else state.takeableSince ??= at;
  }
}
