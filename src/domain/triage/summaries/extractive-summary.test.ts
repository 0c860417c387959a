import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarize } from './extractive-summary.js';

describe('extractive summaries', () => {
  it('picks the sentences the rest of the text keeps coming back to, in their original order', () => {
    const text = [
      'Hello team.',
      'Our invoice export to the accounting system fails every night since the upgrade.',
      'The weather here is lovely this week.',
      'The nightly invoice export stops with a timeout error in the accounting system.',
      'My cat walked over the keyboard.',
      'We need the invoice export working before the accounting system closes the month.',
      'Thanks.',
    ].join(' ');
    const picked = summarize([text], 3);
    assert.equal(picked.length, 3);
    assert.deepEqual(picked.map((s) => s.index), [1, 3, 5]);
    assert.ok(picked.every((s) => /invoice export/.test(s.text)));
  });

  it('summarises a conversation across its parts and says which part each sentence is from', () => {
    const picked = summarize([
      'My parcel for order 5521 has not arrived. The tracking page shows no movement.',
      'Sorry to hear that! Could you confirm the delivery address for order 5521?',
      'The address is correct. The parcel for order 5521 is still not here and tracking shows nothing.',
      'Thanks, have a nice day.',
    ], 3);
    assert.deepEqual(picked.map((s) => [s.part, s.index]), [[0, 0], [1, 3], [2, 5]]);
    assert.ok(picked.every((s) => s.text.includes('5521')));
  });

  it('ranks Chinese text by shared characters', () => {
    const picked = summarize(['我的订单没有收到。今天天气很好。订单显示已发货但是我没有收到订单。我喜欢猫。请帮我查询订单物流。'], 2);
    assert.ok(picked.every((s) => s.text.includes('订单')), JSON.stringify(picked));
  });

  it('returns short texts whole and empty text as nothing', () => {
    assert.deepEqual(summarize(['Just one sentence here.'], 3).map((s) => s.text), ['Just one sentence here.']);
    assert.deepEqual(summarize(['', '   ', '!!!'], 3), []);
    assert.deepEqual(summarize([], 3), []);
  });

  it('copes with a huge text without sentence marks', () => {
    const started = performance.now();
    const picked = summarize(['word '.repeat(200_000), 'Line one\nline two\n'.repeat(5_000)], 3);
    assert.ok(picked.length <= 3);
    assert.ok(performance.now() - started < 3_000);
  });
});
