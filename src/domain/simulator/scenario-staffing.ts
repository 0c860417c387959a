import { fail } from '../errors.js';
import { timeOfDayAfter } from '../shared/time-of-day.js';
import type { DistributionDocument } from './distributions.js';
import { meanOf } from './distributions.js';
import { checkScenario, type ScenarioDocument, type TicketKind } from './scenario.js';
import { INTERVAL_MINUTES, type StaffingRequest } from './staffing-plan.js';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Which part of a scenario's week to plan, and in what intervals. */
export interface ScenarioStaffingOptions {
  /** One weekday (0 = Monday); without it the whole week, Monday first. */
  weekday?: number;
  /** 15, 30 or 60; without it the scenario's profile interval (or its report interval, or 30). */
  interval_min?: number;
}

/** What a staffing request takes from a scenario: the load per interval, handle time and patience. */
export type ScenarioLoad = Pick<StaffingRequest, 'interval_min' | 'intervals' | 'handle_time' | 'patience'> & { shrinkage?: number };

/** A staffing request refused for one mistake (`invalid_staffing_request`, the mistake at its path). */
export function staffingMistake(path: string, message: string): Error {
  return fail('invalid_staffing_request', undefined, { errors: [{ path, message }] });
}

/** The parts of a scenario a staffing plan reads; mistakes elsewhere (its roster, its policy) do not stop a plan. */
const PLANNED_PARTS = ['/arrivals', '/time_zone', '/tickets', '/handle_time', '/patience', '/after_call_work', '/staffing/shrinkage'];

/**
 * The load of a scenario as `scenarioLoad` reads it, after checking the parts a plan reads;
 * refuses (`invalid_staffing_request`, each mistake with its path under /scenario) one with mistakes there.
 */
export function checkedScenarioLoad(scenario: ScenarioDocument, options: ScenarioStaffingOptions = {}): ScenarioLoad {
  const { policy: _policy, policies: _policies, sla_policies: _sla, ...planned } = scenario;
  const errors = checkScenario(planned).filter((e) => PLANNED_PARTS.some((part) => e.path === part || e.path.startsWith(`${part}/`)));
  if (errors.length > 0) {
    throw fail('invalid_staffing_request', undefined, { errors: errors.map((e) => ({ ...e, path: `/scenario${e.path}` })) });
  }
  return scenarioLoad(scenario, options);
}

/**
 * Promises the expected calls per interval of a checked scenario's typical week (or one weekday
 * of it), from its arrival profile in its time zone: each day from its first interval with calls
 * to its last, labelled "Mon 08:00"; a day without calls is left out. The handle time is the
 * kinds' handle time plus after-call work, the patience theirs: the scenario's own distribution
 * when every kind shares one, else an exponential of the share-weighted mean (as Erlang reads it).
 * Refuses (`invalid_staffing_request`) a replayed history, which has no profile to plan from.
 */
export function scenarioLoad(scenario: ScenarioDocument, options: ScenarioStaffingOptions = {}): ScenarioLoad {
  const rate = ratePerHour(scenario);
  const intervalMin = options.interval_min ?? scenario.arrivals.weekday_rates?.interval_min ?? scenario.report_interval_min ?? 30;
  if (!(INTERVAL_MINUTES as readonly number[]).includes(intervalMin)) {
    throw staffingMistake('/interval_min', `interval_min must be one of ${INTERVAL_MINUTES.join(', ')}.`);
  }
  const days = options.weekday === undefined ? [0, 1, 2, 3, 4, 5, 6] : [options.weekday];
  const intervals = days.flatMap((day) => dayIntervals(day, intervalMin, rate));
  if (intervals.length === 0) {
    throw staffingMistake('/arrivals', 'The scenario has no calls on the days asked for.');
  }
  const kinds = kindsOf(scenario);
  const afterCall = scenario.after_call_work;
  const handle = combined(kinds, (kind) => byType(scenario.handle_time, kind), (kind) => (afterCall ? byType(afterCall, kind) : null));
  const patience = scenario.patience ? combined(kinds, (kind) => patienceOf(scenario.patience!, kind), () => null) : null;
  const shrinkage = scenario.staffing?.shrinkage;
  return { interval_min: intervalMin, intervals, handle_time: handle, patience, ...(shrinkage === undefined ? {} : { shrinkage }) };
}

/** Calls per hour by weekday (Monday 0) and minute of the day, in the scenario's time zone. */
type RatePerHour = (day: number, minute: number) => number;

function ratePerHour(scenario: ScenarioDocument): RatePerHour {
  const { weekday_rates: rates, rate_per_hour: rate, hourly_profile: hourly, weekly_profile: weekly } = scenario.arrivals;
  if (rates) return (day, minute) => rates.per_hour[day]![Math.floor(minute / rates.interval_min)]!;
  if (rate === undefined) {
    throw staffingMistake('/arrivals', 'A replayed history has no arrival profile to plan from: calibrate it, or give rate_per_hour.');
  }
  return (day, minute) => rate * (hourly?.[Math.floor(minute / 60)] ?? 1) * (weekly?.[day] ?? 1);
}

/** The day's intervals from its first with calls to its last, each with its expected calls. */
function dayIntervals(day: number, intervalMin: number, rate: RatePerHour): { label: string; calls: number }[] {
  const calls = Array.from({ length: 1440 / intervalMin }, (_, k) => {
    let sum = 0;
    for (let minute = k * intervalMin; minute < (k + 1) * intervalMin; minute++) sum += rate(day, minute) / 60;
    return Math.round(sum * 100) / 100;
  });
  const first = calls.findIndex((n) => n > 0);
  if (first < 0) return [];
  const last = calls.length - 1 - [...calls].reverse().findIndex((n) => n > 0);
  const label = (k: number) => `${WEEKDAYS[day]} ${timeOfDayAfter('00:00', k * intervalMin)}`;
  return calls.slice(first, last + 1).map((n, k) => ({ label: label(first + k), calls: n }));
}

function kindsOf(scenario: ScenarioDocument): { kind: TicketKind; weight: number }[] {
  const kinds = scenario.tickets && scenario.tickets.length > 0 ? scenario.tickets : [{}];
  const total = kinds.reduce((sum, kind) => sum + (kind.share ?? 1), 0);
  return kinds.map((kind) => ({ kind, weight: (kind.share ?? 1) / total }));
}

function byType(document: DistributionDocument & { by_type?: Record<string, DistributionDocument> }, kind: TicketKind): DistributionDocument {
  const { by_type: types, ...base } = document;
  return (kind.type === undefined ? undefined : types?.[kind.type]) ?? base;
}

function patienceOf(document: NonNullable<ScenarioDocument['patience']>, kind: TicketKind): DistributionDocument {
  const { by_priority: priorities, ...rest } = document;
  const own = kind.type === undefined ? undefined : rest.by_type?.[kind.type];
  return own ?? (kind.priority === undefined ? undefined : priorities?.[kind.priority]) ?? byType(rest, {});
}

/**
 * The one distribution every kind has (with no added time), or an exponential of the weighted
 * mean of each kind's distribution plus its added time.
 */
function combined(
  kinds: { kind: TicketKind; weight: number }[],
  main: (kind: TicketKind) => DistributionDocument,
  added: (kind: TicketKind) => DistributionDocument | null,
): DistributionDocument {
  const mains = kinds.map(({ kind }) => main(kind));
  const same = mains.every((d) => JSON.stringify(d) === JSON.stringify(mains[0]));
  if (same && kinds.every(({ kind }) => added(kind) === null)) return mains[0]!;
  const mean = kinds.reduce((sum, { kind, weight }, i) => {
    const extra = added(kind);
    return sum + weight * (meanOf(mains[i]!) + (extra ? meanOf(extra) : 0));
  }, 0);
  return { dist: 'exponential', mean_s: Math.round(mean * 10) / 10 };
}
