import { fail } from '../../domain/errors.js';
import { prefillSuggestion, type PrefillSuggestion } from '../../domain/triage/prefill.js';
import type { CommandContext } from '../context.js';
import { currentModels } from './triage-models.js';

/** Suggests a new ticket's type, category, priority and tags from free text; changes nothing. */
export async function prefillTicketCommand(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, text: string): Promise<PrefillSuggestion> {
  if (!text.trim()) throw fail('invalid_value', 'Give some text to suggest from.', { path: '/text' });
  const { category, priority } = await currentModels(ctx.tx, ctx.workspaceId);
  const urgency = priority?.classifier.predict(text);
  const belief = category && {
    labels: category.classifier.labels,
    probabilities: category.classifier.probabilities(text),
    types: category.document.types,
    tags: category.document.tags,
    modelVersion: category.ref.version,
  };
  return prefillSuggestion(belief ?? null, urgency ? { value: urgency.label, confidence: urgency.confidence } : null);
}
