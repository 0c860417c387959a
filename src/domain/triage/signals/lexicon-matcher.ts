import { NEGATORS, SENTIMENT_LEXICON } from './sentiment-lexicon.js';

/** VADER's factor for a negated word: "not good" is less bad than "bad" is. */
const NEGATION_SCALAR = -0.74;
/** How many words before a sentiment word a negator still counts (VADER looks three back). */
const NEGATION_WINDOW = 3;

interface Entry {
  words: string[];
  prefix: boolean;
  valence: number;
}

/** One language's lexicon, ready to scan: entries by first word, longest first. */
interface CompiledLexicon {
  byFirstWord: Map<string, Entry[]>;
  prefixed: Entry[];
  negators: Set<string>;
}

const compiled = new Map<string, CompiledLexicon>();

function compile(language: string): CompiledLexicon | undefined {
  const lexicon = SENTIMENT_LEXICON[language];
  if (!lexicon) return undefined;
  const byFirstWord = new Map<string, Entry[]>();
  const prefixed: Entry[] = [];
  for (const [term, valence] of Object.entries(lexicon)) {
    const prefix = term.endsWith('*');
    const entry = { words: term.replace(/\*$/, '').split(' '), prefix, valence };
    if (prefix && entry.words.length === 1) prefixed.push(entry);
    else byFirstWord.set(entry.words[0]!, [...(byFirstWord.get(entry.words[0]!) ?? []), entry].sort((a, b) => b.words.length - a.words.length));
  }
  return { byFirstWord, prefixed, negators: new Set(NEGATORS[language] ?? []) };
}

function lexiconFor(language: string): CompiledLexicon | undefined {
  if (!compiled.has(language)) {
    const lexicon = compile(language);
    if (!lexicon) return undefined;
    compiled.set(language, lexicon);
  }
  return compiled.get(language);
}

/** Promises the summed valence (VADER's scale) of the language's sentiment words in folded `words`, negation applied. */
export function wordValence(words: readonly string[], language: string): number {
  const lexicon = lexiconFor(language);
  if (!lexicon) return 0;
  let sum = 0;
  for (let i = 0; i < words.length; i++) {
    const entry = matchAt(lexicon, words, i);
    if (!entry) continue;
    const negated = words.slice(Math.max(0, i - NEGATION_WINDOW), i).some((word) => lexicon.negators.has(word));
    sum += negated ? entry.valence * NEGATION_SCALAR : entry.valence;
    i += entry.words.length - 1;
  }
  return sum;
}

function matchAt(lexicon: CompiledLexicon, words: readonly string[], i: number): Entry | undefined {
  for (const entry of lexicon.byFirstWord.get(words[i]!) ?? []) {
    if (entry.words.every((word, k) => (entry.prefix && k === entry.words.length - 1 ? words[i + k]?.startsWith(word) : words[i + k] === word))) return entry;
  }
  return lexicon.prefixed.find((entry) => words[i]!.startsWith(entry.words[0]!));
}

/**
 * Promises the summed valence of the language's entries found in spaceless `text` (Chinese),
 * longest entry first at each position, each turned around by a negator just before it.
 */
export function characterValence(text: string, language: string): number {
  const lexicon = SENTIMENT_LEXICON[language];
  if (!lexicon) return 0;
  const terms = Object.keys(lexicon).sort((a, b) => b.length - a.length);
  const negators = new Set(NEGATORS[language] ?? []);
  const chars = [...text];
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    const rest = chars.slice(i, i + 8).join('');
    const term = terms.find((t) => rest.startsWith(t));
    if (term === undefined) continue;
    const negated = chars.slice(Math.max(0, i - 2), i).some((c) => negators.has(c));
    sum += negated ? lexicon[term]! * NEGATION_SCALAR : lexicon[term]!;
    i += [...term].length - 1;
  }
  return sum;
}
