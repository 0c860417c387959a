import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteReader } from '../../../adapters/store/sqlite/sqlite-store.js';
import { readPage, type PageAnswer, type PageQuestion } from './page-reads.js';

// A page thread: reads pages from its own read-only connection to the SQLite file and answers
// each as JSON text, so the pages' statements, rows, presenting and serialising leave the event loop.
const store = openSqliteReader((workerData as { file: string }).file);

parentPort!.on('message', (questions: PageQuestion[]) => {
  void answerAll(questions).then((answers) => parentPort!.postMessage(answers));
});

async function answerAll(questions: readonly PageQuestion[]): Promise<PageAnswer[]> {
  const answers: PageAnswer[] = [];
  for (const { id, read } of questions) {
    try {
      const page = await store.read((tx) => readPage(tx, read));
      answers.push({ id, json: JSON.stringify(page) });
    } catch (error) {
      answers.push({ id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return answers;
}
