// Batch field dispatch on a fixed instance: the exact planner against the greedy baseline.
// Run alone with `node dist/bench/dispatch-bench.js`; bench/run.ts may import benchDispatch().
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  planBatchDispatch, planGreedyDispatch, type DispatchOrder, type DispatchPlan, type DispatchPriority, type DispatchTechnician,
} from '../src/domain/routing/dispatch/index.js';
import { mulberry32 } from './seeded-random.js';

export interface DispatchBenchFigures {
  totalCost: number;
  assigned: number;
  /** Median wall time of one plan, in milliseconds. */
  ms: number;
}

export interface DispatchBenchResult {
  orders: number;
  technicians: number;
  optimal: DispatchBenchFigures;
  greedy: DispatchBenchFigures;
}

const ORDERS = 500;
const TECHNICIANS = 200;
const SLOTS = 3;
const RUNS = 5;
const SEED = 20260101;
const SKILLS = ['electrical', 'plumbing', 'hvac', 'fiber', 'elevator', 'locks', 'solar', 'alarm'];
// Southern Finland, from Turku to the eastern border and up past Tampere.
const REGION = { latMin: 60.0, latMax: 62.0, lonMin: 21.5, lonMax: 29.5 };
const PRIORITIES: DispatchPriority[] = ['urgent', 'high', 'high', 'normal', 'normal', 'normal', 'normal', 'low', 'low', 'low'];

/** Median cost, served count and time of the optimal and the greedy plan on the fixed instance. */
export function benchDispatch(): DispatchBenchResult {
  const { orders, technicians } = dispatchInstance(SEED, ORDERS, TECHNICIANS);
  return {
    orders: orders.length,
    technicians: technicians.length,
    optimal: measure(() => planBatchDispatch(orders, technicians)),
    greedy: measure(() => planGreedyDispatch(orders, technicians)),
  };
}

function measure(plan: () => DispatchPlan): DispatchBenchFigures {
  let last = plan(); // warm-up, so the JIT has compiled the hot loops before timing
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    last = plan();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { totalCost: last.totalCost, assigned: last.assignments.length, ms: times[Math.floor(RUNS / 2)]! };
}

/** A reproducible instance: technicians (3 slots) know 2–4 skills at levels 1–5, orders need 1–2 at levels 1–4. */
export function dispatchInstance(
  seed: number, orderCount: number, technicianCount: number,
): { orders: DispatchOrder[]; technicians: DispatchTechnician[] } {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const place = () => ({
    lat: REGION.latMin + random() * (REGION.latMax - REGION.latMin),
    lon: REGION.lonMin + random() * (REGION.lonMax - REGION.lonMin),
  });
  const skills = (count: number, maxLevel: number): Record<string, number> => {
    const chosen: Record<string, number> = {};
    while (Object.keys(chosen).length < count) chosen[pick(SKILLS)] = 1 + Math.floor(random() * maxLevel);
    return chosen;
  };
  const technicians = Array.from({ length: technicianCount }, (_, i): DispatchTechnician => ({
    id: `tech-${String(i).padStart(4, '0')}`, location: place(), skills: skills(2 + Math.floor(random() * 3), 5), slots: SLOTS,
  }));
  const orders = Array.from({ length: orderCount }, (_, i): DispatchOrder => ({
    id: `wo-${String(i).padStart(4, '0')}`, location: place(), requiredSkills: skills(1 + Math.floor(random() * 2), 4), priority: pick(PRIORITIES),
  }));
  return { orders, technicians };
}


function printTable(result: DispatchBenchResult): void {
  console.log(`batch dispatch: ${result.orders} orders, ${result.technicians} technicians × ${SLOTS} slots (median of ${RUNS})`);
  console.log('method    total cost  assigned        ms');
  for (const method of ['optimal', 'greedy'] as const) {
    const row = result[method];
    console.log(`${method.padEnd(8)}${row.totalCost.toFixed(1).padStart(12)}${String(row.assigned).padStart(10)}${row.ms.toFixed(1).padStart(10)}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(benchDispatch());
}
