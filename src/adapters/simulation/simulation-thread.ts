import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SimulationProgress } from '../../domain/simulator/run-scenario.js';
import type { ScenarioDocument } from '../../domain/simulator/scenario.js';
import type { SimulationResult } from '../../domain/simulator/simulation-result.js';
import type { StaffingCheckOptions, StaffingCheckProgress } from '../../domain/simulator/staffing-check.js';
import type { StaffingPlan, StaffingRequest } from '../../domain/simulator/staffing-plan.js';

/** What a thread runs: a scenario, or the simulation check of a staffing plan. */
export type ThreadJob =
  | { kind: 'simulation'; scenario: ScenarioDocument }
  | { kind: 'staffing'; request: StaffingRequest; plan: StaffingPlan; options: StaffingCheckOptions };

export type ThreadMessage = { kind: 'progress'; progress: unknown } | { kind: 'result'; result: unknown };

/** Raised when a run was stopped through its signal before it ended. */
export class SimulationCancelled extends Error {
  constructor() {
    super('The simulation was cancelled.');
    this.name = 'SimulationCancelled';
  }
}

/**
 * Runs a checked scenario on a worker thread, so a long run never blocks the server's requests;
 * aborting `signal` terminates the thread at once.
 */
export function runOnThread(scenario: ScenarioDocument, signal: AbortSignal, onProgress: (progress: SimulationProgress) => void = () => {}): Promise<SimulationResult> {
  return runJob({ kind: 'simulation', scenario }, signal, onProgress as (progress: unknown) => void) as Promise<SimulationResult>;
}

/** Checks a staffing plan by simulation on a worker thread; aborting `signal` stops it at once. */
export function checkStaffingOnThread(request: StaffingRequest, plan: StaffingPlan, options: StaffingCheckOptions, signal: AbortSignal,
  onProgress: (progress: StaffingCheckProgress) => void = () => {}): Promise<StaffingPlan> {
  return runJob({ kind: 'staffing', request, plan, options }, signal, onProgress as (progress: unknown) => void) as Promise<StaffingPlan>;
}

function runJob(job: ThreadJob, signal: AbortSignal, onProgress: (progress: unknown) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new SimulationCancelled());
    const worker = new Worker(new URL('./simulation-thread-entry.js', import.meta.url), { workerData: job });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', cancel);
      finish();
    };
    const cancel = () => settle(() => {
      void worker.terminate();
      reject(new SimulationCancelled());
    });
    signal.addEventListener('abort', cancel);
    worker.on('message', (message: ThreadMessage) => {
      if (message.kind === 'progress') onProgress(message.progress);
      else settle(() => resolve(message.result));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The simulation thread stopped (exit code ${code}) before it finished.`))));
  });
}

/**
 * Runs `count` replications of a checked scenario (seeds seed, seed + 1, …) on worker threads, as
 * many at once as the machine has cores; aborting `signal` stops them all.
 */
export async function runReplicationsOnThreads(scenario: ScenarioDocument, count: number, signal: AbortSignal): Promise<SimulationResult[]> {
  const base = scenario.seed ?? 1;
  const results: SimulationResult[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let k = next++; k < count; k = next++) results[k] = await runOnThread({ ...scenario, seed: base + k }, signal);
  };
  await Promise.all(Array.from({ length: Math.min(count, availableParallelism()) }, worker));
  return results;
}
