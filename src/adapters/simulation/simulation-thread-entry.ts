// The body of a simulation thread: runs the job it was given and posts progress, then the result.
import { parentPort, workerData } from 'node:worker_threads';
import { simulateScenario } from '../../domain/simulator/run-scenario.js';
import { checkStaffing } from '../../domain/simulator/staffing-check.js';
import type { ThreadJob, ThreadMessage } from './simulation-thread.js';

const post = (message: ThreadMessage) => parentPort!.postMessage(message);
const job = workerData as ThreadJob;
const steps: Generator<unknown, unknown> = job.kind === 'simulation'
  ? simulateScenario(job.scenario)
  : checkStaffing(job.request, job.plan, job.options);
for (;;) {
  const next = steps.next();
  if (next.done) {
    post({ kind: 'result', result: next.value });
    break;
  }
  post({ kind: 'progress', progress: next.value });
}
