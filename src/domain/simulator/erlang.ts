/** What queueing theory predicts for c agents, offered load A = λ/μ erlangs. */
export interface QueuePrediction {
  pWait: number;
  /** Average speed of answer: the mean wait of the calls that are answered, seconds. */
  asaS: number;
  /** Share of all calls answered within the threshold (callers who hang up count as not). */
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
 * the answered calls, the share answered within `thresholdS` (when given) and the share that
 * abandons, from the stationary chain an arrival sees and the fate of an arrival that finds j
 * callers ahead of it. Promises finite figures for any load, since the impatient leave.
 */
export function erlangA(arrivalsPerS: number, meanHandleS: number, agents: number, meanPatienceS: number, thresholdS?: number): QueuePrediction {
  const serving = agents / meanHandleS;
  const theta = 1 / meanPatienceS;
  const { free, queued } = arrivalView(arrivalsPerS, 1 / meanHandleS, agents, theta);
  let pWait = 0;
  let answered = free;
  let waitOfAnswered = 0;
  // An arrival with j callers ahead is answered once j + 1 services or departures ahead happen
  // before its own patience runs out: `reach` is that chance, `waitSum` E[wait; answered].
  let reach = 1;
  let waitSum = 0;
  queued.forEach((share, ahead) => {
    const rate = serving + (ahead + 1) * theta;
    const progress = (serving + ahead * theta) / rate;
    waitSum = progress * (reach / rate + waitSum);
    reach *= progress;
    pWait += share;
    answered += share * reach;
    waitOfAnswered += share * waitSum;
  });
  const serviceLevel = thresholdS === undefined ? null : free + answeredWithin(queued, serving, theta, thresholdS);
  return { pWait, asaS: answered > 0 ? waitOfAnswered / answered : 0, serviceLevel, abandonment: 1 - answered };
}

/**
 * The state an arrival finds in M/M/c+M: the chance that an agent is free, and the chance that
 * every agent is busy with j callers already waiting (index j), summed until the terms vanish.
 */
function arrivalView(lambda: number, mu: number, agents: number, theta: number): { free: number; queued: number[] } {
  // Unnormalised stationary weights, rescaled as they go to stay finite.
  let weight = 1;
  let free = 0;
  const queued: number[] = [];
  let total = 0;
  for (let n = 0; ; n++) {
    if (n > 0) weight *= lambda / (Math.min(n, agents) * mu + Math.max(0, n - agents) * theta);
    if (weight > 1e250) {
      weight *= 1e-250;
      free *= 1e-250;
      total *= 1e-250;
      for (let j = 0; j < queued.length; j++) queued[j]! *= 1e-250;
    }
    total += weight;
    if (n < agents) free += weight;
    else queued.push(weight);
    if (n > agents && weight < total * 1e-16) break;
  }
  return { free: free / total, queued: queued.map((w) => w / total) };
}

/**
 * The chance that an arrival which finds j callers ahead (with the chance `queued[j]`) is answered
 * within `thresholdS`, summed over j: the tagged caller's remaining queue is a pure-death chain, so
 * one uniformized backward pass over [0, T] answers every j at once.
 */
function answeredWithin(queued: readonly number[], serving: number, theta: number, thresholdS: number): number {
  const last = queued.length - 1;
  if (last < 0) return 0;
  const uniform = serving + (last + 1) * theta;
  const mean = uniform * thresholdS;
  const steps = Math.ceil(mean + 8 * Math.sqrt(mean) + 20);
  // reached[j]: the chance of being answered within k uniformized steps from j ahead.
  let reached = new Float64Array(last + 1);
  let logPoisson = -mean;
  const result = new Float64Array(last + 1);
  for (let k = 0; k <= steps; k++) {
    if (k > 0) {
      const next = new Float64Array(last + 1);
      for (let j = 0; j <= last; j++) {
        const advance = (serving + j * theta) / uniform;
        const stay = 1 - (serving + (j + 1) * theta) / uniform;
        next[j] = advance * (j === 0 ? 1 : reached[j - 1]!) + stay * reached[j]!;
      }
      reached = next;
      logPoisson += Math.log(mean / k);
    }
    const weight = Math.exp(logPoisson);
    for (let j = 0; j <= last; j++) result[j]! += weight * reached[j]!;
  }
  return queued.reduce((sum, share, j) => sum + share * result[j]!, 0);
}
