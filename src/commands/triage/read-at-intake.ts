import type { JsonObject } from '../../domain/shared/json.js';
import { duplicateSettingsOf } from '../../domain/triage/duplicates/duplicate-settings.js';
import { readSignals } from '../../domain/triage/signals/read-signals.js';
import { keywordFlagsOf } from '../../domain/triage/signals/signal-settings.js';
import type { Ticket, TicketLink } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { commit } from '../pipeline/commit.js';
import { suspectDuplicates } from './suspect-duplicates.js';
import { ticketText } from './ticket-text.js';

/**
 * Reads a new ticket's text before it is routed: stores its signals (sentiment, language, flags,
 * a request for a human), sets its language when the client gave none and the detection is
 * confident, and links open tickets with nearly the same text as `related`, each with a
 * `ticket.suspected_duplicate` event that carries the similarity. Returns the ticket as saved.
 *
 * This is still the creation, in its transaction: nobody can have seen the ticket without its
 * signals, so its version stays the one it was created with.
 */
export async function readTicketAtIntake(ctx: CommandContext, ticket: Ticket): Promise<Ticket> {
  const settings: JsonObject = (await ctx.tx.workspaces.get(ctx.workspaceId))?.settings ?? {};
  const signals = readSignals(ticketText(ticket), keywordFlagsOf(settings));
  const language = ticket.language ?? signals.language;
  const suspects = (await suspectDuplicates(ctx, ticket, duplicateSettingsOf(settings)))
    .filter((suspect) => !ticket.links.some((link) => link.ticketId === suspect.id));
  const now = ctx.clock.now();
  const links: TicketLink[] = [...ticket.links, ...suspects.map((s) => ({ kind: 'related' as const, ticketId: s.id }))];
  const read: Ticket = { ...ticket, signals, language, links };
  for (const suspect of suspects) await ctx.tx.tickets.addLink(ctx.workspaceId, ticket.id, { kind: 'related', ticketId: suspect.id }, now);
  await commit(ctx, {
    before: ticket,
    after: read,
    events: suspects.map((suspect) => ({ type: 'ticket.suspected_duplicate', data: { ticket_id: suspect.id, score: suspect.score } })),
  });
  return read;
}
