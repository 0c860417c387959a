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
export async function seedDemoWorkspace(store: Store, workspaceId: string, ids: IdGenerator, now: number): Promise<{ agents: number; tickets: number }> {
  const agentDrafts = readDemo<AgentDraft[]>('agents.json');
  const tickets = readDemo<DemoTicket[]>('tickets.json');
  const clock = new ManualClock(now);
  return store.transaction(async (tx) => {
    const context = (actor: Actor): CommandContext => ({ actor, workspaceId, clock, ids, tx });
    clock.set(now - 90 * 24 * 3600_000);
    const agents: Agent[] = [];
    for (const draft of agentDrafts) agents.push(await createAgentCommand(context(SYSTEM_ACTOR), draft));
    let turn = 0;
    for (const demo of tickets) {
      clock.set(now - demo.ageMinutes * 60_000);
      await seedTicket(demo, agents, turn++, context, clock);
    }
    return { agents: agents.length, tickets: tickets.length };
  });
}

async function seedTicket(
  demo: DemoTicket,
  agents: Agent[],
  turn: number,
  context: (actor: Actor) => CommandContext,
  clock: ManualClock,
): Promise<void> {
  const customer: Actor = { kind: 'customer', id: demo.draft.customer?.id ?? null, name: demo.draft.customer?.name ?? null };
  const ticket = await createTicketCommand(context(customer), demo.draft);
  if (demo.status === 'queued' || demo.status === 'new' || demo.status === 'needs_info') return;
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
}
