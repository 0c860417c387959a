import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_TERMS, indexText, readableSnippet, salientTerms, searchTerms, sharesEnoughWords } from './search-terms.js';

describe('knowledge-base search words', () => {
  it('splits a query as the engines split text: at anything but letters and digits, lower case, once each', () => {
    assert.deepEqual(searchTerms("Can't RESET my password, password!"), ['can', 't', 'reset', 'my', 'password']);
    assert.deepEqual(searchTerms('"*:() OR NOT'), ['or', 'not']);
    assert.deepEqual(searchTerms('  …  '), []);
  });

  it('stands each Chinese character alone, in the index and in the query, and makes full-width letters plain', () => {
    assert.equal(indexText('我要退款 now'), ' 我  要  退  款  now');
    assert.deepEqual(searchTerms('退款'), ['退', '款']);
    assert.deepEqual(searchTerms('ＲＥＦＵＮＤ'), ['refund']);
  });

  it('keeps at most MAX_TERMS words, and takes a ticket\'s title words before its longest description words', () => {
    assert.equal(searchTerms(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')).length, MAX_TERMS);
    assert.deepEqual(salientTerms('Refund missing?', 'I returned the parcel and have no refund'), ['refund', 'missing', 'returned', 'parcel']);
  });

  it('leaves generic help-desk words out of a ticket\'s salient words', () => {
    assert.deepEqual(salientTerms('I need assistance to check where my order is', 'Could you help me find it?'), ['order']);
  });

  it('suggests an article for one salient word in its title or tags, or two in its body, never one in its body alone', () => {
    const heading = 'Track an order track_order order';
    const body = 'Open Orders in your account and choose the order to see where the parcel is.';
    assert.equal(sharesEnoughWords(['order'], heading, body), true);
    assert.equal(sharesEnoughWords(['parcel'], heading, body), false);
    assert.equal(sharesEnoughWords(['parcel', 'account'], heading, body), true);
    assert.equal(sharesEnoughWords([], heading, body), false);
  });

  it('takes the index spaces out of Chinese snippets again', () => {
    assert.equal(readableSnippet(' 退  款 会在 **五** 天内'), '退款会在**五**天内');
  });
});
