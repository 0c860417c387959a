import type { TrainingTicket } from '../triage/training-set.js';
import type { TriageModelKind, TriageModelSummary } from '../triage/triage-model.js';

/** A stored model with its serialised document (JSON text, parsed only when the model is loaded). */
export interface TriageModelRecord extends TriageModelSummary {
  model: string;
}

/** The newest model of a kind: enough to tell whether a cached copy is still current. */
export interface TriageModelRef {
  kind: TriageModelKind;
  version: number;
  createdAt: number;
}

/** Triage models (the newest version of each kind is the one in use) and the tickets they learn from. */
export interface TriageRepository {
  /** Resolved and closed tickets, newest first, at most `limit`. */
  trainingTickets(workspaceId: string, limit: number): Promise<TrainingTicket[]>;
  /** The newest model of each kind the workspace has. */
  current(workspaceId: string): Promise<TriageModelRef[]>;
  get(workspaceId: string, kind: TriageModelKind, version: number): Promise<TriageModelRecord | undefined>;
  /** Every model, newest first, without the documents. */
  list(workspaceId: string): Promise<TriageModelSummary[]>;
  /** The highest version of any kind (0 when none). */
  latestVersion(workspaceId: string): Promise<number>;
  insert(record: TriageModelRecord): Promise<void>;
  /**
   * Removes the models of all but the `keep + 1` newest versions, except the newest of each kind
   * (the ones in use); answers how many it removed.
   */
  prune(workspaceId: string, keep: number): Promise<number>;
}
