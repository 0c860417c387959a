import type { CsatRating } from '../portal/csat.js';

/** What the requester portal keeps: used challenges, ratings and deflections. */
export interface PortalRepository {
  /** Marks a challenge used; false when it was used before (by this or any node). Forgets challenges past their expiry. */
  useChallenge(workspaceId: string, id: string, expiresAt: number, now: number): Promise<boolean>;
  /** Stores a rating; false when that resolution of the ticket was rated before. */
  insertRating(rating: CsatRating): Promise<boolean>;
  /** The ticket's ratings, oldest first. */
  ratingsFor(workspaceId: string, ticketId: string): Promise<CsatRating[]>;
  /** Counts one article that answered a requester before they asked. */
  insertDeflection(deflection: { id: string; workspaceId: string; articleId: string; at: number }): Promise<void>;
}
