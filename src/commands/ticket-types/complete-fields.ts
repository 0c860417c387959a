import type { Ticket, TicketPatch } from '../../domain/ticket/ticket.js';
import { assertFieldValues, missingFields, type TicketType } from '../../domain/ticket/ticket-type.js';
import type { CommandContext } from '../context.js';

/** The workspace's definition of a type, or null when it configured none (then nothing is checked). */
async function typeOf(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, name: string): Promise<TicketType | null> {
  return (await ctx.tx.ticketTypes.get(ctx.workspaceId, name)) ?? null;
}

/**
 * Checks a change's field values against the ticket's (possibly new) type, and moves a
 * `needs_info` ticket back to the queue once nothing required is missing.
 */
export async function completeFieldsPatch(ctx: CommandContext, current: Ticket, patch: TicketPatch): Promise<TicketPatch> {
  if (patch.fields === undefined && patch.type === undefined && current.status !== 'needs_info') return patch;
  const type = await typeOf(ctx, patch.type ?? current.type);
  if (!type) return patch;
  const fields = patch.fields ?? current.fields;
  if (patch.fields !== undefined) assertFieldValues(type, fields);
  const stillWaiting = current.status === 'needs_info' && patch.status === undefined && current.assigneeId === null && patch.assigneeId == null;
  return stillWaiting && missingFields(type, fields).length === 0 ? { ...patch, status: 'queued' } : patch;
}
