import { SPACELESS_SCRIPT, foldText } from './fold-text.js';

const SPACELESS_RUN = new RegExp(`${SPACELESS_SCRIPT.source}+`, 'gu');

/**
 * Promises the words of `text`, folded: words of spaced scripts as they are, and runs of a
 * spaceless script (Chinese, Japanese, Thai) as overlapping character pairs, the usual stand-in
 * for words where no dictionary is at hand. A lone character stays one token.
 */
export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of foldText(text).split(' ')) {
    if (!word) continue;
    if (!SPACELESS_SCRIPT.test(word)) {
      tokens.push(word);
      continue;
    }
    let last = 0;
    for (const match of word.matchAll(SPACELESS_RUN)) {
      if (match.index > last) tokens.push(word.slice(last, match.index));
      tokens.push(...characterPairs(match[0]));
      last = match.index + match[0].length;
    }
    if (last < word.length) tokens.push(word.slice(last));
  }
  return tokens;
}

function characterPairs(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}
