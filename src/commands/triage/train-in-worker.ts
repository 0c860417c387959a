import { Worker } from 'node:worker_threads';
import type {
  ClassifierDocument, ClassifierOptions, EvaluationReport, LabelledText, ScoredPrediction,
} from '../../domain/triage/classifier/index.js';

/** One classifier to train, and texts to score it on afterwards. */
export interface TrainingJob {
  examples: LabelledText[];
  options: ClassifierOptions;
  test?: LabelledText[];
}

/** A trained classifier, its held-out predictions and its report on the job's `test` texts (null without any). */
export interface TrainingJobResult {
  classifier: ClassifierDocument;
  heldOut: ScoredPrediction[];
  tested: EvaluationReport | null;
}

/** What the worker says: how far job `job` has got (0…1), or that all are done. */
export type WorkerMessage =
  | { kind: 'progress'; job: number; done: number }
  | { kind: 'done'; results: TrainingJobResult[] };

const WORKER = new URL('./training-worker.js', import.meta.url);

/**
 * Trains the jobs in order on a worker thread: seconds of arithmetic that would otherwise hold
 * up every request the process serves meanwhile. `onProgress` gets the job's index and its share
 * done. Rejects when the worker fails or stops without an answer.
 */
export function trainInWorker(jobs: readonly TrainingJob[], onProgress?: (job: number, done: number) => void): Promise<TrainingJobResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: jobs });
    let answered = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') {
        onProgress?.(message.job, message.done);
        return;
      }
      answered = true;
      resolve(message.results);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!answered) reject(new Error(`The training worker stopped (exit code ${code}) without an answer.`));
    });
  });
}
