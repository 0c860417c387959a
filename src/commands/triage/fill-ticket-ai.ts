import type { Ticket } from '../../domain/ticket/ticket.js';
import type { AiPrediction } from '../../domain/triage/ticket-insights.js';
import { ticketText } from '../../domain/triage/training-set.js';
import type { CommandContext } from '../context.js';
import { currentModels, type CurrentModels } from './triage-models.js';

/** What the workspace's models say of a text; null when it has no model yet. */
export function predictAi(models: CurrentModels, text: string): AiPrediction | null {
  const { category, priority } = models;
  if (!category && !priority) return null;
  const label = category?.classifier.predict(text);
  const urgency = priority?.classifier.predict(text);
  return {
    label: label?.label ?? null,
    confidence: label?.confidence ?? 0,
    priority: urgency?.label ?? null,
    priorityConfidence: urgency?.confidence ?? 0,
    modelVersion: category?.ref.version ?? priority?.ref.version ?? null,
    source: 'local',
  };
}

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
  await ctx.tx.tickets.update(ticket, before);
}
