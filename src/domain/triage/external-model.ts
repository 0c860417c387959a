import type { TriageModelKind } from './triage-model.js';

/** A label as an external model gave it, not yet checked against the classes it was offered. */
export interface ExternalLabel {
  label: string;
  confidence: number;
}

/** What an external model is asked to classify: a text, and the only labels it may answer. */
export interface ExternalClassification {
  kind: TriageModelKind;
  text: string;
  classes: readonly string[];
}

/**
 * A language model outside the process that triage may ask instead of its own classifier and
 * extractive summary. An implementation answers null on any failure (time-out, refusal, a reply
 * it cannot read) and never throws, so every caller has one path to fall back on.
 */
export interface ExternalTextModel {
  classify(request: ExternalClassification): Promise<ExternalLabel | null>;
  /** A summary of the text in about `sentences` sentences, or null. */
  summarize(text: string, sentences: number): Promise<string | null>;
}

/** Promises the reply back only when its label is one of the classes and its confidence lies in 0…1. */
export function acceptedLabel(reply: ExternalLabel | null, classes: readonly string[]): ExternalLabel | null {
  if (!reply || !classes.includes(reply.label)) return null;
  const { confidence } = reply;
  return Number.isFinite(confidence) && confidence >= 0 && confidence <= 1 ? reply : null;
}
