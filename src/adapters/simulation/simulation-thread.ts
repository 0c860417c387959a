import { Worker } from 'node:worker_threads';
import type { SimulationProgress } from '../../domain/simulator/run-scenario.js';
import type { ScenarioDocument } from '../../domain/simulator/scenario.js';
import type { SimulationResult } from '../../domain/simulator/simulation-result.js';

export type ThreadMessage = { kind: 'progress'; progress: SimulationProgress } | { kind: 'result'; result: SimulationResult };

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
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new SimulationCancelled());
    const worker = new Worker(new URL('./simulation-thread-entry.js', import.meta.url), { workerData: scenario });
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
