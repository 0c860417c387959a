import { availableParallelism } from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A question a thread owes an answer to: how to fail it. */
export interface Owed {
  reject(error: Error): void;
}

/** One worker thread, what it owes by question id, and the questions not posted to it yet. */
export class AnsweringThread<Question, Waiting extends Owed, Answer = unknown> {
  readonly worker: Worker;
  readonly waiting = new Map<number, Waiting>();
  private unposted: Question[] = [];
  private stopped = false;

  constructor(
    url: URL,
    options: WorkerOptions,
    onAnswers: (thread: AnsweringThread<Question, Waiting, Answer>, answers: Answer[]) => void,
    onFailure: (thread: AnsweringThread<Question, Waiting, Answer>, error: Error) => void,
  ) {
    this.worker = new Worker(url, options);
    // The threads never keep the process alive by themselves: the server's listener does.
    this.worker.unref();
    this.worker.on('message', (answers: Answer[]) => onAnswers(this, answers));
    this.worker.on('error', (error) => onFailure(this, error));
    this.worker.on('exit', (code) => onFailure(this, new Error(`The worker thread stopped (exit code ${code}).`)));
  }

  /**
   * Owes `waiting` for question `id`. Each turn of the event loop posts the questions asked in it
   * as one batch, so a busy server wakes a thread once, not per question.
   */
  ask(id: number, question: Question, waiting: Waiting): void {
    this.waiting.set(id, waiting);
    if (this.unposted.push(question) === 1) setImmediate(() => this.post());
  }

  /** What the thread owed for question `id`, no longer owed. */
  settle(id: number): Waiting | undefined {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    return waiting;
  }

  /** Fails everything owed; nothing more is posted. */
  stop(error: Error): void {
    this.stopped = true;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  private post(): void {
    const questions = this.unposted;
    this.unposted = [];
    if (!this.stopped) this.worker.postMessage(questions);
  }
}

/**
 * Worker threads that answer questions posted in batches: up to one fewer than the machine's
 * cores, at least one. A thread starts when a question finds every running thread owing answers,
 * so a quiet server runs one however many cores it has (each thread is a V8 heap of its own, and a
 * text reader holds the language model). A question goes to the thread that owes the fewest
 * answers (ties go round); a thread that fails is dropped, what it owed fails, and the next
 * question starts another.
 */
export class AnsweringThreads<Question, Waiting extends Owed, Answer> {
  private readonly threads: AnsweringThread<Question, Waiting, Answer>[] = [];
  private next = 0;

  constructor(
    private readonly url: URL,
    private readonly options: WorkerOptions,
    private readonly onAnswers: (thread: AnsweringThread<Question, Waiting, Answer>, answers: Answer[]) => void,
    private readonly size = Math.max(1, availableParallelism() - 1),
  ) {}

  /** How many threads run now. */
  get running(): number {
    return this.threads.length;
  }

  pick(): AnsweringThread<Question, Waiting, Answer> {
    if (this.threads.length < this.size && this.threads.every((thread) => thread.waiting.size > 0)) {
      this.threads.push(new AnsweringThread<Question, Waiting, Answer>(this.url, this.options, this.onAnswers, (thread, error) => this.failed(thread, error)));
    }
    this.next = (this.next + 1) % this.threads.length;
    let best = this.threads[this.next]!;
    for (const thread of this.threads) if (thread.waiting.size < best.waiting.size) best = thread;
    return best;
  }

  async close(error: Error): Promise<void> {
    const threads = this.threads.splice(0);
    for (const thread of threads) thread.stop(error);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  private failed(thread: AnsweringThread<Question, Waiting, Answer>, error: Error): void {
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
    thread.stop(error);
  }
}
