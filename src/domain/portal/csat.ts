import { fail } from '../errors.js';
import { outcomeScore, type PerformanceRecord, type ResolvedOutcome } from '../routing/performance.js';
import type { Ticket } from '../ticket/ticket.js';

/** A requester's satisfaction rating of one resolution of a ticket. */
export interface CsatRating {
  id: string;
  workspaceId: string;
  ticketId: string;
  /** The resolution rated: the ticket's `resolvedAt` when it was rated. A reopened and re-resolved ticket may be rated again. */
  resolvedAt: number;
  score: number;
  comment: string | null;
  /** The agent who held the ticket when it was resolved; null when nobody did. */
  agentId: string | null;
  /** The category the rating counts in for `best_performer` (fields.category, else the type). */
  category: string;
  ratedAt: number;
}

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
/** Ratings at or above this count as satisfied in the share of 4–5 ratings. */
export const SATISFIED_SCORE = 4;

/** The category a ticket's outcomes are learned under, as `best_performer` routing reads it. */
export function outcomeCategory(ticket: Ticket): string {
  return typeof ticket.fields.category === 'string' ? ticket.fields.category : ticket.type;
}

/**
 * Promises what a change adds to an agent's record for `best_performer`: a first resolution counts
 * once, scored as clean; a first reopening takes the clean part back from whoever resolved it; a
 * later resolution of a reopened ticket adds nothing (it is the same outcome). Null otherwise.
 */
export function outcomeOfChange(before: Ticket, after: Ticket): PerformanceRecord | null {
  if (after.status === 'resolved' && before.status !== 'resolved' && after.assigneeId && after.reopens === 0) {
    return { agentId: after.assigneeId, category: outcomeCategory(after), count: 1, scoreSum: outcomeScore(resolvedOutcome(after, false)) };
  }
  const firstReopen = after.reopens === 1 && before.reopens === 0 && before.resolvedAt !== null && before.assigneeId;
  if (!firstReopen) return null;
  const scored = (reopened: boolean) => outcomeScore(resolvedOutcome(before, reopened));
  return { agentId: before.assigneeId!, category: outcomeCategory(before), count: 0, scoreSum: scored(true) - scored(false) };
}

function resolvedOutcome(ticket: Ticket, reopened: boolean): ResolvedOutcome {
  return { resolutionHours: ((ticket.resolvedAt ?? ticket.updatedAt) - ticket.createdAt) / 3_600_000, reopened, reroutes: ticket.reroutes, csat: null };
}

/** The resolution a rating would be about; `rating_not_open` unless the ticket is resolved (or closed after a resolution). */
export function ratedResolution(ticket: Ticket): number {
  if ((ticket.status !== 'resolved' && ticket.status !== 'closed') || ticket.resolvedAt === null) {
    throw fail('rating_not_open', 'Only a resolved request can be rated.', { status: ticket.status });
  }
  return ticket.resolvedAt;
}

/**
 * What a rating adds to the resolving agent's record in the category: the resolution was counted
 * when it happened, scored without a rating; this is the difference the rating makes to that
 * score, with no second count.
 */
export function ratingAdjustment(rating: CsatRating, ticket: Ticket): PerformanceRecord | null {
  if (rating.agentId === null) return null;
  const outcome = { resolutionHours: (rating.resolvedAt - ticket.createdAt) / 3_600_000, reopened: false, reroutes: ticket.reroutes };
  const difference = outcomeScore({ ...outcome, csat: rating.score }) - outcomeScore({ ...outcome, csat: null });
  return { agentId: rating.agentId, category: rating.category, count: 0, scoreSum: difference };
}
