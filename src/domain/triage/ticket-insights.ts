/**
 * What the AI triage predicted for a ticket at intake: its category (or queue) and priority, each
 * with a calibrated confidence, and which model said so.
 */
export interface AiPrediction {
  label: string | null;
  confidence: number;
  priority: string | null;
  priorityConfidence: number;
  modelVersion: number | null;
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
