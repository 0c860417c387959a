import { acceptedLabel, type ExternalTextModel } from '../../domain/triage/external-model.js';
import type { PredictionSource } from '../../domain/triage/ticket-insights.js';
import type { TriageModelKind } from '../../domain/triage/triage-model.js';
import type { CurrentModels, LoadedModel } from './triage-models.js';

/** A label picked for a text, with its confidence and who picked it. */
export interface PickedLabel {
  label: string;
  confidence: number;
  source: PredictionSource;
}

/**
 * The label of a text among a trained model's classes: the external model's when one is
 * configured and it answers with one of those classes, else the local classifier's. Never fails.
 */
export async function pickLabel(kind: TriageModelKind, model: LoadedModel, text: string, external: ExternalTextModel | null): Promise<PickedLabel> {
  const { classifier } = model;
  const reply = external && acceptedLabel(await external.classify({ kind, text, classes: classifier.labels }), classifier.labels);
  if (reply) return { ...reply, source: 'external' };
  return { ...classifier.predict(text), source: 'local' };
}

/** The category and priority picked for a text by the models there are (each asked at once). */
export async function pickLabels(models: CurrentModels, text: string, external: ExternalTextModel | null) {
  const { category, priority } = models;
  const [byCategory, byPriority] = await Promise.all([
    category && pickLabel('category', category, text, external),
    priority && pickLabel('priority', priority, text, external),
  ]);
  return { category: byCategory, priority: byPriority };
}
