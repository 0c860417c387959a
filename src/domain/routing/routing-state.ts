/**
 * Where a ticket stands in the policy: the rule that matched, the step of its targets it waits
 * at, since when, and who already declined it. Kept on the ticket so every node (and a restart)
 * continues from the same place.
 */
export interface RoutingState {
  policyVersion: number;
  /** The rule's name, or null for the policy's default target. */
  rule: string | null;
  step: number;
  queue: string;
  stepStartedAt: number;
  /** Agents who declined or let an offer expire; not offered this ticket again. */
  declined: string[];
  /** The pending offer's id while the ticket is offered. */
  offerId: string | null;
  /** Open tickets this one waits for (`blocked_by`); routing starts when the list is empty. */
  waitingOn: string[];
}
