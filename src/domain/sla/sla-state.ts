/** The SLA metrics Switchboard tracks, with Zendesk's meanings (see docs/sla.md). */
export const SLA_METRICS = ['first_response', 'next_response', 'periodic_update', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/**
 * One metric's clock on one ticket, for its current cycle. Next response and periodic update
 * start over (a new cycle) at each reply that restarts them; the others have one cycle.
 */
export interface SlaMetricState {
  metric: SlaMetric;
  /** 1 for the first cycle; timers carry it so that a timer of an earlier cycle does nothing. */
  cycle: number;
  targetMinutes: number;
  /** The business-hours calendar the target counts in; null for calendar time (around the clock). */
  businessHoursId: string | null;
  /** When the clock (of this cycle) started. */
  startedAt: number;
  /** Periods the clock ran and that have ended (by a pause), oldest first, as [from, to]. */
  spans: [number, number][];
  /** Since when the clock runs; null while paused or once fulfilled. */
  runningSince: number | null;
  /** Since when the clock is paused (pending, on hold); null otherwise. */
  pausedAt: number | null;
  /** When the warning share of the target is reached; null while it cannot be known (paused). */
  warnAt: number | null;
  /** When the target is reached; null while it cannot be known (paused, or fulfilled in time). */
  dueAt: number | null;
  /** Target time left (ms, in the target's own hours) when the clock last stopped; null while it runs. */
  remainingMs: number | null;
  warnedAt: number | null;
  breachedAt: number | null;
  fulfilledAt: number | null;
}

/** The SLA a ticket is held to, and the state of each of its metrics. */
export interface SlaState {
  policyId: string;
  policyName: string;
  warnFraction: number;
  metrics: SlaMetricState[];
}
