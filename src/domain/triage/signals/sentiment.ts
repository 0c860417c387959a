import { clipText, foldText } from '../text/fold-text.js';
import { englishCompound } from './english-sentiment.js';
import { characterValence, wordValence } from './lexicon-matcher.js';

/** VADER's normalisation constant: the sum s becomes s / sqrt(s² + α), in -1 … 1. */
const ALPHA = 15;
/** Sentiment reads the opening of a long text: the customer's mood is set there, and VADER's cost grows with length. */
const MAX_CHARS = 5_000;
const SPACELESS_LANGUAGES = new Set(['zh', 'ja']);

/**
 * Promises a sentiment score in -1 (very negative) … 1 (very positive), 0 for text with no
 * sentiment words. English (and emoticons, capitals, "!!!") is scored by VADER; Indonesian,
 * Swedish, Finnish and Chinese words by Switchboard's own lexicon for the detected `language`;
 * both sums are added on VADER's scale before normalising, so mixed text counts both.
 */
export function sentimentScore(text: string, language: string | null): number {
  const clipped = clipText(text, MAX_CHARS);
  const english = toValence(englishCompound(clipped));
  const own = language === null ? 0 : ownValence(clipped, language);
  const sum = english + own;
  if (sum === 0) return 0;
  return Math.round((sum / Math.sqrt(sum * sum + ALPHA)) * 10_000) / 10_000;
}

function ownValence(text: string, language: string): number {
  const lexiconLanguage = language === 'ms' ? 'id' : language;
  const folded = foldText(text);
  return SPACELESS_LANGUAGES.has(lexiconLanguage) ? characterValence(folded, lexiconLanguage) : wordValence(folded.split(' '), lexiconLanguage);
}

/** Undoes VADER's normalisation, so its compound can be summed with other valences. */
function toValence(compound: number): number {
  const c = Math.max(-0.9999, Math.min(0.9999, compound));
  return Number.isFinite(c) ? (c * Math.sqrt(ALPHA)) / Math.sqrt(1 - c * c) : 0;
}
