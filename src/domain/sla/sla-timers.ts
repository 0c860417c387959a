import type { SlaMetric, SlaMetricState, SlaState } from './sla-state.js';

export type SlaTimerKind = 'sla_warning' | 'sla_breach';

/** A warning or breach timer to arm: when, and the ref that ties it to one due time of one cycle. */
export interface SlaTimerRequest {
  kind: SlaTimerKind;
  metric: SlaMetric;
  dueAt: number;
  ref: string;
}

/** Names one due time of one metric cycle; a timer whose ref no longer matches the ticket does nothing. */
export function slaTimerRef(metric: SlaMetric, cycle: number, at: number): string {
  return `${metric}#${cycle}@${at}`;
}

/**
 * The timers a new state needs that the previous one did not have: a warning or breach time that
 * is new or moved, for a cycle that has not yet warned or breached. Timers of old due times stay
 * in the table and find nothing to do when they fire.
 */
export function slaTimersToArm(previous: SlaState | null, next: SlaState): SlaTimerRequest[] {
  const timers: SlaTimerRequest[] = [];
  for (const clock of next.metrics) {
    const prior = previous?.metrics.find((m) => m.metric === clock.metric && m.cycle === clock.cycle);
    if (warningDue(clock) && clock.warnAt !== prior?.warnAt) timers.push(request('sla_warning', clock, clock.warnAt!));
    if (breachDue(clock) && clock.dueAt !== prior?.dueAt) timers.push(request('sla_breach', clock, clock.dueAt!));
  }
  return timers;
}

/** The outcome of a fired SLA timer: the state with the warning or breach recorded, and the clock it concerns. */
export interface SlaTimerHit {
  state: SlaState;
  clock: SlaMetricState;
}

/**
 * Records the warning or breach a timer stands for, if it still stands: the same cycle, the same
 * due time, not yet recorded (and, for a warning, neither breached nor fulfilled). Otherwise null,
 * so a stale or repeated timer does nothing and each cycle warns and breaches at most once.
 */
export function applySlaTimer(state: SlaState | null, kind: SlaTimerKind, ref: string): SlaTimerHit | null {
  if (!state) return null;
  const index = state.metrics.findIndex((clock) => kind === 'sla_warning'
    ? warningDue(clock) && slaTimerRef(clock.metric, clock.cycle, clock.warnAt!) === ref
    : breachDue(clock) && slaTimerRef(clock.metric, clock.cycle, clock.dueAt!) === ref);
  if (index < 0) return null;
  const before = state.metrics[index]!;
  const clock = kind === 'sla_warning' ? { ...before, warnedAt: before.warnAt } : { ...before, breachedAt: before.dueAt };
  const metrics = state.metrics.map((m, i) => (i === index ? clock : m));
  return { state: { ...state, metrics }, clock };
}

function warningDue(clock: SlaMetricState): boolean {
  return clock.warnAt !== null && clock.warnedAt === null && clock.breachedAt === null && clock.fulfilledAt === null;
}

/** A fulfilled clock has a due time only when it was met late; that breach is still recorded. */
function breachDue(clock: SlaMetricState): boolean {
  return clock.dueAt !== null && clock.breachedAt === null;
}

function request(kind: SlaTimerKind, clock: SlaMetricState, dueAt: number): SlaTimerRequest {
  return { kind, metric: clock.metric, dueAt, ref: slaTimerRef(clock.metric, clock.cycle, dueAt) };
}
