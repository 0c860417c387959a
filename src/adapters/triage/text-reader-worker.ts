import { parentPort } from 'node:worker_threads';
import { TextReadingEngine, type PlainReadingRequest } from './text-reading-engine.js';

/** One thread of the text reader pool: answers `{id, reading}`, `{id, missing}` or `{id, error}`. */
const engine = TextReadingEngine.create();

parentPort!.on('message', async (message: { id: number; request: PlainReadingRequest }) => {
  try {
    const result = (await engine).read(message.request);
    parentPort!.postMessage('missing' in result ? { id: message.id, missing: result.missing } : { id: message.id, reading: result });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: (error as Error).message });
  }
});
