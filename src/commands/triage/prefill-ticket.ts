import { fail } from '../../domain/errors.js';
import type { Store } from '../../domain/store/store.js';
import { leanTowards, prefillSuggestion, type CategoryBelief, type PrefillSuggestion } from '../../domain/triage/prefill.js';
import type { CommandContext } from '../context.js';
import { pickLabels, type PickedLabel } from './classify-text.js';
import { currentModels, type LoadedModel } from './triage-models.js';
import { LOCAL_TRIAGE, type TriageServices } from './triage-services.js';

/**
 * Suggests a new ticket's type, category, priority and tags from free text; changes nothing. The
 * external model, when configured, is asked outside any transaction; without an answer among the
 * model's classes the local classifier's stands.
 */
export async function prefillTicketCommand(
  store: Pick<Store, 'read'>,
  ctx: Pick<CommandContext, 'workspaceId'>,
  text: string,
  triage: Pick<TriageServices, 'external'> = LOCAL_TRIAGE,
): Promise<PrefillSuggestion> {
  if (!text.trim()) throw fail('invalid_value', 'Give some text to suggest from.', { path: '/text' });
  const models = await store.read((tx) => currentModels(tx, ctx.workspaceId));
  const picked = await pickLabels(models, text, triage.external);
  const belief = models.category && picked.category && beliefOf(models.category, picked.category, text);
  const priority = picked.priority && { value: picked.priority.label, confidence: picked.priority.confidence, source: picked.priority.source };
  return prefillSuggestion(belief ?? null, priority ?? null);
}

/** What the category model believes of the text, leaned towards the external model's pick when it made one. */
function beliefOf(model: LoadedModel, picked: PickedLabel, text: string): CategoryBelief {
  const { labels } = model.classifier;
  const local = model.classifier.probabilities(text);
  const index = labels.indexOf(picked.label);
  const external = picked.source === 'external';
  return {
    labels,
    probabilities: external ? leanTowards(local, index, picked.confidence) : local,
    types: model.document.types,
    tags: model.document.tags,
    modelVersion: model.ref.version,
    source: picked.source,
    ...(external ? { picked: index } : {}),
  };
}
