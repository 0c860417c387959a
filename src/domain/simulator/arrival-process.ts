import { SeededRandom } from '../shared/seeded-random.js';
import type { ReplayedArrival, ScenarioDocument, WeekdayRatesDocument } from './scenario.js';

const HOUR_MS = 3_600_000;
const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** The next arrival: when (ms since the epoch), of which ticket kind, and its known handle time if replayed. */
export interface Arrival {
  at: number;
  kind: number;
  handleMs: number | null;
}

/**
 * The arrivals of a scenario, one at a time and deterministic for a seed. A rate is a Poisson
 * process shaped by hour-of-day and weekday multipliers (drawn by thinning at the peak rate);
 * a replay returns its tickets in time order.
 */
export interface ArrivalProcess {
  next(): Arrival | null;
}

/**
 * Builds the arrival process of a checked scenario: a replay (in time order; arrival i is ticket
 * kind i) or Poisson arrivals whose kind `pickKind` draws.
 */
export function arrivalProcess(scenario: ScenarioDocument, start: number, seed: number, pickKind: (random: SeededRandom) => number, replay: readonly ReplayedArrival[] | null): ArrivalProcess {
  const end = start + scenario.duration_s * 1000;
  if (replay) return replayed(replay, start);
  return poisson(scenario, start, end, new SeededRandom(seed), pickKind);
}

function replayed(ordered: readonly ReplayedArrival[], start: number): ArrivalProcess {
  let index = 0;
  return {
    next() {
      const arrival = ordered[index];
      if (!arrival) return null;
      return { at: start + arrival.at_s * 1000, kind: index++, handleMs: arrival.handle_s === undefined ? null : arrival.handle_s * 1000 };
    },
  };
}

function poisson(scenario: ScenarioDocument, start: number, end: number, random: SeededRandom, pickKind: (random: SeededRandom) => number): ArrivalProcess {
  const { peak, shape } = scenario.arrivals.weekday_rates ? weekdayShape(scenario.arrivals.weekday_rates, scenario.time_zone ?? 'UTC') : profileShape(scenario);
  let now = start;
  return {
    next() {
      for (;;) {
        now += -Math.log(1 - random.next()) / peak;
        if (now >= end) return null;
        if (shape === null || random.next() < shape(now)) return { at: now, kind: pickKind(random), handleMs: null };
      }
    },
  };
}

/** The peak rate (per ms) arrivals are drawn at, and the share of it in force at an instant (null: always all of it). */
interface RateShape {
  peak: number;
  shape: ((at: number) => number) | null;
}

function profileShape(scenario: ScenarioDocument): RateShape {
  const { rate_per_hour: rate, hourly_profile: hourly, weekly_profile: weekly } = scenario.arrivals;
  const peak = (rate! / HOUR_MS) * Math.max(...(hourly ?? [1])) * Math.max(...(weekly ?? [1]));
  if (hourly === undefined && weekly === undefined) return { peak, shape: null };
  const shape = localSlots(scenario.time_zone ?? 'UTC', HOUR_MS, (day, hour) => (rate! / HOUR_MS) * (hourly?.[hour] ?? 1) * (weekly?.[day] ?? 1) / peak);
  return { peak, shape };
}

function weekdayShape(rates: WeekdayRatesDocument, zone: string): RateShape {
  const peak = Math.max(...rates.per_hour.flat()) / HOUR_MS;
  const slotMs = rates.interval_min * 60_000;
  const perHour = 60 / rates.interval_min;
  return { peak, shape: localSlots(zone, slotMs, (day, hour, minute) => rates.per_hour[day]![hour * perHour + Math.floor(minute / rates.interval_min)]! / HOUR_MS / peak) };
}

/** A share per slot of `slotMs` of the run, from its local weekday (Monday 0), hour and minute, looked up once per slot. */
function localSlots(zone: string, slotMs: number, shareAt: (day: number, hour: number, minute: number) => number): (at: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', weekday: 'short' });
  const bySlot = new Map<number, number>();
  return (at) => {
    const slot = Math.floor(at / slotMs);
    let share = bySlot.get(slot);
    if (share === undefined) {
      const parts = format.formatToParts(slot * slotMs + slotMs / 2);
      const part = (type: string) => parts.find((p) => p.type === type)!.value;
      share = shareAt(WEEKDAY_INDEX[part('weekday')]!, Number(part('hour')), Number(part('minute')));
      bySlot.set(slot, share);
    }
    return share;
  };
}
