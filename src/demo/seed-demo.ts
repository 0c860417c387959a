import { readFileSync } from 'node:fs';
import { addCommentCommand } from '../commands/add-comment.js';
import { createAgentCommand } from '../commands/agent-commands.js';
import type { CommandContext } from '../commands/context.js';
import { createTicketCommand } from '../commands/create-ticket.js';
import { updateTicketCommand } from '../commands/update-ticket.js';
import type { Agent, AgentDraft } from '../domain/agent/agent.js';
import { ManualClock } from '../domain/shared/clock.js';
import type { Actor } from '../domain/shared/actor.js';
import type { IdGenerator } from '../domain/shared/ids.js';
import type { Store } from '../domain/store/store.js';
import type { TicketStatus } from '../domain/ticket/status.js';
import type { TicketDraft } from '../domain/ticket/ticket.js';
import { SYSTEM_ACTOR } from '../domain/shared/actor.js';
import type { PolicyDocument } from '../domain/routing/policy.js';
import type { Ticket } from '../domain/ticket/ticket.js';
import { savePolicyCommand } from '../commands/routing/policy-commands.js';
import { routeTicket } from '../commands/routing/route-ticket.js';
import type { RoutingRuntime } from '../commands/routing/routing-runtime.js';
import { seedDemoArticles } from './seed-demo-articles.js';
import { seedDemoTicketTypes } from './seed-demo-types.js';
import { systemContext } from '../surfaces/runtime.js';

/** One demo ticket: the draft, how old it is, how far it got, and its conversation. */
export interface DemoTicket {
  draft: TicketDraft;
  skill: string;
  ageMinutes: number;
  status: TicketStatus;
  replies: { author: 'agent' | 'customer'; body: string; afterMinutes: number }[];
}

const DATA_DIR = new URL('../../../data/demo/', import.meta.url);

function readDemo<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, DATA_DIR), 'utf8')) as T;
}

/**
 * Fills a new workspace with the demo team and a few hundred tickets (derived from the Bitext
 * customer-support sample, CDLA-Sharing-1.0), each created, worked and replied to through the
 * same commands the API uses, so their histories are real.
 */
export async function seedDemoWorkspace(
  store: Store,
  workspaceId: string,
  ids: IdGenerator,
  now: number,
  routing: RoutingRuntime,
): Promise<{ agents: number; tickets: number; routed: number }> {
  const agentDrafts = readDemo<AgentDraft[]>('agents.json');
  const tickets = readDemo<DemoTicket[]>('tickets.json');
  const clock = new ManualClock(now);
  return store.transaction(async (tx) => {
    const context = (actor: Actor): CommandContext => systemContext(tx, workspaceId, ids, clock, actor);
    clock.set(now - 90 * 24 * 3600_000);
    const agents: Agent[] = [];
    for (const draft of agentDrafts) agents.push(await createAgentCommand(context(SYSTEM_ACTOR), draft));
    const waiting: Ticket[] = [];
    let turn = 0;
    for (const demo of tickets) {
      clock.set(now - demo.ageMinutes * 60_000);
      const waitingTicket = await seedTicket(demo, agents, turn++, context, clock);
      if (waitingTicket) waiting.push(waitingTicket);
    }
    // The waiting tickets go through the demo policy as they would have on arrival.
    clock.set(now);
    await savePolicyCommand(context(SYSTEM_ACTOR), readDemo<PolicyDocument>('policy.json'));
    await seedDemoArticles(context(SYSTEM_ACTOR));
    // After the demo tickets, so the types' required fields do not send the old tickets to needs_info.
    await seedDemoTicketTypes(context(SYSTEM_ACTOR));
    const ctx = { ...context(SYSTEM_ACTOR), routing };
    for (const ticket of waiting) await routeTicket(ctx, ticket);
    return { agents: agents.length, tickets: tickets.length, routed: waiting.length };
  });
}

async function seedTicket(
  demo: DemoTicket,
  agents: Agent[],
  turn: number,
  context: (actor: Actor) => CommandContext,
  clock: ManualClock,
): Promise<Ticket | null> {
  const customer: Actor = { kind: 'customer', id: demo.draft.customer?.id ?? null, name: demo.draft.customer?.name ?? null };
  const ticket = await createTicketCommand(context(customer), demo.draft);
  // Waiting tickets are handed back to be routed; the rest are worked to their demo status here.
  if (demo.status === 'queued' || demo.status === 'new' || demo.status === 'needs_info') return ticket;
  const skilled = agents.filter((agent) => (agent.skills[demo.skill] ?? 0) > 0);
  const pool = skilled.length > 0 ? skilled : agents;
  const agent = pool[turn % pool.length]!;
  const asAgent: Actor = { kind: 'agent', id: agent.id, name: agent.name };
  clock.advance(5 * 60_000);
  await updateTicketCommand(context(SYSTEM_ACTOR), ticket.id, { assigneeId: agent.id, status: 'in_progress' });
  for (const reply of demo.replies) {
    clock.advance(reply.afterMinutes * 60_000);
    await addCommentCommand(context(reply.author === 'agent' ? asAgent : customer), ticket.id, { body: reply.body, visibility: 'public' });
  }
  if (demo.status !== 'in_progress') {
    clock.advance(30 * 60_000);
    if (demo.status === 'closed') await updateTicketCommand(context(asAgent), ticket.id, { status: 'resolved' });
    await updateTicketCommand(context(asAgent), ticket.id, { status: demo.status });
  }
  return null;
}
