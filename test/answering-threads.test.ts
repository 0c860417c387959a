import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { AnsweringThreads, type Owed } from '../src/adapters/threads/answering-threads.js';

/** A thread that answers each question with itself. */
const ECHO = new URL(`data:text/javascript,${encodeURIComponent(
  "import { parentPort } from 'node:worker_threads'; parentPort.on('message', (questions) => parentPort.postMessage(questions));",
)}`);

type Question = { id: number };
type Waiting = Owed & { resolve: (answer: Question) => void };

describe('answering threads', () => {
  const threads = new AnsweringThreads<Question, Waiting, Question>(ECHO, {}, (thread, answers) => {
    for (const answer of answers) thread.settle(answer.id)?.resolve(answer);
  }, 3);
  after(() => threads.close(new Error('closed')));
  let lastId = 0;
  const ask = () => {
    const id = ++lastId;
    return new Promise<Question>((resolve, reject) => threads.pick().ask(id, { id }, { resolve, reject }));
  };

  it('runs one thread while questions come one at a time, however many it may run', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await ask()).id, lastId);
    assert.equal(threads.running, 1);
  });

  it('starts more, up to its size, when questions find every thread busy', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask()));
    assert.equal(new Set(answers.map((answer) => answer.id)).size, 6);
    assert.equal(threads.running, 3);
  });
});
