/** What queueing theory predicts for c agents, offered load A = λ/μ erlangs. */
export interface QueuePrediction {
  pWait: number;
  /** Average wait of all arrivals, seconds. */
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
 * Erlang A (M/M/c+M, exponential patience): the chance to wait, the average wait of all arrivals
 * and the share that abandons, from the stationary birth–death chain (summed until the terms vanish).
 */
export function erlangA(arrivalsPerS: number, meanHandleS: number, agents: number, meanPatienceS: number): QueuePrediction {
  const mu = 1 / meanHandleS;
  const theta = 1 / meanPatienceS;
  // Unnormalised stationary weights, scaled as they go to stay finite.
  let weight = 1;
  let total = 0;
  let waiting = 0;
  let queued = 0;
  for (let n = 0; ; n++) {
    if (n > 0) weight *= arrivalsPerS / (Math.min(n, agents) * mu + Math.max(0, n - agents) * theta);
    if (weight > 1e250) {
      weight *= 1e-250;
      total *= 1e-250;
      waiting *= 1e-250;
      queued *= 1e-250;
    }
    total += weight;
    if (n >= agents) {
      waiting += weight;
      queued += (n - agents) * weight;
    }
    if (n > agents && weight < total * 1e-16) break;
  }
  const meanQueue = queued / total;
  return { pWait: waiting / total, asaS: meanQueue / arrivalsPerS, serviceLevel: null, abandonment: (theta * meanQueue) / arrivalsPerS };
}
