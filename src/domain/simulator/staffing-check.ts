import type { PolicyFigures } from './simulation-result.js';
import { runScenario } from './run-scenario.js';
import type { ScenarioDocument } from './scenario.js';
import { meetsTarget, withRoster, type IntervalStaffing, type Staffed, type StaffingPlan, type StaffingRequest } from './staffing-plan.js';

/** How a plan is checked: simulated calls per interval and head count, and the seed. */
export interface StaffingCheckOptions {
  calls: number;
  seed: number;
}

export const DEFAULT_CHECK_CALLS = 20_000;
/** Agents a check may add or take away from Erlang's answer in one interval. */
const MAX_ADJUSTMENT = 10;
/**
 * How far a simulated figure must be on the other side of the target before the check moves
 * Erlang's answer: two points of service level, 4 % of the ASA, one point of abandonment. A run of
 * 20,000 calls measures a busy interval's service level to about ±1.5 points (one standard
 * deviation), so a smaller gap would move the head count on noise alone.
 */
const CLEAR_MISS = 0.02;
/** Share of each checked run's calls that only fill the queue before counting starts. */
const WARMUP_SHARE = 0.1;

/** Where a check stands: intervals done out of all. */
export interface StaffingCheckProgress {
  done: number;
  total: number;
}

/**
 * Checks each interval's Erlang head count by simulating it in steady state through the live
 * routing engine with the request's own handle-time and patience distributions (which Erlang
 * reduces to their means); where the simulated figures clearly miss the target it adds agents
 * until they reach it, and while one agent fewer still clearly reaches it, it takes one away. Every head count of an interval sees the same draws, so a
 * difference between two is the agents' doing. Yields after each interval.
 */
export function* checkStaffing(request: StaffingRequest, plan: StaffingPlan, options: StaffingCheckOptions): Generator<StaffingCheckProgress, StaffingPlan> {
  const intervals: IntervalStaffing[] = [];
  for (const [index, interval] of plan.intervals.entries()) {
    // Each interval its own draws, so one lucky stream does not tilt the whole plan.
    const seeded = { ...options, seed: options.seed + index };
    intervals.push({ ...interval, simulated: simulatedAnswer(request, interval, seeded) });
    yield { done: intervals.length, total: plan.intervals.length };
  }
  return withRoster(request, { ...plan, checked: true, intervals });
}

function simulatedAnswer(request: StaffingRequest, interval: IntervalStaffing, options: StaffingCheckOptions): Staffed | null {
  const start = interval.erlang?.agents ?? null;
  if (start === null || start === 0) return interval.erlang;
  const run = (agents: number) => ({ agents, figures: simulate(request, interval.calls, agents, options) });
  let best = run(start);
  const clearlyMeets = (staffed: Staffed) => meetsTarget(request.target, staffed.figures!, -CLEAR_MISS);
  const clearlyMisses = (staffed: Staffed) => !meetsTarget(request.target, staffed.figures!, CLEAR_MISS);
  if (!clearlyMisses(best)) {
    for (let fewer = start - 1; fewer >= Math.max(1, start - MAX_ADJUSTMENT); fewer--) {
      const tried = run(fewer);
      if (!clearlyMeets(tried)) break;
      best = tried;
    }
    return best;
  }
  for (let more = start + 1; more <= start + MAX_ADJUSTMENT; more++) {
    best = run(more);
    if (meetsTarget(request.target, best.figures!)) return best;
  }
  return best;
}

function simulate(request: StaffingRequest, calls: number, agents: number, options: StaffingCheckOptions): Staffed['figures'] {
  const ratePerHour = (calls * 60) / request.interval_min;
  const seconds = (options.calls / ratePerHour) * 3600;
  const scenario: ScenarioDocument = {
    seed: options.seed,
    duration_s: seconds * (1 + WARMUP_SHARE),
    warmup_s: seconds * WARMUP_SHARE,
    channel: 'phone',
    service_level_s: 'within_s' in request.target ? request.target.within_s : 20,
    arrivals: { rate_per_hour: ratePerHour },
    handle_time: request.handle_time,
    patience: request.patience ?? null,
    agents: [{ count: agents, capacity: { phone: 1 } }],
    policy: { queues: [{ id: 'calls', agents: 'true', strategy: 'longest_idle' }], rules: [], default: { queue: 'calls' } },
  };
  return figuresOf(runScenario(scenario).policies[0]!, 'within_s' in request.target);
}

function figuresOf(run: PolicyFigures, hasLevel: boolean): Staffed['figures'] {
  return {
    p_wait: run.p_wait ?? 0,
    asa_s: run.asa_s ?? 0,
    service_level: hasLevel ? run.service_level : null,
    abandonment: run.abandonment,
    occupancy: run.utilisation ?? 0,
  };
}
