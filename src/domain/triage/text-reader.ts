import type { JsonObject } from '../shared/json.js';
import type { TriageModelKind } from './triage-model.js';
import type { ComparableText } from './duplicates/near-duplicates.js';
import type { TextReading } from './text-reading.js';

/** A stored model a reading uses: its identity, and its document (JSON) for a reader that has not decoded it yet. */
export interface ModelSource {
  kind: TriageModelKind;
  /** Workspace, kind and version: a stored model never changes, so this names its decoded form. */
  key: string;
  version: number;
  document: () => string;
}

/** A reading asked for, in plain data so that it can cross to another thread. */
export interface TextReadingRequest {
  text: string;
  /** The workspace's `settings.signals` (its keyword flags), or null for the defaults. */
  signals: JsonObject | null;
  models: readonly ModelSource[];
  duplicates: { candidates: readonly ComparableText[]; threshold: number; limit: number } | null;
}

/** Reads a new ticket's text (`readTicketText`), on this thread or elsewhere. */
export interface TextReader {
  read(request: TextReadingRequest): Promise<TextReading>;
  close(): Promise<void>;
}
