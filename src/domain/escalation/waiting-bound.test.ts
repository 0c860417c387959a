import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileExpression } from '../expression/index.js';
import { CONDITION_SCOPE } from './condition-scope.js';
import { lowerBoundOf, reads } from './waiting-bound.js';

function tree(source: string) {
  const compiled = compileExpression(source, CONDITION_SCOPE);
  assert.ok(compiled.ok, source);
  return compiled.tree;
}

describe('the idle time a trigger waits for, read from its condition', () => {
  it('reads the bound it compares idle_hours with, either way round', () => {
    assert.equal(lowerBoundOf(tree('idle_hours >= 48'), 'idle_hours'), 48);
    assert.equal(lowerBoundOf(tree('idle_hours > 1.5'), 'idle_hours'), 1.5);
    assert.equal(lowerBoundOf(tree('24 <= idle_hours'), 'idle_hours'), 24);
    assert.equal(lowerBoundOf(tree('12 < idle_hours'), 'idle_hours'), 12);
  });

  it('takes the larger bound of "and", the smaller of "or"', () => {
    assert.equal(lowerBoundOf(tree("idle_hours >= 48 && ticket.priority == 'low'"), 'idle_hours'), 48);
    assert.equal(lowerBoundOf(tree('idle_hours >= 48 && idle_hours > 72'), 'idle_hours'), 72);
    assert.equal(lowerBoundOf(tree("idle_hours >= 4 && ticket.priority == 'urgent' || idle_hours >= 48"), 'idle_hours'), 4);
  });

  it('says 0 when idle time is read another way or another branch can hold without it', () => {
    assert.equal(lowerBoundOf(tree('idle_hours * 2.0 > 10.0'), 'idle_hours'), 0);
    assert.equal(lowerBoundOf(tree('idle_hours < 2'), 'idle_hours'), 0);
    assert.equal(lowerBoundOf(tree("idle_hours >= 48 || ticket.priority == 'urgent'"), 'idle_hours'), 0);
  });

  it('says null when the condition never reads idle time, and tells what it reads', () => {
    const urgent = tree("ticket.priority == 'urgent'");
    assert.equal(lowerBoundOf(urgent, 'idle_hours'), null);
    assert.equal(reads(urgent, ['idle_hours', 'ticket.reroutes']), false);
    assert.equal(reads(tree('ticket.reroutes >= 2'), ['idle_hours', 'ticket.reroutes']), true);
  });
});
