// The simulator's speed: a million tickets of a 50-agent scenario through the real engine, beside
// the same arrivals and handle times in a plain event loop that skips the engine (the ceiling).
import { arrivalProcess } from '../src/domain/simulator/arrival-process.js';
import { samplerFor } from '../src/domain/simulator/distributions.js';
import { EventQueue } from '../src/domain/simulator/event-queue.js';
import { runScenario } from '../src/domain/simulator/run-scenario.js';
import type { ScenarioDocument } from '../src/domain/simulator/scenario.js';
import { ScenarioPlan } from '../src/domain/simulator/scenario-plan.js';
import { SeededRandom } from '../src/domain/shared/seeded-random.js';

const TICKETS = 1_000_000;
const RATE_PER_HOUR = 700;

/** 50 phone agents under 700 calls an hour of 240 s (93 % busy), long enough for a million calls. */
export const BENCH_SCENARIO: ScenarioDocument = {
  seed: 1, duration_s: Math.round((TICKETS / RATE_PER_HOUR) * 3600), channel: 'phone', service_level_s: 20,
  arrivals: { rate_per_hour: RATE_PER_HOUR }, handle_time: { dist: 'exponential', mean_s: 240 },
  agents: [{ count: 50, skills: {}, capacity: { phone: 1 } }],
  policy: { queues: [{ id: 'general', agents: 'true', strategy: 'longest_idle' }], rules: [], default: { queue: 'general' } },
};

export interface SimulatorBench {
  tickets: number;
  engineS: number;
  ceilingS: number;
  asaS: number;
  ceilingAsaS: number;
}

/** Runs both (engine first, then the ceiling) and returns their times. */
export function benchSimulator(): SimulatorBench {
  let started = performance.now();
  const result = runScenario(BENCH_SCENARIO);
  const engineS = (performance.now() - started) / 1000;
  started = performance.now();
  const ceiling = plainLoop(BENCH_SCENARIO);
  const ceilingS = (performance.now() - started) / 1000;
  return { tickets: result.policies[0]!.offered, engineS, ceilingS, asaS: result.policies[0]!.asa_s!, ceilingAsaS: ceiling };
}

/** M/M/c in its barest form: a FIFO line, a stack of idle agents, the same arrivals and draws. Returns the ASA. */
function plainLoop(scenario: ScenarioDocument): number {
  const plan = new ScenarioPlan(scenario);
  const seed = scenario.seed ?? 1;
  const arrivals = arrivalProcess(scenario, plan.start, seed * 4 + 1, plan.pickKind, null);
  const handle = samplerFor(scenario.handle_time, new SeededRandom(seed * 4 + 2));
  const events = new EventQueue();
  const idle = Array.from({ length: plan.agents.length }, (_, i) => i);
  const line: number[] = [];
  let head = 0;
  let waitSum = 0;
  let answered = 0;
  const serve = (arrivedAt: number, now: number, agent: number, handleMs: number) => {
    waitSum += now - arrivedAt;
    answered++;
    events.push(now + handleMs, 1, agent);
  };
  const handles: number[] = [];
  let next = arrivals.next();
  if (next) events.push(next.at, 0, -1);
  while (events.pop()) {
    const { time, kind, subject } = events.last;
    if (kind === 0) {
      const handleMs = handle() * 1000;
      const agent = idle.pop();
      if (agent === undefined) {
        line.push(time);
        handles.push(handleMs);
      } else serve(time, time, agent, handleMs);
      next = arrivals.next();
      if (next) events.push(next.at, 0, -1);
    } else if (head < line.length) {
      serve(line[head]!, time, subject, handles[head]!);
      head++;
    } else idle.push(subject);
  }
  return waitSum / answered / 1000;
}
