import type { Ticket, TicketDraft } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { createTicketCommand } from '../create-ticket.js';
import { commit } from '../pipeline/commit.js';
import { inUnitOfWork } from '../pipeline/unit-of-work.js';
import { fillTicketAi } from '../triage/fill-ticket-ai.js';
import { slaAfterChange } from '../sla/keep-sla.js';
import { readTicketAtIntake } from '../triage/read-at-intake.js';
import { askForMissingFields, checkIntakeFields } from '../ticket-types/intake-fields.js';
import type { RouteOutcome } from './placement.js';
import { assertQueueExists, canRoute } from './routing-context.js';
import { routeTicket } from './route-ticket.js';

/**
 * Intake: creates the ticket and, where the context can route, routes it in the same transaction.
 * A queue given with the ticket must exist in the policy; the ticket is then routed within it.
 * Fields its type requires but lacks make it `needs_info`, with a public reply that lists them.
 * Escalation triggers and automations react to the whole intake once it is done.
 */
export async function submitTicketCommand(ctx: CommandContext, draft: TicketDraft): Promise<RouteOutcome> {
  return inUnitOfWork(ctx, async (ctx) => {
    if (canRoute(ctx) && draft.queue) await assertQueueExists(ctx, draft.queue);
    const intake = await checkIntakeFields(ctx, draft);
    const ticket: Ticket = await readTicketAtIntake(ctx, await createTicketCommand(ctx, intake.draft));
    await fillTicketAi(ctx, ticket);
    const routed: RouteOutcome = !canRoute(ctx) || ticket.status !== 'queued' ? { ticket, decision: null, outcome: 'not_routed' } : await routeTicket(ctx, ticket);
    const outcome = await applySlaAtIntake(ctx, routed);
    return { ...outcome, ticket: await askForMissingFields(ctx, outcome.ticket, intake.missing) };
  }, async (ctx, outcome) => ({ ...outcome, ticket: ctx.unit?.ticket(outcome.ticket.id) ?? outcome.ticket }));
}

/** Applies the SLA to a ticket just taken in (after routing, which may have set its priority). */
async function applySlaAtIntake(ctx: CommandContext, outcome: RouteOutcome): Promise<RouteOutcome> {
  const sla = await slaAfterChange(ctx, null, outcome.ticket);
  if (sla.sla === null) return outcome;
  const ticket: Ticket = { ...outcome.ticket, sla: sla.sla, version: outcome.ticket.version + 1 };
  await commit(ctx, { before: outcome.ticket, after: ticket, events: sla.events, timers: sla.timers });
  return { ...outcome, ticket };
}
