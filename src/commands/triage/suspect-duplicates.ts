import type { DuplicateSettings } from '../../domain/triage/duplicates/duplicate-settings.js';
import { findNearDuplicates, type SuspectedDuplicate } from '../../domain/triage/duplicates/near-duplicates.js';
import type { TicketStatus } from '../../domain/ticket/status.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { ticketText } from './ticket-text.js';

const OPEN_STATUSES: TicketStatus[] = ['new', 'needs_info', 'queued', 'assigned', 'in_progress', 'pending', 'on_hold'];

/**
 * The workspace's open tickets (of the same customer, unless the settings widen the scope) whose
 * text is nearly the same as the ticket's, most similar first. A ticket without a customer has
 * no duplicates in the customer scope.
 */
export async function suspectDuplicates(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, ticket: Ticket, settings: DuplicateSettings): Promise<SuspectedDuplicate[]> {
  if (!settings.enabled || settings.maxLinks === 0) return [];
  const customer = ticket.customer?.id ?? ticket.customer?.email ?? undefined;
  if (settings.scope === 'customer' && customer === undefined) return [];
  const texts = await ctx.tx.tickets.texts({
    workspaceId: ctx.workspaceId,
    statuses: OPEN_STATUSES,
    customer: settings.scope === 'customer' ? customer : undefined,
    limit: settings.candidates + 1,
  });
  const candidates = texts.filter((other) => other.id !== ticket.id).map((other) => ({ id: other.id, text: ticketText(other) }));
  return findNearDuplicates(ticketText(ticket), candidates, settings.threshold, settings.maxLinks);
}
