import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type vaderSentiment from 'vader-sentiment';
import { englishCompound, wordsAndEmoticons } from '../src/domain/triage/signals/english-sentiment.js';

const vader = createRequire(import.meta.url)('vader-sentiment') as typeof vaderSentiment;
const BITEXT = fileURLToPath(new URL('../../data/triage/bitext-intents.csv', import.meta.url));

/** Texts where VADER's tokenizer and rules have something to do: marks, emoticons, capitals, boosters, "but", idioms. */
const HARD_CASES = [
  'This is GREAT!!! but the app is "broken"...',
  '!?!?awful service, :) :( :-D <3 ...',
  "I can't log in; it's not working, kind of annoying -- really!!",
  'The bomb.  Yeah right.  Cut the mustard?!?',
  "'quoted' \"double\" (paren) [bracket] -dash- --double-- ...dots... a.b.c e-mail",
  'NOT bad at all, NEVER so good, at least it works. Hardly helpful, sort of ok, kinda meh',
  'ALL CAPS ANGRY TEXT HERE',
  'mixed Caps WITH some lower',
  '?? ?!? !! . , ; : - a b c x',
  'Ääliö!! 很好！ tack så mycket!!! sangat bagus??',
  '',
  '   ',
];

describe('the English sentiment scorer', () => {
  it("gives vader-sentiment's own compound score on every text of the intent corpus and on hard cases", () => {
    const rows = parse(readFileSync(BITEXT), { columns: true, bom: true }) as Array<{ text: string }>;
    const texts = [...rows.map((row) => row.text), ...HARD_CASES, ...rows.slice(0, 200).map((row, i) => `${row.text.toUpperCase()} but ${rows[i + 1]!.text}!!`)];
    const differing = texts.filter((text) => englishCompound(text) !== vader.SentimentIntensityAnalyzer.polarity_scores(text).compound);
    assert.deepEqual(differing, []);
    assert.ok(texts.length > 4_000);
  });

  it('strips one leading or trailing run of marks, keeping contractions, emoticons and inner marks', () => {
    assert.deepEqual(wordsAndEmoticons("Hello!!! ,world can't :) 'quoted' a.b. ?!?!? x"), ['Hello', 'world', "can't", ':)', "'quoted'", 'a.b.', '?!?!?']);
  });
});
