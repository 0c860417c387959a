/** The range searched; outside it a temperature says more about a tiny calibration set than about the model. */
const MIN_LOG_T = Math.log(0.05);
const MAX_LOG_T = Math.log(20);
const ITERATIONS = 60;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Mean cross-entropy of softmax(scores / t) against the labels, smoothed: the true label holds
 * 1 − ε and the others share ε. `scores` holds n rows of k.
 */
export function meanNll(scores: Float64Array, labels: readonly number[], k: number, t: number, epsilon = 0): number {
  let total = 0;
  const other = k > 1 ? epsilon / (k - 1) : 0;
  for (let i = 0; i < labels.length; i++) {
    const base = i * k;
    let max = -Infinity;
    let sumScores = 0;
    for (let c = 0; c < k; c++) {
      max = Math.max(max, scores[base + c]! / t);
      sumScores += scores[base + c]! / t;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(scores[base + c]! / t - max);
    const truth = scores[base + labels[i]!]! / t;
    total += Math.log(sum) + max - (1 - epsilon - other) * truth - other * sumScores;
  }
  return labels.length === 0 ? 0 : total / labels.length;
}

/**
 * Temperature scaling (Guo et al., 2017): the one number t that makes softmax(scores / t) best
 * predict the held-out labels, by golden-section search over log t (the loss is unimodal there).
 * The labels are smoothed by ε = 1 / (n + 2), Laplace's rule of succession: n right answers out of
 * n do not prove certainty, and without it a held-out set the model gets all right drives t to
 * its floor, where even text unlike anything seen gets near-certain answers.
 * Promises 1 when there is nothing to fit on, and a value within [0.05, 20].
 */
export function fitTemperature(scores: Float64Array, labels: readonly number[], k: number): number {
  if (labels.length === 0) return 1;
  const epsilon = 1 / (labels.length + 2);
  let low = MIN_LOG_T;
  let high = MAX_LOG_T;
  let a = high - GOLDEN * (high - low);
  let b = low + GOLDEN * (high - low);
  let fa = meanNll(scores, labels, k, Math.exp(a), epsilon);
  let fb = meanNll(scores, labels, k, Math.exp(b), epsilon);
  for (let i = 0; i < ITERATIONS; i++) {
    if (fa <= fb) {
      high = b;
      b = a;
      fb = fa;
      a = high - GOLDEN * (high - low);
      fa = meanNll(scores, labels, k, Math.exp(a), epsilon);
    } else {
      low = a;
      a = b;
      fa = fb;
      b = low + GOLDEN * (high - low);
      fb = meanNll(scores, labels, k, Math.exp(b), epsilon);
    }
  }
  return Math.exp((low + high) / 2);
}
