import { fail } from '../domain/errors.js';
import { applyTicketPatch } from '../domain/ticket/ticket-changes.js';
import type { Ticket, TicketPatch } from '../domain/ticket/ticket.js';
import type { CommandContext } from './context.js';
import { loadTicket } from './load-ticket.js';
import { commit, settledTicket } from './pipeline/commit.js';
import { inUnitOfWork } from './pipeline/unit-of-work.js';
import { slaAfterChange } from './sla/keep-sla.js';
import { assertQueueExists, canRoute } from './routing/routing-context.js';
import { waitingPlaceAfterChange } from './routing/waiting-place.js';
import { assertAssignable } from './ticket-references.js';
import { aiAfterEdit, aiRefreshEvents } from './triage/refresh-ticket-ai.js';
import { completeFieldsPatch } from './ticket-types/complete-fields.js';

/**
 * Changes a ticket. With `expectedVersion` the change applies only to that version (optimistic
 * concurrency for clients that read before they write); without it, to the current one. Returns
 * the ticket as it is once routing, escalation triggers and automations have reacted.
 */
export async function updateTicketCommand(
  ctx: CommandContext,
  id: string,
  patch: TicketPatch,
  expectedVersion?: number,
): Promise<Ticket> {
  return inUnitOfWork(ctx, async (ctx) => {
    const current = await loadTicket(ctx, id);
    const completed = await completeFieldsPatch(ctx, current, patch);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw fail('version_conflict', `Ticket ${id} is at version ${current.version}, not ${expectedVersion}.`, {
        current_version: current.version,
      });
    }
    if (completed.queue && completed.queue !== current.queue && canRoute(ctx)) await assertQueueExists(ctx, completed.queue);
    if (completed.assigneeId && completed.assigneeId !== current.assigneeId) {
      await assertAssignable(ctx, completed.assigneeId, '/assignee');
    }
    const { ticket, changes } = applyTicketPatch(current, completed, ctx.clock.now());
    if (Object.keys(changes.after).length === 0) return current;
    const sla = await slaAfterChange(ctx, current, ticket);
    ticket.sla = sla.sla;
    ticket.ai = await aiAfterEdit(ctx, current, ticket);
    ticket.queueRank = await waitingPlaceAfterChange(ctx, current, ticket);
    await commit(ctx, {
      before: current,
      after: ticket,
      events: [...sla.events, { type: 'ticket.updated', before: changes.before, after: changes.after }, ...aiRefreshEvents(current, ticket)],
      timers: sla.timers,
    });
    return ticket;
  }, settledTicket);
}
