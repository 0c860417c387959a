import type { ClassifierDocument, EvaluationReport } from './classifier/index.js';
import type { DroppedClass, TrainingTicket } from './training-set.js';

export const TRIAGE_MODEL_KINDS = ['category', 'priority'] as const;
export type TriageModelKind = (typeof TRIAGE_MODEL_KINDS)[number];

/** How often each value goes with a label in the training tickets (share of the label's tickets). */
export type Associations = Record<string, Record<string, number>>;

/** A stored triage model: the classifier, and for categories what types and tags go with each. */
export interface TriageModelDocument {
  classifier: ClassifierDocument;
  /** Per label, the shares of ticket types among its tickets (for prefill). */
  types: Associations;
  /** Per label, the share of its tickets carrying each tag (tags on fewer than 20 % are left out). */
  tags: Associations;
}

/** How a model did on its held-out split, and what training left out. */
/** How a model trained on the tickets before the most recent month did on that month. */
export interface RecentMonthReport {
  from: number;
  to: number;
  evaluation: EvaluationReport;
}

export interface TriageModelMetrics {
  evaluation: EvaluationReport;
  /** Null when the history could not be cut in time; absent on models trained before it was kept. */
  recentMonth?: RecentMonthReport | null;
  temperature: number;
  classes: string[];
  dropped: DroppedClass[];
  unlabelled: number;
  trainingMs: number;
}

/** A model as listed: everything but the classifier itself. */
export interface TriageModelSummary {
  workspaceId: string;
  kind: TriageModelKind;
  version: number;
  createdAt: number;
  /** Tickets it was trained on. */
  dataSize: number;
  metrics: TriageModelMetrics;
}

const MIN_TAG_SHARE = 0.2;

/** Shares of ticket types and tags per label; promises each label's type shares sum to 1. */
export function labelAssociations(tickets: readonly TrainingTicket[], labels: readonly string[]): { types: Associations; tags: Associations } {
  const types: Associations = {};
  const tags: Associations = {};
  const totals = new Map<string, number>();
  tickets.forEach((ticket, i) => {
    const label = labels[i]!;
    totals.set(label, (totals.get(label) ?? 0) + 1);
    const typeCounts = (types[label] ??= {});
    typeCounts[ticket.type] = (typeCounts[ticket.type] ?? 0) + 1;
    const tagCounts = (tags[label] ??= {});
    for (const tag of ticket.tags) tagCounts[tag] = (tagCounts[tag] ?? 0) + 1;
  });
  for (const [label, total] of totals) {
    for (const type of Object.keys(types[label]!)) types[label]![type]! /= total;
    const kept = Object.entries(tags[label]!).map(([tag, n]) => [tag, n / total] as const).filter(([, share]) => share >= MIN_TAG_SHARE);
    tags[label] = Object.fromEntries(kept);
  }
  return { types, tags };
}
