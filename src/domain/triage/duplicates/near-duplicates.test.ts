import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findNearDuplicates } from './near-duplicates.js';

const open = [
  { id: 'rephrased', text: 'Cannot log into my account\nSince yesterday the login page tells me my password is wrong even though I reset it twice.' },
  { id: 'colleague', text: 'Login problem\nMy colleague cannot log in to the admin console.' },
  { id: 'refund', text: 'Refund for order 1234\nPlease refund my order, the parcel never arrived.' },
  { id: 'empty', text: '' },
];

describe('near-duplicate texts', () => {
  it('finds the same request said again in other words, and not a different one about the same thing', () => {
    const found = findNearDuplicates('I cannot log in to my account\nSince yesterday the login page says my password is wrong, but I reset it twice.', open, 0.45, 5);
    assert.deepEqual(found.map((d) => d.id), ['rephrased']);
    assert.ok(found[0]!.score > 0.6 && found[0]!.score <= 1);
  });

  it('works in scripts without spaces', () => {
    const found = findNearDuplicates('我从昨天开始无法登录我的账户', [{ id: 'zh', text: '我无法登录我的账户' }, { id: 'zh-other', text: '我想修改收货地址' }], 0.45, 5);
    assert.deepEqual(found.map((d) => d.id), ['zh']);
  });

  it('finds nothing for empty text, no candidates, or a text only of punctuation', () => {
    assert.deepEqual(findNearDuplicates('', open, 0, 5), []);
    assert.deepEqual(findNearDuplicates('refund please', [], 0, 5), []);
    assert.deepEqual(findNearDuplicates('?!… ——', open, 0, 5), []);
  });

  it('ranks by similarity and keeps to the limit', () => {
    const found = findNearDuplicates('Please refund order 1234, the parcel never arrived', [...open, { id: 'refund-2', text: 'Refund order 1234: parcel never arrived' }], 0.3, 1);
    assert.equal(found.length, 1);
    assert.ok(['refund', 'refund-2'].includes(found[0]!.id));
  });
});
