import type { DuplicateSettings } from '../../domain/triage/duplicates/duplicate-settings.js';
import { findNearDuplicates, type SuspectedDuplicate } from '../../domain/triage/duplicates/near-duplicates.js';
import { openCandidates } from '../../domain/triage/duplicates/open-candidates.js';
import { OPEN_STATUSES } from '../../domain/ticket/status.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { ticketText } from './ticket-text.js';

/**
 * The workspace's open tickets (of the same customer, by id or e-mail, unless the settings widen
 * the scope) whose text is nearly the same as the ticket's, most similar first: the comparison
 * intake makes, made again. A ticket without a customer has no duplicates in the customer scope.
 */
export async function suspectDuplicates(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, ticket: Ticket, settings: DuplicateSettings): Promise<SuspectedDuplicate[]> {
  if (!settings.enabled || settings.maxLinks === 0) return [];
  const customer = { id: ticket.customer?.id ?? null, email: ticket.customer?.email ?? null };
  if (settings.scope === 'customer' && customer.id === null && customer.email === null) return [];
  const texts = settings.scope === 'customer'
    ? openCandidates(await ctx.tx.tickets.ofCustomer(ctx.workspaceId, customer, 2 * (settings.candidates + 1)), settings.candidates, ticket.id)
    : (await ctx.tx.tickets.texts({ workspaceId: ctx.workspaceId, statuses: OPEN_STATUSES, limit: settings.candidates + 1 }))
      .filter((other) => other.id !== ticket.id).slice(0, settings.candidates);
  const candidates = texts.map((other) => ({ id: other.id, text: ticketText(other) }));
  return findNearDuplicates(ticketText(ticket), candidates, settings.threshold, settings.maxLinks);
}
