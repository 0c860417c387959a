import type { Agent } from '../../domain/agent/agent.js';
import { fail } from '../../domain/errors.js';
import { capacityClassOf, type CapacityClass } from '../../domain/routing/capacity.js';
import {
  planBatchDispatch, planGreedyDispatch, type DispatchOptions, type DispatchOrder, type DispatchPlan, type DispatchTechnician,
} from '../../domain/routing/dispatch/index.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { applyDispatch, type DispatchResult } from './apply-dispatch.js';

export interface BatchDispatchRequest {
  /** The work orders to place; default: every waiting, unassigned ticket with a location (of `queue`, if given). */
  ticketIds?: string[];
  queue?: string;
  /** Only technicians of this team. */
  team?: string;
  options?: DispatchOptions;
  /** Carry the plan out (each assignment re-checked against capacity), or only show it. */
  apply: boolean;
}

export interface BatchDispatchOutcome {
  plan: DispatchPlan;
  greedy: Pick<DispatchPlan, 'totalCost' | 'assignments'>;
  applied: DispatchResult[] | null;
}

const MAX_ORDERS = 2000;

/**
 * Plans the dispatch of many pending work orders to available technicians as one assignment
 * problem (least travel plus skill mismatch), next to the greedy plan for comparison, and with
 * `apply` carries it out, reporting each assignment's result.
 */
export async function batchDispatchCommand(ctx: CommandContext, request: BatchDispatchRequest): Promise<BatchDispatchOutcome> {
  const tickets = await pendingOrders(ctx, request);
  if (tickets.length === 0) throw fail('invalid_value', 'There are no waiting work orders with a location to dispatch.', { path: '/ticket_ids' });
  if (tickets.length > MAX_ORDERS) throw fail('invalid_value', `At most ${MAX_ORDERS} orders per batch.`, { path: '/ticket_ids' });
  const capacityClass = capacityClassOf(tickets[0]!.channel);
  const technicians = await availableTechnicians(ctx, request.team, capacityClass);
  const orders = tickets.map(toOrder);
  const plan = planBatchDispatch(orders, technicians, request.options);
  const greedy = planGreedyDispatch(orders, technicians, request.options);
  const applied = request.apply ? await applyDispatch(ctx, plan, capacityClass) : null;
  return { plan, greedy: { totalCost: greedy.totalCost, assignments: greedy.assignments }, applied };
}

/** Queued and unassigned, and not parked on open blockers or an awaiting approval. */
function isDispatchable(ticket: Ticket): boolean {
  return ticket.status === 'queued' && ticket.assigneeId === null && (ticket.routing?.waitingOn.length ?? 0) === 0;
}

async function pendingOrders(ctx: CommandContext, request: BatchDispatchRequest): Promise<Ticket[]> {
  if (request.ticketIds) {
    const tickets: Ticket[] = [];
    for (const [i, id] of request.ticketIds.entries()) {
      const ticket = await ctx.tx.tickets.get(ctx.workspaceId, id);
      if (!ticket) throw fail('invalid_reference', `No ticket ${id}.`, { path: `/ticket_ids/${i}` });
      if (!ticket.location) throw fail('invalid_value', `Ticket ${id} has no location.`, { path: `/ticket_ids/${i}` });
      if (!isDispatchable(ticket)) throw fail('invalid_value', `Ticket ${id} is not waiting to be dispatched.`, { path: `/ticket_ids/${i}` });
      tickets.push(ticket);
    }
    return tickets;
  }
  const waiting: Ticket[] = [];
  let after: string | undefined;
  do {
    const page = await ctx.tx.tickets.list({ workspaceId: ctx.workspaceId, statuses: ['queued'], assigneeId: null, queue: request.queue, after, limit: 200 });
    waiting.push(...page.items.filter((t) => t.location !== null && t.routing?.offerId == null && isDispatchable(t)));
    after = page.nextCursor ?? undefined;
  } while (after && waiting.length <= MAX_ORDERS);
  return waiting;
}

async function availableTechnicians(ctx: CommandContext, team: string | undefined, capacityClass: CapacityClass): Promise<DispatchTechnician[]> {
  const agents = (await ctx.tx.agents.listAll(ctx.workspaceId))
    .filter((a: Agent) => a.status === 'available' && a.location !== null && (team === undefined || a.teams.includes(team.toLowerCase())));
  const technicians: DispatchTechnician[] = [];
  for (const agent of agents) {
    const taken = await ctx.tx.workload.unitsTaken(ctx.workspaceId, agent.id, capacityClass);
    const slots = Math.max(0, (agent.capacity[capacityClass] ?? 0) - taken);
    if (slots > 0) technicians.push({ id: agent.id, location: agent.location, skills: agent.skills, slots });
  }
  return technicians;
}

/** A ticket as a work order: its location, required skills (`fields.required_skills`, name → level) and priority. */
function toOrder(ticket: Ticket): DispatchOrder {
  const required = ticket.fields.required_skills;
  const requiredSkills: Record<string, number> = {};
  if (required && typeof required === 'object' && !Array.isArray(required)) {
    for (const [name, level] of Object.entries(required)) {
      if (typeof level === 'number') requiredSkills[name.toLowerCase()] = level;
    }
  }
  return { id: ticket.id, location: ticket.location!, requiredSkills, priority: ticket.priority };
}
