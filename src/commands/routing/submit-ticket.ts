import type { Ticket, TicketDraft } from '../../domain/ticket/ticket.js';
import { dispatchTicketEvents } from '../automation/dispatch.js';
import type { CommandContext } from '../context.js';
import { createTicketCommand } from '../create-ticket.js';
import { fillTicketAi } from '../triage/fill-ticket-ai.js';
import { applySlaAtIntake } from '../sla/keep-sla.js';
import { readTicketAtIntake } from '../triage/read-at-intake.js';
import { askForMissingFields, checkIntakeFields } from '../ticket-types/intake-fields.js';
import type { RouteOutcome } from './placement.js';
import { assertQueueExists, canRoute } from './routing-context.js';
import { routeTicket } from './route-ticket.js';

/**
 * Intake: creates the ticket and, where the context can route, routes it in the same transaction.
 * A queue given with the ticket must exist in the policy; the ticket is then routed within it.
 * Fields its type requires but lacks make it `needs_info`, with a public reply that lists them.
 */
export async function submitTicketCommand(ctx: CommandContext, draft: TicketDraft): Promise<RouteOutcome> {
  if (canRoute(ctx) && draft.queue) await assertQueueExists(ctx, draft.queue);
  const intake = await checkIntakeFields(ctx, draft);
  const ticket: Ticket = await readTicketAtIntake(ctx, await createTicketCommand(ctx, intake.draft));
  await fillTicketAi(ctx, ticket);
  const routed: RouteOutcome = !canRoute(ctx) || ticket.status !== 'queued' ? { ticket, decision: null, outcome: 'not_routed' } : await routeTicket(ctx, ticket);
  const outcome = await applySlaAtIntake(ctx, routed);
  // The new ticket's whole history is this intake's; escalation triggers and automations react to all of it.
  const settled = (await dispatchTicketEvents(ctx, ticket.id, 0)) ?? outcome.ticket;
  return { ...outcome, ticket: await askForMissingFields(ctx, settled, intake.missing) };
}
