/**
 * Something that must happen at a time, kept in the store so a restart loses none and, with
 * several nodes, exactly one fires it. Each feature names its own kinds (routing's step and
 * offer time-outs, the SLA's warnings and breaches, approvals' reminders and escalations) and
 * registers what firing one does; scheduling only keeps them and says which are due.
 */
export interface Timer {
  id: string;
  workspaceId: string;
  kind: string;
  /** The ticket the timer is about; empty for timers about no ticket (a session's idle time-out). */
  ticketId: string;
  /** What the timer is about: the offer id, the step it guards ("rule#step@since"), an SLA due time ("metric#cycle@due"), the approval (`apr_…`), or the session ("user session agent idle-ms"). */
  ref: string;
  dueAt: number;
  firedAt: number | null;
}
