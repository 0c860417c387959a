import type { Agent } from '../domain/agent/agent.js';
import type { DomainEvent } from '../domain/shared/event.js';
import type { Page, Store, TicketQuery } from '../domain/store/store.js';
import type { Ticket } from '../domain/ticket/ticket.js';

const PAGE_SIZE = 500;

/**
 * Every item of a list, a page at a time, each page its own read: memory stays at one page
 * however large the workspace. Not a snapshot: rows written meanwhile may or may not appear.
 */
export async function* allPages<T>(fetch: (after: string | undefined) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let after: string | undefined;
  do {
    const page = await fetch(after);
    if (page.items.length > 0) yield page.items;
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}

/** The workspace's tickets matching `query`, newest first. */
export function ticketPages(store: Pick<Store, 'read'>, query: Omit<TicketQuery, 'after' | 'limit'>, pageSize = PAGE_SIZE): AsyncGenerator<Ticket[]> {
  return allPages((after) => store.read((tx) => tx.tickets.list({ ...query, after, limit: pageSize })));
}

/** The workspace's agents (removed ones left out, as in the API's list). */
export function agentPages(store: Pick<Store, 'read'>, workspaceId: string, pageSize = PAGE_SIZE): AsyncGenerator<Agent[]> {
  return allPages((after) => store.read((tx) => tx.agents.list({ workspaceId, after, limit: pageSize })));
}

/** The workspace's whole history, oldest first. */
export function eventPages(store: Pick<Store, 'read'>, workspaceId: string, pageSize = PAGE_SIZE): AsyncGenerator<DomainEvent[]> {
  return allPages((after) => store.read((tx) => tx.events.listForWorkspace(workspaceId, after === undefined ? undefined : Number(after), pageSize)));
}
