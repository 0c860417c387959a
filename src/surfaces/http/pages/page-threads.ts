import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PageAnswer, PageKind, PageQuery, PageQuestion } from './page-reads.js';

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

/** One page thread, the answers it owes, and the questions not posted to it yet. */
class PageThread {
  readonly worker: Worker;
  readonly waiting = new Map<number, Waiting>();
  unposted: PageQuestion[] = [];

  constructor(file: string, onAnswers: (thread: PageThread, answers: PageAnswer[]) => void, onFailure: (thread: PageThread, error: Error) => void) {
    this.worker = new Worker(new URL('./page-thread-entry.js', import.meta.url), {
      workerData: { file }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    // The threads never keep the process alive by themselves: the server's listener does.
    this.worker.unref();
    this.worker.on('message', (answers: PageAnswer[]) => onAnswers(this, answers));
    this.worker.on('error', (error) => onFailure(this, error));
    this.worker.on('exit', (code) => onFailure(this, new Error(`The page thread stopped (exit code ${code}).`)));
  }
}

/**
 * Answers the desk's list reads (PAGE_READS) on worker threads with their own read-only
 * connections to the SQLite file: statements, rows, presenting and serialising a page cost
 * several times what parsing the request and sending the answer do, and on the event loop they
 * were most of a busy server's time. A page crosses back as one string. WAL lets these
 * connections read the last commit while the writer works, as the request's own reader does, so a
 * client sees what it was answered 201 for. One thread fewer than the cores, at least one; threads
 * start on first use, and one that fails is replaced on the next.
 */
export class PageThreads {
  private readonly threads: PageThread[] = [];
  private lastId = 0;

  constructor(private readonly file: string, private readonly size = Math.max(1, availableParallelism() - 1)) {}

  /** The page as JSON text, as its route would have serialised it. */
  answer<K extends PageKind>(kind: K, query: PageQuery<K>): Promise<string> {
    const thread = this.pick();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject });
      // Each turn of the event loop posts one batch, so a busy server wakes a thread once, not per page.
      if (thread.unposted.push({ id, kind, query }) === 1) setImmediate(() => this.post(thread));
    });
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
    for (const thread of threads) this.failAll(thread, new Error('The page threads were closed.'));
  }

  private pick(): PageThread {
    if (this.threads.length < this.size) {
      this.threads.push(new PageThread(this.file, (thread, answers) => this.answered(thread, answers), (thread, error) => this.failed(thread, error)));
    }
    return this.threads.reduce((best, thread) => (thread.waiting.size < best.waiting.size ? thread : best));
  }

  private post(thread: PageThread): void {
    const questions = thread.unposted;
    thread.unposted = [];
    if (this.threads.includes(thread)) thread.worker.postMessage(questions);
  }

  private answered(thread: PageThread, answers: readonly PageAnswer[]): void {
    for (const answer of answers) {
      const waiting = thread.waiting.get(answer.id);
      thread.waiting.delete(answer.id);
      if ('json' in answer) waiting?.resolve(answer.json);
      else waiting?.reject(new Error(answer.error));
    }
  }

  /** A thread that failed is dropped (the next page starts another); what it owed fails. */
  private failed(thread: PageThread, error: Error): void {
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
    this.failAll(thread, error);
  }

  private failAll(thread: PageThread, error: Error): void {
    for (const waiting of thread.waiting.values()) waiting.reject(error);
    thread.waiting.clear();
  }
}
