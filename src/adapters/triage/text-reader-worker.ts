import { parentPort } from 'node:worker_threads';
import { TextReadingEngine, type PlainReadingRequest } from './text-reading-engine.js';

/** One thread of the text reader pool: answers a batch of questions with one batch of `{id, reading}`, `{id, missing}` or `{id, error}`. */
const engine = TextReadingEngine.create();

parentPort!.on('message', async (questions: { id: number; request: PlainReadingRequest }[]) => {
  // A model that failed to load fails each question, as a reading that failed would.
  const reader = await engine.catch((error: Error) => error);
  parentPort!.postMessage(questions.map(({ id, request }) => {
    try {
      if (reader instanceof Error) throw reader;
      const result = reader.read(request);
      return 'missing' in result ? { id, missing: result.missing } : { id, reading: result };
    } catch (error) {
      return { id, error: (error as Error).message };
    }
  }));
});
