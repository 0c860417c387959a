const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Upper bounds of the duration bands a distribution counts in: a lead's usual steps from minutes to days. */
export const DURATION_BANDS_MS = [15 * MINUTE, HOUR, 4 * HOUR, 8 * HOUR, 24 * HOUR, 72 * HOUR] as const;

/** How many durations fell in one band, [fromMs, toMs); `toMs` null for the open-ended last band. */
export interface DurationBand {
  fromMs: number;
  toMs: number | null;
  count: number;
}

/** Counts durations per band of `DURATION_BANDS_MS`, every band listed, empty ones as zeros. */
export function distributionOf(durations: readonly number[]): DurationBand[] {
  const bands: DurationBand[] = [];
  let lower = 0;
  for (const upper of [...DURATION_BANDS_MS, null]) {
    const count = durations.filter((ms) => ms >= lower && (upper === null || ms < upper)).length;
    bands.push({ fromMs: lower, toMs: upper, count });
    lower = upper ?? lower;
  }
  return bands;
}
