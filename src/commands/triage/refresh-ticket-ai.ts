import type { JsonObject } from '../../domain/shared/json.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { AiPrediction } from '../../domain/triage/ticket-insights.js';
import { ticketText } from '../../domain/triage/training-set.js';
import type { CommandContext } from '../context.js';
import type { TicketEvent } from '../pipeline/commit.js';
import { predictAi } from '../../domain/triage/text-reading.js';
import { currentModels } from './triage-models.js';

const textChanged = (before: Ticket, after: Ticket) => before.title !== after.title || before.description !== after.description;

/**
 * The prediction an edited ticket should carry: read again from the models in use when its title
 * or description changed (so it never describes text the ticket no longer has), else the one it
 * had. A workspace without a model keeps what the ticket had.
 */
export async function aiAfterEdit(ctx: CommandContext, before: Ticket, after: Ticket): Promise<AiPrediction | null> {
  if (!textChanged(before, after)) return after.ai;
  return predictAi(await currentModels(ctx.tx, ctx.workspaceId), ticketText(after.title, after.description)) ?? after.ai;
}

/** The history entry `ticket.ai_refreshed` with the old and new prediction, when an edit refreshed it. */
export function aiRefreshEvents(before: Ticket, after: Ticket): TicketEvent[] {
  if (!textChanged(before, after) || !after.ai || after.ai === before.ai) return [];
  return [{
    type: 'ticket.ai_refreshed',
    before: before.ai && { ai: aiJson(before.ai) },
    after: { ai: aiJson(after.ai) },
    data: { reason: 'text_changed', source: after.ai.source },
  }];
}

/** A prediction as the history keeps it, in the API's field names. */
export function aiJson(ai: AiPrediction): JsonObject {
  return {
    label: ai.label,
    confidence: ai.confidence,
    priority: ai.priority,
    priority_confidence: ai.priorityConfidence,
    model_version: ai.modelVersion,
    source: ai.source,
  };
}
