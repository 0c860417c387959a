import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ModelSource, TextReader, TextReadingRequest } from '../../domain/triage/text-reader.js';
import type { TextReading } from '../../domain/triage/text-reading.js';
import type { PlainReadingRequest } from './text-reading-engine.js';

type Answer = { id: number; reading: TextReading } | { id: number; missing: string[] } | { id: number; error: string };

interface Waiting {
  request: TextReadingRequest;
  resolve: (reading: TextReading) => void;
  reject: (error: Error) => void;
}

type Question = { id: number; request: PlainReadingRequest };

/** One worker thread, the model documents it has been sent, and the readings it owes. */
class ReaderThread {
  readonly worker: Worker;
  readonly sent = new Set<string>();
  readonly waiting = new Map<number, Waiting>();
  /** Questions not posted yet: each turn of the event loop posts one batch, so a busy server wakes a thread once, not per ticket. */
  unposted: Question[] = [];

  constructor(onAnswer: (thread: ReaderThread, answer: Answer) => void, onFailure: (thread: ReaderThread, error: Error) => void) {
    this.worker = new Worker(new URL('./text-reader-worker.js', import.meta.url));
    // The pool never keeps the process alive by itself: the server's listener does.
    this.worker.unref();
    this.worker.on('message', (answers: Answer[]) => {
      for (const answer of answers) onAnswer(this, answer);
    });
    this.worker.on('error', (error) => onFailure(this, error));
  }
}

/**
 * Reads ticket texts on worker threads (one fewer than the machine's cores, at least one), so
 * language detection, sentiment, the classifier and duplicate search use the other cores and
 * never hold the write transaction. Each model's document crosses to a thread once; a thread that
 * dropped it asks again. Threads start on first use.
 */
export class TextReaderPool implements TextReader {
  private readonly threads: ReaderThread[] = [];
  private next = 0;
  private lastId = 0;

  constructor(private readonly size = Math.max(1, availableParallelism() - 1)) {}

  read(request: TextReadingRequest): Promise<TextReading> {
    return new Promise((resolve, reject) => this.send(this.pick(), { request, resolve, reject }, []));
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
    for (const thread of threads) this.failAll(thread, new Error('The text reader pool was closed.'));
  }

  private pick(): ReaderThread {
    if (this.threads.length < this.size) {
      this.threads.push(new ReaderThread((thread, answer) => this.answered(thread, answer), (thread, error) => this.failed(thread, error)));
    }
    // The least busy thread; ties go round, so equal threads share the work.
    this.next = (this.next + 1) % this.threads.length;
    let best = this.threads[this.next]!;
    for (const thread of this.threads) if (thread.waiting.size < best.waiting.size) best = thread;
    return best;
  }

  private send(thread: ReaderThread, waiting: Waiting, resend: readonly string[]): void {
    const id = ++this.lastId;
    thread.waiting.set(id, waiting);
    const models = waiting.request.models.map((model) => this.plainModel(thread, model, resend));
    const request: PlainReadingRequest = { ...waiting.request, models };
    if (thread.unposted.push({ id, request }) === 1) setImmediate(() => this.post(thread));
  }

  private post(thread: ReaderThread): void {
    const questions = thread.unposted;
    thread.unposted = [];
    if (this.threads.includes(thread)) thread.worker.postMessage(questions);
  }

  private plainModel(thread: ReaderThread, model: ModelSource, resend: readonly string[]): PlainReadingRequest['models'][number] {
    const { kind, key, version } = model;
    if (thread.sent.has(key) && !resend.includes(key)) return { kind, key, version };
    thread.sent.add(key);
    return { kind, key, version, document: model.document() };
  }

  private answered(thread: ReaderThread, answer: Answer): void {
    const waiting = thread.waiting.get(answer.id);
    if (!waiting) return;
    thread.waiting.delete(answer.id);
    if ('reading' in answer) waiting.resolve(answer.reading);
    else if ('missing' in answer) this.send(thread, waiting, answer.missing);
    else waiting.reject(new Error(answer.error));
  }

  /** A thread that crashed is replaced on next use; what it owed fails. */
  private failed(thread: ReaderThread, error: Error): void {
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
    this.failAll(thread, error);
  }

  private failAll(thread: ReaderThread, error: Error): void {
    for (const waiting of thread.waiting.values()) waiting.reject(error);
    thread.waiting.clear();
  }
}
