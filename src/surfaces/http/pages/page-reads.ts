import type { AgentQuery, StoreTx, TicketQuery } from '../../../domain/store/store.js';
import { presentAgent } from '../../wire/agents/agent-presenter.js';
import { presentTicket } from '../../wire/tickets/ticket-presenter.js';
import { pageBody } from '../pagination.js';

/**
 * The lists an agent desk asks for most, read and presented as their routes answer them: the
 * same code whether a request's own thread runs it or a page thread does (see PageThreads).
 */
export const PAGE_READS = {
  /** `GET /v1/tickets`: a page of tickets, each with its latest approval. */
  async tickets(tx: StoreTx, query: TicketQuery) {
    const page = await tx.tickets.list(query);
    const approvals = await tx.approvals.latestFor(query.workspaceId, page.items.map((ticket) => ticket.id));
    return pageBody(page, (ticket) => presentTicket(ticket, approvals.get(ticket.id) ?? null));
  },
  /** `GET /v1/agents`: a page of agents. */
  async agents(tx: StoreTx, query: AgentQuery) {
    return pageBody(await tx.agents.list(query), presentAgent);
  },
};

export type PageKind = keyof typeof PAGE_READS;

/** A list as the wire shows it. */
export interface PageBody {
  data: unknown[];
  next_cursor: string | null;
}

/** Reads the page a question asks for. */
export function readPage(tx: StoreTx, kind: PageKind, query: TicketQuery | AgentQuery): Promise<PageBody> {
  return kind === 'tickets' ? PAGE_READS.tickets(tx, query as TicketQuery) : PAGE_READS.agents(tx, query as AgentQuery);
}

/** What a page of each kind is asked with. */
export type PageQuery<K extends PageKind> = Parameters<(typeof PAGE_READS)[K]>[1];

/** A page read asked of another thread, and its answer: the page as JSON text, or why it failed. */
export type PageQuestion = { id: number; kind: PageKind; query: TicketQuery | AgentQuery };
export type PageAnswer = { id: number; json: string } | { id: number; error: string };
