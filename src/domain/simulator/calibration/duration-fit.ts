import { SeededRandom } from '../../shared/seeded-random.js';
import type { DistributionDocument } from '../distributions.js';
import { digamma, logGamma, trigamma } from './special-functions.js';

/** Durations shorter than this (a log's 0 s) count as this much in the logarithms of a fit. */
export const SHORTEST_S = 0.5;
/** Observed durations kept, at random, for the empirical distribution. */
export const EMPIRICAL_SAMPLES = 2000;

/** One fitted family: its parameters as a scenario writes them, and how well it fits. */
export interface FittedCandidate {
  distribution: DistributionDocument;
  log_likelihood: number;
  /** Akaike's criterion, 2k − 2 ln L: the lowest fits best for its number of parameters. */
  aic: number;
}

/** What a sample of durations fits: every family tried, the one chosen (lowest AIC) and the empirical one. */
export interface DurationFit {
  count: number;
  mean_s: number;
  sd_s: number;
  chosen: DistributionDocument;
  candidates: FittedCandidate[];
  empirical: DistributionDocument;
}

/**
 * Durations seen one at a time, kept as the sums a maximum-likelihood fit needs (n, Σx, Σx²,
 * Σln x, Σ(ln x)²) and a reservoir of at most EMPIRICAL_SAMPLES of them: a month or a year of
 * calls costs the same memory.
 */
export class DurationSample {
  count = 0;
  private sum = 0;
  private sumSquares = 0;
  private sumLog = 0;
  private sumLogSquares = 0;
  private readonly reservoir: number[] = [];
  private readonly random: SeededRandom;

  constructor(seed = 1) {
    this.random = new SeededRandom(seed);
  }

  add(seconds: number): void {
    this.count++;
    this.sum += seconds;
    this.sumSquares += seconds * seconds;
    const log = Math.log(Math.max(seconds, SHORTEST_S));
    this.sumLog += log;
    this.sumLogSquares += log * log;
    if (this.reservoir.length < EMPIRICAL_SAMPLES) this.reservoir.push(seconds);
    else {
      const slot = Math.floor(this.random.next() * this.count);
      if (slot < EMPIRICAL_SAMPLES) this.reservoir[slot] = seconds;
    }
  }

  /** The fit of the sample, or null when it is empty or every duration is 0. */
  fit(): DurationFit | null {
    const n = this.count;
    const mean = this.sum / n;
    if (n === 0 || !(mean > 0)) return null;
    const sd = Math.sqrt(Math.max(this.sumSquares / n - mean * mean, 0)) || mean;
    const candidates = [this.exponential(mean), this.lognormal(), this.gamma(mean)].filter((c): c is FittedCandidate => c !== null);
    const chosen = candidates.reduce((best, c) => (c.aic < best.aic ? c : best));
    return { count: n, mean_s: mean, sd_s: sd, chosen: chosen.distribution, candidates, empirical: { dist: 'empirical', samples_s: [...this.reservoir].sort((a, b) => a - b) } };
  }

  private exponential(mean: number): FittedCandidate {
    const n = this.count;
    return candidate({ dist: 'exponential', mean_s: mean }, -n * Math.log(mean) - n, 1);
  }

  private lognormal(): FittedCandidate | null {
    const n = this.count;
    const mu = this.sumLog / n;
    const sigma2 = this.sumLogSquares / n - mu * mu;
    if (!(sigma2 > 0)) return null;
    const logLikelihood = -this.sumLog - (n / 2) * Math.log(2 * Math.PI * sigma2) - n / 2;
    const mean = Math.exp(mu + sigma2 / 2);
    return candidate({ dist: 'lognormal', mean_s: mean, sd_s: mean * Math.sqrt(Math.exp(sigma2) - 1) }, logLikelihood, 2);
  }

  /** Gamma by maximum likelihood: Minka's start for the shape, then Newton steps on ln k − ψ(k) = s. */
  private gamma(mean: number): FittedCandidate | null {
    const n = this.count;
    const s = Math.log(mean) - this.sumLog / n;
    if (!(s > 0)) return null;
    let shape = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
    for (let i = 0; i < 20; i++) {
      const step = (Math.log(shape) - digamma(shape) - s) / (1 / shape - trigamma(shape));
      shape = Math.max(shape - step, shape / 10);
      if (Math.abs(step) < 1e-10 * shape) break;
    }
    const scale = mean / shape;
    const logLikelihood = (shape - 1) * this.sumLog - this.sum / scale - n * shape * Math.log(scale) - n * logGamma(shape);
    return candidate({ dist: 'gamma', mean_s: mean, sd_s: mean / Math.sqrt(shape) }, logLikelihood, 2);
  }
}

function candidate(distribution: DistributionDocument, logLikelihood: number, parameters: number): FittedCandidate {
  return { distribution, log_likelihood: logLikelihood, aic: 2 * parameters - 2 * logLikelihood };
}
