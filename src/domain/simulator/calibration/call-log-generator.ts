import { SeededRandom } from '../../shared/seeded-random.js';
import { samplerFor, type DistributionDocument } from '../distributions.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A known call centre to generate a log from (docs/simulator.md, "A walk"). */
export interface GeneratedCentre {
  start: number;
  days: number;
  interval_min: number;
  /** Calls per hour at an instant (piecewise constant per interval is enough). */
  ratePerHour: (at: number) => number;
  /** Call types, their shares, handle times, patience. */
  types: { type: string; share: number; handle: DistributionDocument; patience: DistributionDocument }[];
  afterCall: DistributionDocument;
  /** Agents on shift in the interval starting at `at`. */
  staffAt: (at: number) => number;
  seed: number;
}

/** One generated call, as a log row records it (instants in ms). */
export interface GeneratedCall {
  arrival: number;
  type: string;
  outcome: 'answered' | 'abandoned';
  queueEnd: number;
  answer: number | null;
  end: number | null;
  afterCallEnd: number | null;
  agent: string | null;
}

/**
 * A call log from a known centre, generated independently of the simulator: Poisson arrivals
 * (thinned to the rate), first come first served over a roster whose head count follows
 * `staffAt` per interval, abandonment when the wait exceeds the caller's patience. In arrival
 * order each caller takes the agent who can start soonest, which is first come first served.
 */
export function* generateCallLog(centre: GeneratedCentre): Generator<GeneratedCall> {
  const random = new SeededRandom(centre.seed);
  const end = centre.start + centre.days * DAY_MS;
  const intervalMs = centre.interval_min * 60_000;
  const staff = Array.from({ length: Math.ceil((end - centre.start) / intervalMs) + 1 }, (_, k) => centre.staffAt(centre.start + k * intervalMs));
  const freeAt = new Float64Array(Math.max(...staff));
  const peak = Math.max(...Array.from({ length: staff.length }, (_, k) => centre.ratePerHour(centre.start + k * intervalMs))) / HOUR_MS;
  const samplers = centre.types.map((t) => ({ type: t.type, handle: samplerFor(t.handle, random), patience: samplerFor(t.patience, random) }));
  const afterCall = samplerFor(centre.afterCall, random);
  const shares = centre.types.map((t) => t.share);
  const totalShare = shares.reduce((a, b) => a + b, 0);
  /** The first instant from `t` on when agent `k` is on shift (Infinity past the log). */
  const onShiftFrom = (k: number, t: number) => {
    for (let j = Math.floor((t - centre.start) / intervalMs); j < staff.length; j++) if (k < staff[j]!) return Math.max(t, centre.start + j * intervalMs);
    return Infinity;
  };
  for (let now = centre.start; ;) {
    now += -Math.log(1 - random.next()) / peak;
    if (now >= end) return;
    if (random.next() * peak * HOUR_MS >= centre.ratePerHour(now)) continue;
    let pick = random.next() * totalShare;
    const kind = samplers[Math.max(0, shares.findIndex((s) => (pick -= s) < 0))]!;
    const patienceMs = kind.patience() * 1000;
    const handleMs = kind.handle() * 1000;
    let agent = -1;
    let startAt = Infinity;
    for (let k = 0; k < freeAt.length; k++) {
      const at = onShiftFrom(k, Math.max(now, freeAt[k]!));
      if (at < startAt) [agent, startAt] = [k, at];
    }
    if (agent < 0 || startAt - now > patienceMs) {
      yield { arrival: now, type: kind.type, outcome: 'abandoned', queueEnd: now + patienceMs, answer: null, end: null, afterCallEnd: null, agent: null };
      continue;
    }
    const callEnd = startAt + handleMs;
    const wrapEnd = callEnd + afterCall() * 1000;
    freeAt[agent] = wrapEnd;
    yield { arrival: now, type: kind.type, outcome: 'answered', queueEnd: startAt, answer: startAt, end: callEnd, afterCallEnd: wrapEnd, agent: `agent-${agent + 1}` };
  }
}
