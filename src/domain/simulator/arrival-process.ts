import { SeededRandom } from '../shared/seeded-random.js';
import type { ReplayedArrival, ScenarioDocument } from './scenario.js';

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
  const { rate_per_hour: rate, hourly_profile: hourly, weekly_profile: weekly } = scenario.arrivals;
  const shaped = hourly !== undefined || weekly !== undefined;
  const peak = (rate! / HOUR_MS) * Math.max(...(hourly ?? [1])) * Math.max(...(weekly ?? [1]));
  const shape = shaped ? profileOf(hourly, weekly, scenario.time_zone ?? 'UTC', peak, rate! / HOUR_MS) : null;
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

/** The share of the peak rate in force at an instant, looked up once per hour of the run. */
function profileOf(hourly: number[] | undefined, weekly: number[] | undefined, zone: string, peak: number, base: number): (at: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', weekday: 'short' });
  const byHour = new Map<number, number>();
  return (at) => {
    const hour = Math.floor(at / HOUR_MS);
    let share = byHour.get(hour);
    if (share === undefined) {
      const parts = format.formatToParts(hour * HOUR_MS + HOUR_MS / 2);
      const localHour = Number(parts.find((p) => p.type === 'hour')!.value);
      const day = WEEKDAY_INDEX[parts.find((p) => p.type === 'weekday')!.value]!;
      share = (base * (hourly?.[localHour] ?? 1) * (weekly?.[day] ?? 1)) / peak;
      byHour.set(hour, share);
    }
    return share;
  };
}
