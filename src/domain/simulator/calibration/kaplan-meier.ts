import type { DistributionDocument } from '../distributions.js';

/** Points of the patience distribution a scenario carries: its quantiles, each equally likely. */
export const PATIENCE_QUANTILES = 1000;

/** One step of the Kaplan–Meier curve: at `t_s`, `abandoned` gave up of `at_risk` still waiting; `survival` after it. */
export interface SurvivalStep {
  t_s: number;
  at_risk: number;
  abandoned: number;
  survival: number;
}

/** Patience estimated from queue times: the Kaplan–Meier curve, its exponential tail, and the distribution a scenario draws from. */
export interface PatienceEstimate {
  /** Callers observed: those who hung up (events) and those answered (censored at their wait, 0 when answered at once). */
  queued: number;
  abandoned: number;
  /** Mean patience of an exponential fit with censoring: time waited by all ÷ abandonments. */
  exponential_mean_s: number;
  /** Survival of patience at the last observed time; beyond it patience follows the exponential tail. */
  last_t_s: number;
  last_survival: number;
  /** Median patience read from the curve (null when more than half never abandon within the data). */
  median_s: number | null;
  steps: SurvivalStep[];
  distribution: DistributionDocument;
}

/**
 * Queue times of callers who queued, in whole seconds: an abandonment is an event (patience ran
 * out then), an answer censors patience (it was at least the wait). Memory is one pair of counts
 * per distinct second waited, whatever the number of calls.
 */
export class PatienceSample {
  queued = 0;
  abandoned = 0;
  private exposure = 0;
  private readonly events = new Map<number, number>();
  private readonly censored = new Map<number, number>();

  add(waitS: number, abandoned: boolean): void {
    const t = Math.max(0, Math.round(waitS));
    this.queued++;
    this.exposure += t;
    const counts = abandoned ? this.events : this.censored;
    counts.set(t, (counts.get(t) ?? 0) + 1);
    if (abandoned) this.abandoned++;
  }

  /**
   * The Kaplan–Meier estimate S(t) = Π (1 − dᵢ/nᵢ) over the seconds with abandonments (a caller
   * answered at t is still at risk at t), with an exponential tail past the last observed time at
   * the censored exponential rate; null without an abandonment.
   */
  estimate(): PatienceEstimate | null {
    if (this.abandoned === 0) return null;
    const times = [...new Set([...this.events.keys(), ...this.censored.keys()])].sort((a, b) => a - b);
    const steps: SurvivalStep[] = [];
    let atRisk = this.queued;
    let survival = 1;
    for (const t of times) {
      const abandoned = this.events.get(t) ?? 0;
      if (abandoned > 0) {
        survival *= 1 - abandoned / atRisk;
        steps.push({ t_s: t, at_risk: atRisk, abandoned, survival });
      }
      atRisk -= abandoned + (this.censored.get(t) ?? 0);
    }
    const tailMean = Math.max(this.exposure, 1) / this.abandoned;
    const lastT = times[times.length - 1]!;
    return {
      queued: this.queued,
      abandoned: this.abandoned,
      exponential_mean_s: tailMean,
      last_t_s: lastT,
      last_survival: survival,
      median_s: steps.find((s) => s.survival <= 0.5)?.t_s ?? null,
      steps,
      distribution: { dist: 'empirical', samples_s: quantiles(steps, lastT, survival, tailMean) },
    };
  }
}

/**
 * The inverse of the estimated distribution at PATIENCE_QUANTILES evenly spaced probabilities:
 * the first step where survival falls to 1 − u, or past the curve the exponential tail.
 */
function quantiles(steps: SurvivalStep[], lastT: number, lastSurvival: number, tailMean: number): number[] {
  const samples: number[] = [];
  let step = 0;
  for (let k = 0; k < PATIENCE_QUANTILES; k++) {
    const target = 1 - (k + 0.5) / PATIENCE_QUANTILES;
    while (step < steps.length && steps[step]!.survival > target) step++;
    samples.push(step < steps.length ? steps[step]!.t_s : lastT + tailMean * Math.log(lastSurvival / target));
  }
  return samples;
}
