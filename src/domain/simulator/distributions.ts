import type { SeededRandom } from '../shared/seeded-random.js';

export const DISTRIBUTIONS = ['exponential', 'lognormal', 'gamma', 'constant', 'empirical'] as const;
export type DistributionKind = (typeof DISTRIBUTIONS)[number];

/** A duration distribution as a scenario writes it, in seconds. */
export interface DistributionDocument {
  dist: DistributionKind;
  /** Mean (exponential, lognormal, gamma). */
  mean_s?: number;
  /** Standard deviation (lognormal, gamma; default: equal to the mean). */
  sd_s?: number;
  /** The one value (constant). */
  value_s?: number;
  /** Observed durations drawn from with equal weight (empirical). */
  samples_s?: number[];
}

export type Sampler = () => number;

/** A sampler of seconds for a checked distribution; draws only from `random`, so a seed replays it. */
export function samplerFor(document: DistributionDocument, random: SeededRandom): Sampler {
  switch (document.dist) {
    case 'exponential': {
      const mean = document.mean_s!;
      return () => -mean * Math.log(1 - random.next());
    }
    case 'lognormal': {
      // Parameters of the underlying normal from the wanted mean m and deviation s.
      const m = document.mean_s!;
      const s = document.sd_s ?? m;
      const sigma2 = Math.log(1 + (s * s) / (m * m));
      const mu = Math.log(m) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return () => Math.exp(mu + sigma * standardNormal(random));
    }
    case 'gamma': {
      const m = document.mean_s!;
      const s = document.sd_s ?? m;
      return gammaSampler((m * m) / (s * s), (s * s) / m, random);
    }
    case 'constant': {
      const value = document.value_s!;
      return () => value;
    }
    case 'empirical': {
      const samples = Float64Array.from(document.samples_s!);
      return () => samples[Math.floor(random.next() * samples.length)]!;
    }
  }
}

/** The distribution's mean in seconds (used for analytic comparisons and checks). */
export function meanOf(document: DistributionDocument): number {
  switch (document.dist) {
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      return document.mean_s!;
    case 'constant':
      return document.value_s!;
    case 'empirical':
      return document.samples_s!.reduce((sum, x) => sum + x, 0) / document.samples_s!.length;
  }
}

/** Every mistake in a distribution, at paths under `path`; empty when it can be sampled. */
export function checkDistribution(document: DistributionDocument, path: string): { path: string; message: string }[] {
  const positive = (value: number | undefined, key: string) =>
    (value === undefined || !Number.isFinite(value) || value <= 0 ? [{ path: `${path}/${key}`, message: `${key} must be a number above 0.` }] : []);
  switch (document.dist) {
    case 'exponential':
      return positive(document.mean_s, 'mean_s');
    case 'lognormal':
    case 'gamma':
      return [...positive(document.mean_s, 'mean_s'), ...(document.sd_s === undefined ? [] : positive(document.sd_s, 'sd_s'))];
    case 'constant':
      return positive(document.value_s, 'value_s');
    case 'empirical': {
      const samples = document.samples_s ?? [];
      if (samples.length === 0) return [{ path: `${path}/samples_s`, message: 'An empirical distribution needs at least one sample.' }];
      const bad = samples.findIndex((x) => !Number.isFinite(x) || x < 0);
      return bad < 0 ? [] : [{ path: `${path}/samples_s/${bad}`, message: 'Samples are durations of 0 seconds or more.' }];
    }
    default:
      return [{ path: `${path}/dist`, message: `Unknown distribution "${String((document as { dist: unknown }).dist)}"; known: ${DISTRIBUTIONS.join(', ')}.` }];
  }
}

/** One standard normal draw (Box–Muller; the second value is dropped to keep streams simple). */
function standardNormal(random: SeededRandom): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Gamma draws of a shape and scale (Marsaglia and Tsang's squeeze; a shape below 1 is drawn at
 * shape + 1 and scaled down by U^(1/shape)).
 */
function gammaSampler(shape: number, scale: number, random: SeededRandom): Sampler {
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return () => {
    for (;;) {
      const x = standardNormal(random);
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      const u = 1 - random.next();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        const draw = d * v * scale;
        return boosted ? draw * (1 - random.next()) ** (1 / shape) : draw;
      }
    }
  };
}
