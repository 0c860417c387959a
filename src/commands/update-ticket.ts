import { fail } from '../domain/errors.js';
import { applyTicketPatch } from '../domain/ticket/ticket-changes.js';
import type { Ticket, TicketPatch } from '../domain/ticket/ticket.js';
import type { CommandContext } from './context.js';
import { loadTicket, saveTicket } from './load-ticket.js';
import { dispatchTicketEvents } from './automation/dispatch.js';
import { recordEvent } from './record-event.js';
import { slaAfterChange } from './sla/keep-sla.js';
import { afterTicketChange } from './routing/reactions.js';
import { assertQueueExists, canRoute } from './routing/routing-context.js';
import { waitingPlaceAfterChange } from './routing/waiting-place.js';
import { assertAssignable } from './ticket-references.js';
import { aiAfterEdit, recordAiRefresh } from './triage/refresh-ticket-ai.js';
import { completeFieldsPatch } from './ticket-types/intake-fields.js';

/**
 * Changes a ticket. With `expectedVersion` the change applies only to that version (optimistic
 * concurrency for clients that read before they write); without it, to the current one.
 */
export async function updateTicketCommand(
  ctx: CommandContext,
  id: string,
  patch: TicketPatch,
  expectedVersion?: number,
): Promise<Ticket> {
  const current = await loadTicket(ctx, id);
  patch = await completeFieldsPatch(ctx, current, patch);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw fail('version_conflict', `Ticket ${id} is at version ${current.version}, not ${expectedVersion}.`, {
      current_version: current.version,
    });
  }
  if (patch.queue && patch.queue !== current.queue && canRoute(ctx)) await assertQueueExists(ctx, patch.queue);
  if (patch.assigneeId && patch.assigneeId !== current.assigneeId) {
    await assertAssignable(ctx, patch.assigneeId, '/assignee');
  }
  const { ticket, changes } = applyTicketPatch(current, patch, ctx.clock.now());
  if (Object.keys(changes.after).length === 0) return current;
  ticket.sla = await slaAfterChange(ctx, current, ticket);
  ticket.ai = await aiAfterEdit(ctx, current, ticket);
  ticket.queueRank = await waitingPlaceAfterChange(ctx, current, ticket);
  await saveTicket(ctx, ticket, current);
  const eventId = await recordEvent(ctx, {
    entityKind: 'ticket',
    entityId: id,
    ticketId: id,
    type: 'ticket.updated',
    before: changes.before,
    after: changes.after,
  });
  await recordAiRefresh(ctx, current, ticket);
  if (canRoute(ctx)) await afterTicketChange(ctx, current, ticket);
  // Escalation triggers and automations react in the same transaction, and may change the ticket again;
  // so may routing (a ticket sent back to the queue is routed at once), hence the fresh read.
  return (await dispatchTicketEvents(ctx, id, eventId)) ?? (canRoute(ctx) ? loadTicket(ctx, id) : ticket);
}
