import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommitAnnouncer } from '../src/adapters/store/commit-announcer.js';

/** An announcer whose announcements and pauses finish when the test says. */
function controlled() {
  const pending: { finish: () => void }[] = [];
  const pauses: number[] = [];
  let sent = 0;
  const announcer = new CommitAnnouncer(
    () => new Promise<void>((resolve) => { sent++; pending.push({ finish: resolve }); }),
    async (ms) => { pauses.push(ms); },
  );
  const finishOne = async () => {
    pending.shift()!.finish();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { announcer, finishOne, sent: () => sent, pauses };
}

describe('announcing commits', () => {
  it('announces a lone commit at once', () => {
    const { announcer, sent } = controlled();
    announcer.committed();
    assert.equal(sent(), 1);
  });

  it('announces the commits made while an announcement is in flight together, once, after a pause', async () => {
    const { announcer, finishOne, sent, pauses } = controlled();
    announcer.committed();
    for (let i = 0; i < 5; i++) announcer.committed();
    assert.equal(sent(), 1);
    await finishOne();
    assert.equal(sent(), 2);
    assert.equal(pauses.length, 1);
    await finishOne();
    assert.equal(sent(), 2, 'nothing was committed since the second announcement');
    announcer.committed();
    assert.equal(sent(), 3);
  });

  it('announces again after an announcement failed', async () => {
    let calls = 0;
    const announcer = new CommitAnnouncer(async () => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
    }, async () => {});
    announcer.committed();
    await new Promise((resolve) => setImmediate(resolve));
    announcer.committed();
    await announcer.close();
    assert.equal(calls, 2);
  });

  it('announces nothing once closed', async () => {
    const { announcer, sent } = controlled();
    const closing = announcer.close();
    announcer.committed();
    await closing;
    assert.equal(sent(), 0);
  });
});
