import { addCommentCommand } from '../commands/add-comment.js';
import type { CommandContext } from '../commands/context.js';
import { escalateTicketCommand } from '../commands/escalation/escalate-ticket.js';
import { mintRequesterLink } from '../commands/portal/requester-links.js';
import { rateRequestCommand } from '../commands/portal/requester-status.js';
import { dryRunCommand } from '../commands/routing/dry-run.js';
import type { RoutingContext } from '../commands/routing/routing-context.js';
import { updateTicketCommand } from '../commands/update-ticket.js';
import { capacityClassOf, type CapacityClass } from '../domain/routing/capacity.js';
import type { PolicyDocument } from '../domain/routing/policy.js';
import type { Actor } from '../domain/shared/actor.js';
import type { ManualClock } from '../domain/shared/clock.js';
import type { TicketStatus } from '../domain/ticket/status.js';
import type { Ticket, TicketDraft } from '../domain/ticket/ticket.js';

/** One demo ticket: the draft, how old it is, how far it got, and its conversation. */
export interface DemoTicket {
  draft: TicketDraft;
  skill: string;
  ageMinutes: number;
  status: TicketStatus;
  replies: { author: 'agent' | 'customer'; body: string; afterMinutes: number }[];
}

/** What working one demo ticket needs: the ticket as created, its place in the run, and contexts to act in. */
export interface DemoWork {
  demo: DemoTicket;
  ticket: Ticket;
  turn: number;
  customer: Actor;
  clock: ManualClock;
  policy: PolicyDocument;
  context(actor: Actor): CommandContext;
  routed(actor: Actor): RoutingContext;
}

const MINUTE = 60_000;
/** Scores and remarks cycled through the rated tickets: mostly satisfied, some not, as desks see. */
const RATINGS: { score: number; comment: string | null }[] = [
  { score: 5, comment: 'Quick and friendly, thank you!' }, { score: 4, comment: null }, { score: 5, comment: null },
  { score: 3, comment: 'Solved, but it took a while.' }, { score: 5, comment: null }, { score: 4, comment: 'Clear answer.' },
  { score: 2, comment: 'I had to explain everything twice.' }, { score: 5, comment: null }, { score: 4, comment: null },
  { score: 1, comment: 'Still not fixed.' }, { score: 5, comment: 'Great help.' }, { score: 4, comment: null },
];
/** Every how-many-th worked ticket of an important customer climbed to L2 on the way. */
const ESCALATE_EVERY = 3;

/**
 * Works a demo ticket to its demo status as the desk would have: the queue and agent the demo
 * policy picks, the conversation, for some important customers an escalation to L2, the
 * resolution, and most often a rating. Open work that no agent has room for is left to wait
 * (false); closed work falls back to a skilled agent, since it holds no room any longer.
 */
export async function workDemoTicket(work: DemoWork): Promise<boolean> {
  const { demo, clock, context } = work;
  const placed = await placement(work);
  if (!placed) return false;
  let holder: Actor = { kind: 'agent', id: placed.agentId, name: placed.agentName };
  clock.advance(5 * MINUTE);
  const queue = work.ticket.queue ?? placed.queue;
  await updateTicketCommand(context(work.customer), work.ticket.id, { queue, assigneeId: placed.agentId, status: 'in_progress' });
  for (const [i, reply] of demo.replies.entries()) {
    clock.advance(reply.afterMinutes * MINUTE);
    await addCommentCommand(context(reply.author === 'agent' ? holder : work.customer), work.ticket.id, { body: reply.body, visibility: 'public' });
    if (i === 0 && climbs(work)) holder = await escalateToSenior(work, holder);
  }
  if (demo.status === 'in_progress') return true;
  clock.advance(30 * MINUTE);
  if (demo.status === 'closed') await updateTicketCommand(context(holder), work.ticket.id, { status: 'resolved' });
  await updateTicketCommand(context(holder), work.ticket.id, { status: demo.status });
  if (demo.status !== 'pending' && work.turn % 3 !== 2) await rate(work);
  return true;
}

const isOpen = (demo: DemoTicket) => demo.status === 'in_progress' || demo.status === 'pending';

/** Where the demo policy sends the ticket and who of its candidates takes it; null when open work finds no one with room. */
async function placement(work: DemoWork): Promise<{ queue: string; agentId: string; agentName: string } | null> {
  const ctx = work.routed(work.customer);
  const decision = await dryRunCommand(ctx, work.demo.draft, work.policy);
  for (const chosen of decision.candidates) {
    if (!isOpen(work.demo) || (await keepsRoom(ctx, chosen.agentId, capacityClassOf(work.ticket.channel)))) {
      return { queue: decision.queue, agentId: chosen.agentId, agentName: chosen.agentName };
    }
  }
  if (isOpen(work.demo)) return null;
  const agents = (await ctx.tx.agents.listAll(ctx.workspaceId)).filter((a) => a.status !== 'offline');
  const skilled = agents.filter((agent) => (agent.skills[work.demo.skill] ?? 0) > 0);
  const pool = skilled.length > 0 ? skilled : agents;
  const agent = pool[work.turn % pool.length]!;
  return { queue: decision.queue, agentId: agent.id, agentName: agent.name };
}

/**
 * Open demo work fills an agent to three quarters of a capacity class at most, so the routing of
 * the waiting tickets at the end still finds room, and the offer queue still makes offers.
 */
async function keepsRoom(ctx: RoutingContext, agentId: string, capacityClass: CapacityClass): Promise<boolean> {
  const agent = await ctx.tx.agents.get(ctx.workspaceId, agentId);
  const taken = await ctx.tx.workload.unitsTaken(ctx.workspaceId, agentId, capacityClass);
  return taken + 1 <= Math.floor(((agent?.capacity[capacityClass] ?? 0) * 3) / 4);
}

function climbs(work: DemoWork): boolean {
  const tier = work.ticket.customer?.tier;
  // Only finished work climbs here: the L2 owner takes it over whatever their load, which open work must not overfill.
  return (tier === 'enterprise' || tier === 'vip') && !isOpen(work.demo) && work.turn % ESCALATE_EVERY === 0 && work.demo.replies.length > 1;
}

/** The first agent hands the ticket to L2, whose owner takes it over; returns who holds it then. */
async function escalateToSenior(work: DemoWork, asAgent: Actor): Promise<Actor> {
  work.clock.advance(20 * MINUTE);
  const escalated = await escalateTicketCommand(work.context(asAgent), work.ticket.id, {
    level: 2, reason: 'The customer needs a senior agent', trigger: 'manual',
  });
  const owner = escalated.escalation?.owner;
  if (!owner || !('agent' in owner)) return asAgent;
  work.clock.advance(15 * MINUTE);
  await updateTicketCommand(work.context(asAgent), work.ticket.id, { assigneeId: owner.agent, status: 'in_progress' });
  const agent = await work.context(asAgent).tx.agents.get(work.ticket.workspaceId, owner.agent);
  return { kind: 'agent', id: owner.agent, name: agent?.name ?? null };
}

/** The requester rates the resolution through their status link, an hour or so after it. */
async function rate(work: DemoWork): Promise<void> {
  work.clock.advance((45 + (work.turn % 5) * 30) * MINUTE);
  const ctx = work.routed(work.customer);
  const token = await mintRequesterLink(ctx, 'status', work.ticket.id);
  await rateRequestCommand(ctx, token, RATINGS[work.turn % RATINGS.length]!);
}
