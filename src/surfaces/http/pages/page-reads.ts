import type { AgentQuery, StoreTx, TicketQuery } from '../../../domain/store/store.js';
import { presentAgent } from '../../wire/agents/agent-presenter.js';
import { presentTicket } from '../../wire/tickets/ticket-presenter.js';
import { pageBody } from '../pagination.js';

/** A list an agent desk asks for most: `GET /v1/tickets` or `GET /v1/agents`, with its query. */
export type PageRead = { kind: 'tickets'; query: TicketQuery } | { kind: 'agents'; query: AgentQuery };

/** A list as the wire shows it. */
export interface PageBody {
  data: unknown[];
  next_cursor: string | null;
}

/**
 * Reads and presents a list as its route answers it: the same code whether a request's own thread
 * runs it or a page thread does (see PageThreads). Tickets come with their latest approval.
 */
export async function readPage(tx: StoreTx, read: PageRead): Promise<PageBody> {
  if (read.kind === 'agents') return pageBody(await tx.agents.list(read.query), presentAgent);
  const page = await tx.tickets.list(read.query);
  const approvals = await tx.approvals.latestFor(read.query.workspaceId, page.items.map((ticket) => ticket.id));
  return pageBody(page, (ticket) => presentTicket(ticket, approvals.get(ticket.id) ?? null));
}

/** A list asked of a page thread, and its answer: the page as JSON text, or why it failed. */
export type PageQuestion = { id: number; read: PageRead };
export type PageAnswer = { id: number; json: string } | { id: number; error: string };
