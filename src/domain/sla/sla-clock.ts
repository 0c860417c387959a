import type { SlaCalendar } from './business-calendar.js';
import type { SlaTarget } from './sla-policy.js';
import type { SlaMetric, SlaMetricState } from './sla-state.js';

const MINUTE_MS = 60_000;

/** A clock of a new cycle that runs from `at`. */
export function startClock(metric: SlaMetric, cycle: number, at: number, target: SlaTarget): SlaMetricState {
  return {
    metric, cycle, targetMinutes: target.minutes, businessHoursId: target.businessHoursId,
    startedAt: at, spans: [], runningSince: at, pausedAt: null,
    warnAt: null, dueAt: null, remainingMs: null, warnedAt: null, breachedAt: null, fulfilledAt: null,
  };
}

/** The clock held to another target; the time already run is kept. */
export function retarget(clock: SlaMetricState, target: SlaTarget): SlaMetricState {
  return { ...clock, targetMinutes: target.minutes, businessHoursId: target.businessHoursId };
}

/** The clock stopped for good at `at` (the reply came, the ticket was resolved). */
export function fulfil(clock: SlaMetricState, at: number): SlaMetricState {
  return { ...stop(clock, at), pausedAt: null, fulfilledAt: at };
}

/** A fulfilled clock running again from `at` (a reopened ticket), with its time so far kept. */
export function reopen(clock: SlaMetricState, at: number): SlaMetricState {
  return { ...clock, fulfilledAt: null, runningSince: at, pausedAt: null };
}

/** Pauses a running clock or resumes a paused one so that it runs exactly when it should. */
export function settle(clock: SlaMetricState, paused: boolean, at: number): SlaMetricState {
  if (clock.fulfilledAt !== null) return clock;
  if (paused && clock.runningSince !== null) return { ...stop(clock, at), pausedAt: at };
  if (!paused && clock.runningSince === null) return { ...clock, runningSince: at, pausedAt: null };
  return clock;
}

/**
 * Works out when the warning share and the whole target are reached, counting only the time the
 * clock ran, in its calendar. A paused or fulfilled clock has a due time only when it had already
 * run out; otherwise it carries the target time it has left.
 */
export function schedule(clock: SlaMetricState, calendar: SlaCalendar, warnFraction: number): SlaMetricState {
  const budget = clock.targetMinutes * MINUTE_MS;
  const remainingMs = clock.runningSince === null ? budget - elapsedClosed(clock, calendar) : null;
  return {
    ...clock,
    dueAt: wholeMs(reachedAt(clock, calendar, budget)),
    warnAt: wholeMs(reachedAt(clock, calendar, budget * warnFraction)),
    remainingMs,
  };
}

/** Target time left at `now` (ms, in the target's own hours; negative once overdue). */
export function remainingAt(clock: SlaMetricState, calendar: SlaCalendar, now: number): number {
  if (clock.runningSince === null) return clock.remainingMs ?? 0;
  return clock.targetMinutes * MINUTE_MS - elapsedClosed(clock, calendar) - calendar.between(clock.runningSince, now);
}

/** Instants are whole milliseconds (timers store them as integers); a share of a target may not be. */
function wholeMs(at: number | null): number | null {
  return at === null ? null : Math.ceil(at);
}

function stop(clock: SlaMetricState, at: number): SlaMetricState {
  if (clock.runningSince === null) return clock;
  const spans: [number, number][] = at > clock.runningSince ? [...clock.spans, [clock.runningSince, at]] : clock.spans;
  return { ...clock, spans, runningSince: null };
}

function elapsedClosed(clock: SlaMetricState, calendar: SlaCalendar): number {
  let total = 0;
  for (const [from, to] of clock.spans) total += calendar.between(from, to);
  return total;
}

/** The instant `budget` of counted time is used up, or null when it is not (yet) knowable. */
function reachedAt(clock: SlaMetricState, calendar: SlaCalendar, budget: number): number | null {
  let left = budget;
  for (const [from, to] of clock.spans) {
    const ran = calendar.between(from, to);
    if (ran >= left) return calendar.add(from, left);
    left -= ran;
  }
  return clock.runningSince === null ? null : calendar.add(clock.runningSince, left);
}
