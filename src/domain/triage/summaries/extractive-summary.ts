import { clipText } from '../text/fold-text.js';
import { splitSentences } from '../text/sentences.js';
import { wordTokens } from '../text/tokens.js';

/** Sentences beyond this many are not ranked: the graph grows with the square of the count. */
const MAX_SENTENCES = 300;
const MAX_CHARS = 200_000;
const DAMPING = 0.85;
const ITERATIONS = 30;

/** One sentence of the source, with where it stood and how central it is. */
export interface SummarySentence {
  text: string;
  /** Which of the parts (description, then each comment) it comes from, 0-based. */
  part: number;
  /** Its position among all the sentences (0-based), so a reader can find it. */
  index: number;
  /** Its TextRank score; the scores of all ranked sentences add up to about 1. */
  score: number;
}

/** Words every text has; they make unrelated sentences look alike. Only the languages Switchboard serves. */
const STOPWORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'to', 'of', 'in', 'on', 'for', 'with', 'is', 'are', 'was', 'were', 'be', 'it', 'this',
  'that', 'i', 'you', 'we', 'my', 'your', 'our', 'me', 'at', 'as', 'by', 'have', 'has', 'had', 'do', 'did', 'not', 'so', 'if',
  'yang', 'dan', 'di', 'ke', 'dari', 'ini', 'itu', 'saya', 'anda', 'untuk', 'dengan', 'ada', 'tidak', 'akan',
  'och', 'att', 'det', 'som', 'en', 'ett', 'är', 'jag', 'du', 'på', 'med', 'för', 'av', 'till', 'har', 'inte', 'den',
  'ja', 'on', 'ei', 'se', 'että', 'minä', 'sinä', 'me', 'te', 'oli', 'ovat', 'kun', 'mutta', 'tai',
]);

/**
 * Promises the `count` most central sentences of the `parts` (a description and the replies of
 * a conversation, or one long text), in the order they were written: the
 * sentences are ranked by TextRank (PageRank over a graph whose edges are the words two
 * sentences share, normalised by their lengths), so a sentence that says what many others also
 * talk about ranks high. Works for any script; Chinese and Japanese are compared by character
 * pairs. Short texts come back whole.
 */
export function summarize(parts: readonly string[], count: number): SummarySentence[] {
  const sentences = sentencesOf(parts);
  if (sentences.length <= count) return sentences.map((sentence, index) => ({ ...sentence, index, score: 1 / sentences.length }));
  const words = sentences.map((sentence) => new Set(wordTokens(sentence.text).filter((word) => !STOPWORDS.has(word))));
  const scores = textRank(similarityMatrix(words));
  return sentences
    .map((sentence, index) => ({ ...sentence, index, score: Math.round(scores[index]! * 10_000) / 10_000 }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, count)
    .sort((a, b) => a.index - b.index);
}

/** The sentences of every part, in order, within the size limits (later ones are dropped). */
function sentencesOf(parts: readonly string[]): { text: string; part: number }[] {
  const sentences: { text: string; part: number }[] = [];
  let budget = MAX_CHARS;
  for (const [part, text] of parts.entries()) {
    if (budget <= 0 || sentences.length >= MAX_SENTENCES) break;
    const clipped = clipText(text, budget);
    budget -= clipped.length;
    for (const sentence of splitSentences(clipped)) sentences.push({ text: sentence, part });
  }
  return sentences.slice(0, MAX_SENTENCES);
}

/** Mihalcea & Tarau's sentence similarity: shared words over the log lengths of both sentences. */
function similarityMatrix(words: readonly Set<string>[]): Float64Array[] {
  return words.map((a, i) => {
    const row = new Float64Array(words.length);
    words.forEach((b, j) => {
      if (i === j || a.size < 1 || b.size < 1) return;
      let shared = 0;
      for (const word of a) if (b.has(word)) shared++;
      const scale = Math.log(a.size + 1) + Math.log(b.size + 1);
      row[j] = shared > 0 ? shared / scale : 0;
    });
    return row;
  });
}

/** PageRank by power iteration over a weighted, undirected graph; isolated sentences keep the base score. */
function textRank(matrix: readonly Float64Array[]): Float64Array {
  const n = matrix.length;
  const outWeight = matrix.map((row) => row.reduce((sum, weight) => sum + weight, 0));
  let scores = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Float64Array(n).fill((1 - DAMPING) / n);
    for (let j = 0; j < n; j++) {
      if (outWeight[j] === 0) continue;
      const share = (DAMPING * scores[j]!) / outWeight[j]!;
      const row = matrix[j]!;
      for (let i = 0; i < n; i++) if (row[i]! > 0) next[i]! += share * row[i]!;
    }
    scores = next;
  }
  return scores;
}
