/** The SLA metrics Switchboard tracks, with Zendesk's meanings. */
export const SLA_METRICS = ['first_response', 'next_response', 'periodic_update', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** One metric's clock on one ticket. */
export interface SlaMetricState {
  metric: SlaMetric;
  targetMinutes: number;
  businessHours: boolean;
  /** When the clock started (or restarted, for next response and periodic update). */
  startedAt: number;
  /** When it is due, given the calendar and pauses so far; null while paused. */
  dueAt: number | null;
  /** Since when the clock is paused (pending, on hold), or null. */
  pausedAt: number | null;
  warnedAt: number | null;
  breachedAt: number | null;
  fulfilledAt: number | null;
}

/** The SLA a ticket is held to, and the state of each of its metrics. */
export interface SlaState {
  policyId: string;
  policyName: string;
  metrics: SlaMetricState[];
}
