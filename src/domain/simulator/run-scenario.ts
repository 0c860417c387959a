import { capacityClassOf, classIndex } from '../routing/capacity.js';
import { compilePolicy } from '../routing/policy-compiler.js';
import { fail } from '../errors.js';
import { meanOf } from './distributions.js';
import { erlangA, erlangC } from './erlang.js';
import { checkScenario, scenarioPolicies, type ScenarioDocument } from './scenario.js';
import { ScenarioPlan } from './scenario-plan.js';
import type { AnalyticFigures, PolicyFigures, SimulationResult } from './simulation-result.js';
import { Simulation } from './simulation.js';

/** Events a run handles between two looks at progress and cancellation. */
export const EVENTS_PER_SLICE = 50_000;

/** Where a run stands: which policy, and the share of all policies' work done (0..1). */
export interface SimulationProgress {
  policy: string;
  done: number;
}

/**
 * Runs a scenario under each of its policies in turn, on the same arrivals and draws, one slice
 * of events per step, so a caller can show progress, yield to other work and stop it. Refuses
 * (`invalid_scenario`, each mistake with its path) a scenario that does not check, before anything runs.
 */
export function* simulateScenario(scenario: ScenarioDocument): Generator<SimulationProgress, SimulationResult> {
  const errors = checkScenario(scenario);
  if (errors.length > 0) throw fail('invalid_scenario', 'The scenario has mistakes; nothing was run.', { errors });
  const plan = new ScenarioPlan(scenario);
  const policies = scenarioPolicies(scenario);
  const figures: PolicyFigures[] = [];
  for (const [index, { name, policy }] of policies.entries()) {
    const compiled = compilePolicy(policy, 1);
    if (!compiled.ok) throw fail('invalid_scenario', 'The scenario has mistakes; nothing was run.', { errors: compiled.errors });
    const run = new Simulation(plan, compiled.policy, name);
    while (!run.step(EVENTS_PER_SLICE)) yield { policy: name, done: (index + run.progress) / policies.length };
    figures.push(run.result());
  }
  return {
    scenario: scenario.name ?? null,
    seed: scenario.seed ?? 1,
    duration_s: scenario.duration_s,
    service_level_s: scenario.service_level_s ?? 20,
    policies: figures,
    analytic: analyticFor(scenario),
  };
}

/** Runs a scenario to the end at once (tests, the benchmark, small runs). */
export function runScenario(scenario: ScenarioDocument): SimulationResult {
  const steps = simulateScenario(scenario);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Erlang C (or Erlang A with exponential patience) when the scenario is the model's case:
 * steady Poisson arrivals of one kind, exponential handle times, one group of agents taking one
 * call at a time around the clock.
 */
function analyticFor(scenario: ScenarioDocument): AnalyticFigures | null {
  const { arrivals, handle_time: handle, patience, agents } = scenario;
  const groups = agents.filter((g) => g.count > 0);
  const group = groups[0];
  const channelClass = capacityClassOf(scenario.channel ?? 'phone');
  const single = groups.length === 1 && group !== undefined && !group.working_hours && (group.speed ?? 1) === 1
    && (group.capacity === undefined || Object.entries(group.capacity).every(([c, n]) => (c === channelClass ? n === 1 : true)));
  const steady = arrivals.rate_per_hour !== undefined && !arrivals.hourly_profile && !arrivals.weekly_profile && (scenario.tickets ?? []).length <= 1;
  const exponential = handle.dist === 'exponential' && !handle.by_type && (!patience || (patience.dist === 'exponential' && !patience.by_type && !patience.by_priority)) && !scenario.after_call_work && !scenario.staffing;
  if (!single || !steady || !exponential || classIndex(channelClass) < 0) return null;
  const rate = arrivals.rate_per_hour! / 3600;
  const mean = meanOf(handle);
  const threshold = scenario.service_level_s ?? 20;
  const prediction = patience ? erlangA(rate, mean, group.count, meanOf(patience), threshold) : erlangC(rate, mean, group.count, threshold);
  return {
    model: patience ? 'erlang_a' : 'erlang_c',
    agents: group.count,
    offered_erlangs: rate * mean,
    p_wait: prediction.pWait,
    asa_s: prediction.asaS,
    service_level: prediction.serviceLevel,
    abandonment: prediction.abandonment,
  };
}
