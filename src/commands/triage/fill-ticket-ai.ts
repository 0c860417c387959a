import type { Ticket } from '../../domain/ticket/ticket.js';
import { predictAi } from '../../domain/triage/text-reading.js';
import { ticketText } from '../../domain/triage/training-set.js';
import type { CommandContext } from '../context.js';
import { saveTicket } from '../load-ticket.js';
import { currentModels } from './triage-models.js';

/**
 * Intake: fills `ticket.ai` in place from the workspace's triage models and saves it, so routing
 * rules that read `ticket.ai.confidence` see it and the ticket keeps it. In place because the
 * ticket was made a moment ago by the same command; its version does not move, since this is
 * still its creation. A workspace without a model costs one small query.
 */
export async function fillTicketAi(ctx: CommandContext, ticket: Ticket): Promise<void> {
  const ai = predictAi(await currentModels(ctx.tx, ctx.workspaceId), ticketText(ticket.title, ticket.description));
  if (!ai) return;
  const before = { ...ticket };
  ticket.ai = ai;
  await saveTicket(ctx, ticket, before);
}
