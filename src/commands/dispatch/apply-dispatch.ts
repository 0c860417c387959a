import type { CapacityClass } from '../../domain/routing/capacity.js';
import type { DispatchPlan } from '../../domain/routing/dispatch/index.js';
import { DomainError } from '../../domain/errors.js';
import { assertTransition } from '../../domain/ticket/status.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { loadTicket, saveTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';

export interface DispatchResult {
  ticketId: string;
  agentId: string;
  status: 'assigned' | 'skipped';
  reason?: string;
}

/**
 * Carries out a dispatch plan one assignment at a time, each checked again against the store
 * (the ticket still waiting, the technician still present and within capacity); an assignment
 * that no longer holds is skipped and reported, the rest go ahead.
 */
export async function applyDispatch(ctx: CommandContext, plan: DispatchPlan, capacityClass: CapacityClass): Promise<DispatchResult[]> {
  const results: DispatchResult[] = [];
  for (const step of plan.assignments) {
    const reason = await assign(ctx, step.orderId, step.technicianId, capacityClass, { distance_km: round(step.distanceKm), skill_gap: step.skillGap, cost: round(step.cost) });
    results.push({ ticketId: step.orderId, agentId: step.technicianId, status: reason ? 'skipped' : 'assigned', ...(reason ? { reason } : {}) });
  }
  return results;
}

async function assign(ctx: CommandContext, ticketId: string, agentId: string, capacityClass: CapacityClass, data: Record<string, number>): Promise<string | null> {
  const ticket = await loadTicket(ctx, ticketId);
  if (ticket.status !== 'queued' || ticket.assigneeId !== null) return `ticket is ${ticket.status}`;
  const agent = await ctx.tx.agents.lockForAssignment(ctx.workspaceId, agentId);
  if (!agent || agent.status !== 'available' || agent.removedAt !== null) return 'technician is not available';
  const taken = await ctx.tx.workload.unitsTaken(ctx.workspaceId, agentId, capacityClass);
  if (taken + ticket.loadUnits > (agent.capacity[capacityClass] ?? 0)) return 'technician is at capacity';
  const now = ctx.clock.now();
  const next: Ticket = { ...ticket, status: 'assigned', assigneeId: agentId, queueRank: null, version: ticket.version + 1, updatedAt: now };
  try {
    assertTransition(ticket.status, next.status);
    await saveTicket(ctx, next, ticket);
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: ticketId, ticketId, type: 'ticket.dispatched',
    before: { status: ticket.status, assigneeId: null }, after: { status: 'assigned', assigneeId: agentId }, data,
  });
  return null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
