import type { ModelSource, TextReader, TextReadingRequest } from '../../domain/triage/text-reader.js';
import type { TextReading } from '../../domain/triage/text-reading.js';
import { AnsweringThreads, type AnsweringThread } from '../threads/answering-threads.js';
import type { PlainReadingRequest } from './text-reading-engine.js';

type Answer = { id: number; reading: TextReading } | { id: number; missing: string[] } | { id: number; error: string };

interface Waiting {
  request: TextReadingRequest;
  resolve: (reading: TextReading) => void;
  reject: (error: Error) => void;
}

type Question = { id: number; request: PlainReadingRequest };
type ReaderThread = AnsweringThread<Question, Waiting, Answer>;

/**
 * Reads ticket texts on worker threads (see AnsweringThreads for how many run), so language
 * detection, sentiment, the classifier and duplicate search use the other cores and never hold the
 * write transaction. Each model's document crosses to a thread once; a thread that dropped it asks
 * again.
 */
export class TextReaderPool implements TextReader {
  private readonly threads: AnsweringThreads<Question, Waiting, Answer>;
  /** The model documents each thread has been sent, by key. */
  private readonly sent = new WeakMap<ReaderThread, Set<string>>();
  private lastId = 0;

  constructor(size?: number) {
    this.threads = new AnsweringThreads(new URL('./text-reader-worker.js', import.meta.url), {},
      (thread, answers) => { for (const answer of answers) this.answered(thread, answer); }, size);
  }

  read(request: TextReadingRequest): Promise<TextReading> {
    return new Promise((resolve, reject) => this.send(this.threads.pick(), { request, resolve, reject }, []));
  }

  close(): Promise<void> {
    return this.threads.close(new Error('The text reader pool was closed.'));
  }

  private send(thread: ReaderThread, waiting: Waiting, resend: readonly string[]): void {
    const id = ++this.lastId;
    const models = waiting.request.models.map((model) => this.plainModel(thread, model, resend));
    thread.ask(id, { id, request: { ...waiting.request, models } }, waiting);
  }

  private plainModel(thread: ReaderThread, model: ModelSource, resend: readonly string[]): PlainReadingRequest['models'][number] {
    const { kind, key, version } = model;
    let sent = this.sent.get(thread);
    if (!sent) this.sent.set(thread, (sent = new Set()));
    if (sent.has(key) && !resend.includes(key)) return { kind, key, version };
    sent.add(key);
    return { kind, key, version, document: model.document() };
  }

  private answered(thread: ReaderThread, answer: Answer): void {
    const waiting = thread.settle(answer.id);
    if (!waiting) return;
    if ('reading' in answer) waiting.resolve(answer.reading);
    else if ('missing' in answer) this.send(thread, waiting, answer.missing);
    else waiting.reject(new Error(answer.error));
  }
}
