import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomerTicket } from '../store/store.js';
import { previousAgent, STICKY_WINDOW_MS } from './previous-agent.js';

const NOW = 100 * 86_400_000;
const ticket = (id: string, assigneeId: string | null, updatedAt: number): CustomerTicket =>
  ({ id, title: id, description: '', status: 'assigned', assigneeId, updatedAt });

describe('previousAgent', () => {
  it('prefers the agent of the most recently changed ticket, whatever its age', () => {
    const history = [ticket('t3', 'agt_new', NOW - 5_000), ticket('t2', null, NOW - 1_000), ticket('t1', 'agt_old', NOW - 2_000)];
    assert.equal(previousAgent(history, NOW), 'agt_old');
  });

  it('forgets agents outside the sticky window and leaves out the ticket being routed', () => {
    const history = [ticket('t2', 'agt_b', NOW - 1_000), ticket('t1', 'agt_a', NOW - STICKY_WINDOW_MS - 1)];
    assert.equal(previousAgent(history, NOW, 't2'), null);
    assert.equal(previousAgent(history, NOW), 'agt_b');
    assert.equal(previousAgent([], NOW), null);
  });
});
