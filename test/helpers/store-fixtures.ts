import { createWorkspaceCommand } from '../../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../../src/domain/shared/actor.js';
import { createAgent, type Agent, type AgentDraft } from '../../src/domain/agent/agent.js';
import type { Store } from '../../src/domain/store/store.js';
import { createTicket } from '../../src/domain/ticket/ticket-changes.js';
import type { Ticket, TicketDraft } from '../../src/domain/ticket/ticket.js';
import { systemClock, systemIds } from '../../src/surfaces/runtime.js';

const ids = systemIds();

/** Creates a workspace with the slug and returns its id. */
export async function addWorkspace(store: Store, slug: string): Promise<string> {
  const workspace = await store.transaction((tx) =>
    createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids, tx }, { name: slug, slug }));
  return workspace.id;
}

/** A new ticket of the workspace, built by the domain from a draft (title defaults to "Ticket"). */
export function newTicket(workspaceId: string, draft: Partial<TicketDraft> = {}): Ticket {
  return createTicket({ title: 'Ticket', ...draft }, ids.next('tkt'), workspaceId, systemClock.now());
}

/** Stores tickets built from the drafts, in order, and returns them. */
export async function insertTickets(store: Store, workspaceId: string, drafts: Array<Partial<TicketDraft>>): Promise<Ticket[]> {
  const tickets = drafts.map((draft) => newTicket(workspaceId, draft));
  await store.transaction(async (tx) => {
    for (const ticket of tickets) await tx.tickets.insert(ticket);
  });
  return tickets;
}

/** A new agent of the workspace named `a${n}`, built by the domain; ids grow with `n`. */
export function newAgent(workspaceId: string, n: number, draft: Partial<AgentDraft> = {}): Agent {
  return createAgent({ name: `a${n}`, ...draft }, ids.next('agt'), workspaceId, systemClock.now());
}
