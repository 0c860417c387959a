// The body of a simulation thread: runs the scenario it was given and posts progress, then the result.
import { parentPort, workerData } from 'node:worker_threads';
import { simulateScenario } from '../../domain/simulator/run-scenario.js';
import type { ScenarioDocument } from '../../domain/simulator/scenario.js';
import type { ThreadMessage } from './simulation-thread.js';

const post = (message: ThreadMessage) => parentPort!.postMessage(message);
const steps = simulateScenario(workerData as ScenarioDocument);
for (;;) {
  const next = steps.next();
  if (next.done) {
    post({ kind: 'result', result: next.value });
    break;
  }
  post({ kind: 'progress', progress: next.value });
}
