// Entry point of the worker thread that trains triage models (see train-in-worker.ts). It gets
// the training jobs as workerData and answers with progress messages, then the trained models.
import { parentPort, workerData } from 'node:worker_threads';
import { ClassifierTraining, encodeClassifier, evaluateClassifier } from '../../domain/triage/classifier/index.js';
import type { TrainingJob, TrainingJobResult, WorkerMessage } from './train-in-worker.js';

/** Examples between two progress messages. */
const SLICE = 2000;

function send(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

const jobs = workerData as TrainingJob[];
const results: TrainingJobResult[] = jobs.map((job, index) => {
  const training = new ClassifierTraining(job.examples, job.options);
  while (!training.done) {
    training.advance(SLICE);
    send({ kind: 'progress', job: index, done: training.progress });
  }
  const classifier = training.result();
  const tested = job.test ? evaluateClassifier(classifier, job.test) : null;
  return { classifier: encodeClassifier(classifier), heldOut: [...training.heldOut], tested };
});
send({ kind: 'done', results });
