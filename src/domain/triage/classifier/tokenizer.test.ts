import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FeatureHasher, DEFAULT_FEATURE_SPACE } from './feature-hasher.js';
import { tokenize } from './tokenizer.js';

describe('tokenize', () => {
  it('lower-cases words, drops punctuation and folds digits', () => {
    assert.deepEqual(tokenize('Order #12345 NOT arrived!!').words, ['order', '00000', 'not', 'arrived']);
  });

  it('cuts Chinese and Japanese runs into character bigrams and keeps spaced scripts as words', () => {
    assert.deepEqual(tokenize('我要退款').words, ['我要', '要退', '退款']);
    assert.deepEqual(tokenize('ログイン できない').words, ['ログ', 'グイ', 'イン', 'でき', 'きな', 'ない']);
    assert.deepEqual(tokenize('Saya mau refund 退款').words, ['saya', 'mau', 'refund', '退款']);
    assert.deepEqual(tokenize('Хочу вернуть деньги').words, ['хочу', 'вернуть', 'деньги']);
    assert.deepEqual(tokenize('Päivää, en pääse sisään').words, ['päivää', 'en', 'pääse', 'sisään']);
  });

  it('normalises full-width forms (NFKC) and keeps a lone ideograph as a word', () => {
    assert.deepEqual(tokenize('ＡＢＣ １２ 好').words, ['abc', '00', '好']);
  });

  it('gives nothing, not an error, for empty, blank or symbol-only text', () => {
    for (const text of ['', '   ', '!!! ??? 🙂🙂', '\u0000\uFFFF']) {
      const tokens = tokenize(text);
      assert.deepEqual(tokens.words, []);
      assert.equal(tokens.clean, '');
    }
  });
});

describe('FeatureHasher', () => {
  const hasher = new FeatureHasher(DEFAULT_FEATURE_SPACE);
  const features = (text: string) => {
    const h = hasher.hash(text);
    return new Map(Array.from(h.indices.subarray(0, h.length), (index, i) => [index, h.counts[i]!]));
  };

  it('gives the same features for the same text, and word buckets before character buckets', () => {
    const a = features('refund my order please');
    assert.deepEqual(a, features('refund my order please'));
    const words = [...a.keys()].filter((index) => index < hasher.wordBuckets);
    assert.ok(words.length >= 4 && words.length <= 7, `${words.length} word features`);
    assert.ok([...a.keys()].every((index) => index < hasher.size));
  });

  it('counts a repeated word', () => {
    const once = features('refund');
    const twice = features('refund refund');
    const wordOnce = [...once].find(([index]) => index < hasher.wordBuckets)!;
    assert.equal(twice.get(wordOnce[0]), 2);
  });
});
