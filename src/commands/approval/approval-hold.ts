import type { Approval } from '../../domain/approval/approval.js';
import type { TicketStatus } from '../../domain/ticket/status.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { loadTicket, saveTicket } from '../load-ticket.js';
import { isParkedOn, waitOnApprovals } from '../routing/approval-wait.js';
import { withdrawOfferCommand } from '../routing/offer-commands.js';
import { afterTicketChange } from '../routing/reactions.js';
import { pullWork } from '../routing/pull-work.js';
import { canRoute } from '../routing/routing-context.js';
import { routeTicket } from '../routing/route-ticket.js';

/** Work nobody has started: a hold takes it back. Started work stays with its agent. */
const HOLDABLE: ReadonlySet<TicketStatus> = new Set(['new', 'queued', 'assigned']);

/**
 * Holds a ticket for an approval: work not yet started is parked (queued, unassigned, out of the
 * queue's order), its open offer withdrawn and its agent's room freed. Started work stays with
 * its agent; routing, should it come back to the queue, still waits for the approval.
 */
export async function holdTicket(ctx: CommandContext, ticketId: string, approvalId: string): Promise<Ticket> {
  const ticket = await loadTicket(ctx, ticketId);
  const waitingOn = [...(ticket.routing?.waitingOn ?? []), approvalId];
  if (!HOLDABLE.has(ticket.status)) return noteHold(ctx, ticket, waitingOn);
  const offerId = ticket.routing?.offerId ?? null;
  const { ticket: parked } = await waitOnApprovals(ctx, ticket, waitingOn);
  if (canRoute(ctx)) {
    const withdrawn = offerId === null ? null : await withdrawOfferCommand(ctx, offerId, ticket.id);
    await afterTicketChange(ctx, ticket, parked);
    if (withdrawn) await pullWork(ctx, withdrawn.agentId);
  }
  return parked;
}

/**
 * Started work keeps its agent: the hold is only noted in its routing state, so that routing waits
 * for the approval should the ticket come back to the queue. Work never routed has no state to note it in.
 */
async function noteHold(ctx: CommandContext, ticket: Ticket, waitingOn: string[]): Promise<Ticket> {
  if (!ticket.routing) return ticket;
  const noted: Ticket = { ...ticket, routing: { ...ticket.routing, waitingOn }, version: ticket.version + 1, updatedAt: ctx.clock.now() };
  await saveTicket(ctx, noted, ticket);
  return noted;
}

/**
 * Lets go of a decided (or cancelled) approval's hold: its id leaves the ticket's waiting list,
 * and a ticket parked on nothing else is routed again, as a ticket whose blockers resolved is.
 */
export async function releaseHold(ctx: CommandContext, approval: Approval): Promise<void> {
  const ticket = await loadTicket(ctx, approval.ticketId);
  const waitingOn = ticket.routing?.waitingOn ?? [];
  if (!waitingOn.includes(approval.id)) return;
  const rest = waitingOn.filter((id) => id !== approval.id);
  const wasParked = isParkedOn(ticket, waitingOn);
  const next: Ticket = { ...ticket, routing: { ...ticket.routing!, waitingOn: rest }, version: ticket.version + 1, updatedAt: ctx.clock.now() };
  await saveTicket(ctx, next, ticket);
  if (wasParked && canRoute(ctx)) await routeTicket(ctx, next);
}
