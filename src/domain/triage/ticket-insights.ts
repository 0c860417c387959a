/** Who produced a prediction or a summary: the workspace's own model, or the configured external one. */
export type PredictionSource = 'local' | 'external';

/**
 * What the AI triage predicted for a ticket: its category (or queue) and priority, each with a
 * confidence, which trained model's classes they are, and who picked them.
 */
export interface AiPrediction {
  label: string | null;
  confidence: number;
  priority: string | null;
  priorityConfidence: number;
  modelVersion: number | null;
  /** Predictions stored before sources were recorded read as `local`. */
  source: PredictionSource;
}

/** What was read from the ticket's text at intake. */
export interface TicketSignals {
  /** -1 (very negative) … 1 (very positive). */
  sentiment: number;
  /** ISO 639-1 code of the detected language, or null when unsure. */
  language: string | null;
  asksForHuman: boolean;
  /** Keyword flags that matched (cancel, legal, refund, …). */
  flags: string[];
}
