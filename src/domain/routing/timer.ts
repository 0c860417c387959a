export const TIMER_KINDS = ['step_timeout', 'offer_timeout', 'sla_warning', 'sla_breach', 'approval_reminder', 'approval_escalation'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

/**
 * Something that must happen at a time, kept in the store so a restart loses none and, with
 * several nodes, exactly one fires it.
 */
export interface Timer {
  id: string;
  workspaceId: string;
  kind: TimerKind;
  ticketId: string;
  /** What the timer is about: the offer id, the step it guards ("rule#step@since"), an SLA due time ("metric#cycle@due"), or the approval (`apr_…`). */
  ref: string;
  dueAt: number;
  firedAt: number | null;
}
