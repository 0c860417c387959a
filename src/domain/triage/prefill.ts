import type { PredictionSource } from './ticket-insights.js';
import type { Associations } from './triage-model.js';

/** A suggested value, how likely it is to be right (0…1), and who suggested it. */
export interface Suggested {
  value: string;
  confidence: number;
  source: PredictionSource;
}

/** What free text suggests for a new ticket. */
export interface PrefillSuggestion {
  type: Suggested | null;
  category: Suggested | null;
  priority: Suggested | null;
  tags: Suggested[];
  /** The category model behind it; null when the workspace has none yet. */
  modelVersion: number | null;
}

/** What the category model said of the text: a calibrated probability per label. */
export interface CategoryBelief {
  labels: readonly string[];
  probabilities: ArrayLike<number>;
  types: Associations;
  tags: Associations;
  modelVersion: number;
  /** Who picked the category; type and tags follow from it. */
  source: PredictionSource;
  /** The label picked when another model picked it; else the most probable one is. */
  picked?: number;
}

/** Tags at least this likely are suggested. */
const TAG_CONFIDENCE = 0.5;

/**
 * Suggests type, category, priority and tags. Type and tags are read through the category: the
 * chance of a type is the sum over categories of P(category | text) × the share of that type
 * among the category's training tickets, so a text the model is unsure about gets unsure
 * suggestions. Promises confidences within 0…1 and tags sorted by confidence.
 */
export function prefillSuggestion(belief: CategoryBelief | null, priority: Suggested | null): PrefillSuggestion {
  if (!belief) return { type: null, category: null, priority, tags: [], modelVersion: null };
  let best = belief.picked ?? 0;
  const typeChance = new Map<string, number>();
  const tagChance = new Map<string, number>();
  belief.labels.forEach((label, i) => {
    const p = belief.probabilities[i]!;
    if (belief.picked === undefined && p > belief.probabilities[best]!) best = i;
    for (const [type, share] of Object.entries(belief.types[label] ?? {})) typeChance.set(type, (typeChance.get(type) ?? 0) + p * share);
    for (const [tag, share] of Object.entries(belief.tags[label] ?? {})) tagChance.set(tag, (tagChance.get(tag) ?? 0) + p * share);
  });
  const type = [...typeChance].sort((a, b) => b[1] - a[1])[0];
  const tags = [...tagChance].filter(([, p]) => p >= TAG_CONFIDENCE).sort((a, b) => b[1] - a[1]);
  return {
    type: type ? { value: type[0], confidence: clamp(type[1]), source: belief.source } : null,
    category: { value: belief.labels[best]!, confidence: clamp(belief.probabilities[best]!), source: belief.source },
    priority,
    tags: tags.map(([value, p]) => ({ value, confidence: clamp(p), source: belief.source })),
    modelVersion: belief.modelVersion,
  };
}

const clamp = (p: number) => Math.min(1, Math.max(0, p));

/**
 * The local probabilities leaned towards a label another model picked: that label gets the
 * confidence it was given, the others share the rest in the local model's proportions. Promises
 * probabilities that sum to 1.
 */
export function leanTowards(probabilities: ArrayLike<number>, index: number, confidence: number): Float64Array {
  const others = 1 - probabilities[index]!;
  const even = (1 - confidence) / Math.max(1, probabilities.length - 1);
  return Float64Array.from(probabilities, (p, i) => (i === index ? confidence : others > 0 ? (p / others) * (1 - confidence) : even));
}
