import { fail } from '../errors.js';
import type { LabelledText } from './classifier/index.js';

/** What training reads of a resolved or closed ticket. */
export interface TrainingTicket {
  type: string;
  title: string;
  description: string;
  /** `fields.category` when it is a non-empty string. */
  category: string | null;
  /** The queue the ticket ended in. */
  queue: string | null;
  priority: string;
  tags: string[];
  /** When the ticket was resolved (else closed, else last changed): where it sits in the history. */
  finishedAt: number;
}

/** Fewer examples than this teach a class nothing dependable; such classes are left out. */
export const MIN_EXAMPLES_PER_CLASS = 5;

/** A class left out of training, and why. */
export interface DroppedClass {
  label: string;
  examples: number;
}

/** Labelled texts ready for training, and what was left out. */
export interface TrainingSet {
  examples: LabelledText[];
  /** The tickets behind `examples`, in the same order. */
  tickets: TrainingTicket[];
  dropped: DroppedClass[];
  /** Tickets without a label (no category and no queue). */
  unlabelled: number;
}

/** The text a ticket is classified by: its title and description. */
export function ticketText(title: string, description: string): string {
  return description ? `${title}\n${description}` : title;
}

/** A ticket's category label: `fields.category`, else its final queue. */
export const categoryLabel = (ticket: TrainingTicket): string | null => ticket.category ?? ticket.queue;

/** A ticket's priority label. */
export const priorityLabel = (ticket: TrainingTicket): string | null => ticket.priority;

/**
 * Labels tickets with `labelOf` and leaves out classes with fewer than five examples; promises
 * every class in `examples` has at least that many.
 */
export function trainingSet(tickets: readonly TrainingTicket[], labelOf: (ticket: TrainingTicket) => string | null): TrainingSet {
  const counts = new Map<string, number>();
  let unlabelled = 0;
  for (const ticket of tickets) {
    const label = labelOf(ticket);
    if (label === null) unlabelled++;
    else counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const dropped = [...counts].filter(([, n]) => n < MIN_EXAMPLES_PER_CLASS).map(([label, examples]) => ({ label, examples }));
  const kept = tickets.filter((t) => {
    const label = labelOf(t);
    return label !== null && counts.get(label)! >= MIN_EXAMPLES_PER_CLASS;
  });
  return {
    examples: kept.map((t) => ({ text: ticketText(t.title, t.description), label: labelOf(t)! })),
    tickets: kept,
    dropped: dropped.sort((a, b) => a.label.localeCompare(b.label)),
    unlabelled,
  };
}

/** Number of distinct labels in a training set. */
export function classCount(set: TrainingSet): number {
  return new Set(set.examples.map((e) => e.label)).size;
}

/**
 * The category training set, or a refusal: `no_training_data` without resolved tickets,
 * `too_few_classes` when fewer than two categories have five examples each.
 */
export function categoryTrainingSet(tickets: readonly TrainingTicket[]): TrainingSet {
  if (tickets.length === 0) {
    throw fail('no_training_data', 'There are no resolved or closed tickets to learn from yet.');
  }
  const set = trainingSet(tickets, categoryLabel);
  if (classCount(set) < 2) {
    throw fail('too_few_classes', `Training needs at least two categories (fields.category, else the final queue) with ${MIN_EXAMPLES_PER_CLASS} resolved tickets each.`, {
      classes: classCount(set),
      min_examples_per_class: MIN_EXAMPLES_PER_CLASS,
      dropped: set.dropped,
      unlabelled: set.unlabelled,
    });
  }
  return set;
}
