/** What queueing theory predicts for c agents, offered load A = λ/μ erlangs. */
export interface QueuePrediction {
  pWait: number;
  /** Average speed of answer: the mean wait of the calls that are answered, seconds. */
  asaS: number;
  /** Share answered within the threshold (Erlang C only). */
  serviceLevel: number | null;
  /** Share that abandons (Erlang A only). */
  abandonment: number | null;
}

/**
 * Erlang C (M/M/c, nobody abandons): the chance to wait, the average wait and the service level.
 * Rates per second; `thresholdS` is the service-level threshold T. Promises finite figures only
 * when the load is below the agents (A < c); otherwise every figure is Infinity or 0.
 */
export function erlangC(arrivalsPerS: number, meanHandleS: number, agents: number, thresholdS: number): QueuePrediction {
  const load = arrivalsPerS * meanHandleS;
  if (load >= agents) return { pWait: 1, asaS: Infinity, serviceLevel: 0, abandonment: null };
  let blocking = 1;
  for (let k = 1; k <= agents; k++) blocking = (load * blocking) / (k + load * blocking);
  const pWait = (agents * blocking) / (agents - load * (1 - blocking));
  const drain = agents / meanHandleS - arrivalsPerS;
  return { pWait, asaS: pWait / drain, serviceLevel: 1 - pWait * Math.exp(-drain * thresholdS), abandonment: null };
}

/**
 * Erlang A (M/M/c+M, exponential patience, Palm's model): the chance to wait, the average wait of
 * the answered calls and the share that abandons, from the stationary birth–death chain (summed
 * until the terms vanish) seen by an arrival, and the fate of an arrival that finds j callers
 * ahead of it. Promises finite figures for any load, since the impatient leave.
 */
export function erlangA(arrivalsPerS: number, meanHandleS: number, agents: number, meanPatienceS: number): QueuePrediction {
  const mu = 1 / meanHandleS;
  const theta = 1 / meanPatienceS;
  const serving = agents * mu;
  // Unnormalised stationary weights, rescaled as they go to stay finite.
  let weight = 1;
  let total = 0;
  let waiting = 0;
  let answeredAfterWait = 0;
  let waitOfAnswered = 0;
  // An arrival with j callers ahead is answered once j + 1 services or departures ahead happen
  // before its own patience runs out: `reach` is that chance, `waitSum` E[wait; answered].
  let reach = 1;
  let waitSum = 0;
  for (let n = 0; ; n++) {
    if (n > 0) weight *= arrivalsPerS / (Math.min(n, agents) * mu + Math.max(0, n - agents) * theta);
    if (weight > 1e250) {
      weight *= 1e-250;
      total *= 1e-250;
      waiting *= 1e-250;
      answeredAfterWait *= 1e-250;
      waitOfAnswered *= 1e-250;
    }
    total += weight;
    if (n >= agents) {
      const ahead = n - agents;
      const rate = serving + (ahead + 1) * theta;
      const progress = (serving + ahead * theta) / rate;
      waitSum = progress * (reach / rate + waitSum);
      reach *= progress;
      waiting += weight;
      answeredAfterWait += weight * reach;
      waitOfAnswered += weight * waitSum;
    }
    if (n > agents && weight < total * 1e-16) break;
  }
  const answered = (total - waiting + answeredAfterWait) / total;
  return { pWait: waiting / total, asaS: waitOfAnswered / total / answered, serviceLevel: null, abandonment: 1 - answered };
}
