import { AnsweringThreads, type AnsweringThread } from '../../../adapters/threads/answering-threads.js';
import type { PageAnswer, PageQuestion, PageRead } from './page-reads.js';

interface Waiting {
  resolve: (json: string) => void;
  reject: (error: Error) => void;
}

/**
 * A page thread's young generation, in MB. What a thread keeps between batches is a few modules and
 * a connection; a batch's rows and text are garbage once it is answered. V8's default lets the
 * young generation grow to 48 MB under load: on the 100k-ticket desk a thread at 12 MB answered as
 * many pages a second (1,778 against 1,791 req/s) with the server's peak RSS 273 MB against 295.
 */
const YOUNG_GENERATION_MB = 12;

/**
 * Answers the desk's list reads (`readPage`) on worker threads with their own read-only
 * connections to the SQLite file: statements, rows, presenting and serialising a page cost
 * several times what parsing the request and sending the answer do, and on the event loop they
 * were most of a busy server's time. A page crosses back as one string. WAL lets these
 * connections read the last commit while the writer works, as the request's own reader does, so a
 * client sees what it was answered 201 for.
 */
export class PageThreads {
  private readonly threads: AnsweringThreads<PageQuestion, Waiting, PageAnswer>;
  private lastId = 0;

  constructor(file: string, size?: number) {
    this.threads = new AnsweringThreads(new URL('./page-thread-entry.js', import.meta.url), {
      workerData: { file }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    }, answered, size);
  }

  /** The page as JSON text, as its route would have serialised it. */
  answer(read: PageRead): Promise<string> {
    const id = ++this.lastId;
    return new Promise((resolve, reject) => this.threads.pick().ask(id, { id, read }, { resolve, reject }));
  }

  close(): Promise<void> {
    return this.threads.close(new Error('The page threads were closed.'));
  }
}

function answered(thread: AnsweringThread<PageQuestion, Waiting, PageAnswer>, answers: readonly PageAnswer[]): void {
  for (const answer of answers) {
    const waiting = thread.settle(answer.id);
    if ('json' in answer) waiting?.resolve(answer.json);
    else waiting?.reject(new Error(answer.error));
  }
}
