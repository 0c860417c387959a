import type { GeneratedCentre } from './call-log-generator.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Mean handle time and after-call work of the example's call mix, seconds (0.6 × 240 + 0.4 × 420, plus 30). */
const MEAN_WORK_S = 0.6 * 240 + 0.4 * 420 + 30;

/**
 * The example centre of docs/simulator.md's walk: open 08:00–20:00 on weekdays (a morning peak
 * of 120 calls an hour and an afternoon one of 100) and 09:00–17:00 on Saturdays at 40 an hour;
 * billing calls (60 %, lognormal handle times, mean 240 s, patience exponential, mean 180 s) and
 * technical ones (40 %, gamma, mean 420 s, patience mean 360 s); 30 s of after-call work on
 * average; staffed a little under what the load would need at every hour.
 */
export function exampleCentre(start: number, days: number, seed = 1): GeneratedCentre {
  return {
    start,
    days,
    interval_min: 30,
    ratePerHour: exampleRate,
    types: [
      { type: 'billing', share: 0.6, handle: { dist: 'lognormal', mean_s: 240, sd_s: 180 }, patience: { dist: 'exponential', mean_s: 180 } },
      { type: 'tech', share: 0.4, handle: { dist: 'gamma', mean_s: 420, sd_s: 300 }, patience: { dist: 'exponential', mean_s: 360 } },
    ],
    afterCall: { dist: 'exponential', mean_s: 30 },
    staffAt: (at) => {
      const load = (exampleRate(at + 15 * 60_000) * MEAN_WORK_S) / 3600;
      return load > 0 ? Math.round(load) + 1 : 0;
    },
    seed,
  };
}

/** Calls per hour of the example centre at an instant (UTC). */
export function exampleRate(at: number): number {
  const day = (new Date(at).getUTCDay() + 6) % 7;
  const hour = (at % DAY_MS) / HOUR_MS;
  if (day === 6) return 0;
  if (day === 5) return hour >= 9 && hour < 17 ? 40 : 0;
  if (hour < 8 || hour >= 20) return 0;
  if (hour < 10) return 60 + 30 * (hour - 8);
  if (hour < 13) return 120;
  if (hour < 14) return 70;
  if (hour < 17) return 100;
  return 50;
}
