import type { TextClassifier } from './classifier/index.js';
import type { ComparableText, SuspectedDuplicate } from './duplicates/near-duplicates.js';
import { findNearDuplicates } from './duplicates/near-duplicates.js';
import type { CompiledFlag } from './signals/keyword-flags.js';
import type { LanguageGuess } from './signals/language.js';
import { readSignals } from './signals/read-signals.js';
import type { AiPrediction, TicketSignals } from './ticket-insights.js';

/** The classifiers in use in a workspace, as decoded, with the model version they came from. */
export interface ReadingModels {
  category?: ReadingModel;
  priority?: ReadingModel;
}

interface ReadingModel {
  classifier: TextClassifier;
  ref: { version: number };
}

/** What intake asks of a new ticket's text. */
export interface TextReadingInput {
  /** Title, then description. */
  text: string;
  flags: readonly CompiledFlag[];
  /** The text's language as an identifier guessed it (language identification is the reader's). */
  language: LanguageGuess;
  models: ReadingModels;
  /** The open tickets to compare with, and how; null when duplicates are not looked for. */
  duplicates: { candidates: readonly ComparableText[]; threshold: number; limit: number } | null;
}

/** What the text said: signals, the models' prediction (null without a model), the near-duplicates. */
export interface TextReading {
  signals: TicketSignals;
  ai: AiPrediction | null;
  suspects: SuspectedDuplicate[];
}

/**
 * Promises the reading of a ticket's text: the CPU-heavy part of intake (language, sentiment,
 * flags, classifier, trigram similarity), pure so that it can run on any thread.
 */
export function readTicketText(input: TextReadingInput): TextReading {
  const duplicates = input.duplicates;
  return {
    signals: readSignals(input.text, input.flags, input.language),
    ai: predictAi(input.models, input.text),
    suspects: duplicates ? findNearDuplicates(input.text, duplicates.candidates, duplicates.threshold, duplicates.limit) : [],
  };
}

/** Promises what the workspace's models say of a text; null when it has no model yet. */
export function predictAi(models: ReadingModels, text: string): AiPrediction | null {
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
