import { clipText, foldText } from '../text/fold-text.js';

/** Long texts are compared on their first part: a near-duplicate says the same thing early. */
const MAX_CHARS = 4_000;
/** Character trigrams work for any script, survive typos and inflection, and need no word list. */
const GRAM = 3;

/** A text to compare, by the id it is known by. */
export interface ComparableText {
  id: string;
  text: string;
}

export interface SuspectedDuplicate {
  id: string;
  /** TF-IDF cosine similarity, 0 … 1. */
  score: number;
}

type Profile = Map<string, number>;

/** Counts the character trigrams of the folded text, each word padded with spaces so word starts and ends count. */
function profileOf(text: string): Profile {
  const folded = ` ${foldText(clipText(text, MAX_CHARS))} `;
  const chars = [...folded];
  const counts: Profile = new Map();
  for (let i = 0; i + GRAM <= chars.length; i++) {
    const gram = chars.slice(i, i + GRAM).join('');
    if (gram.trim()) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Weights each trigram by sublinear term frequency times smoothed inverse document frequency, and normalises. */
function weigh(profile: Profile, idf: Map<string, number>): Map<string, number> {
  const weights = new Map<string, number>();
  let norm = 0;
  for (const [gram, count] of profile) {
    const weight = (1 + Math.log(count)) * (idf.get(gram) ?? 1);
    weights.set(gram, weight);
    norm += weight * weight;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [gram, weight] of weights) weights.set(gram, weight * scale);
  return weights;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [gram, weight] of small) dot += weight * (large.get(gram) ?? 0);
  return Math.min(1, dot);
}

/**
 * Promises the candidates whose text is at least `threshold` similar to `text` (TF-IDF cosine
 * over character trigrams, document frequencies taken from the text and the candidates), most
 * similar first, at most `limit`. Empty texts are never duplicates of anything.
 */
export function findNearDuplicates(text: string, candidates: readonly ComparableText[], threshold: number, limit: number): SuspectedDuplicate[] {
  if (candidates.length === 0) return [];
  const query = profileOf(text);
  if (query.size === 0) return [];
  const profiles = candidates.map((candidate) => profileOf(candidate.text));
  const documentFrequency = new Map<string, number>();
  for (const profile of [query, ...profiles]) {
    for (const gram of profile.keys()) documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1);
  }
  const total = profiles.length + 1;
  const idf = new Map<string, number>();
  for (const [gram, df] of documentFrequency) idf.set(gram, Math.log((1 + total) / (1 + df)) + 1);
  const queryWeights = weigh(query, idf);
  return candidates
    .map((candidate, i) => ({ id: candidate.id, score: Math.round(cosine(queryWeights, weigh(profiles[i]!, idf)) * 1000) / 1000 }))
    .filter((match) => match.score > 0 && match.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
