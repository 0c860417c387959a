import { SPACELESS_SCRIPT, foldText } from '../text/fold-text.js';

/** Tells whether folded text holds any of a list of phrases. */
export type PhraseMatcher = (foldedText: string) => boolean;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Promises a matcher for `phrases` as whole words of folded text: "refund" does not match
 * "refunded" unless written "refund*", and "sue" never matches "issue". Phrases in a spaceless
 * script (Chinese) match anywhere, as there are no word boundaries to look for.
 */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const spaced: string[] = [];
  const spaceless: string[] = [];
  for (const raw of phrases) {
    const prefix = raw.trim().endsWith('*');
    const phrase = foldText(raw);
    if (!phrase) continue;
    if (SPACELESS_SCRIPT.test(phrase)) spaceless.push(escape(phrase));
    else spaced.push(escape(phrase) + (prefix ? '[^ ]*' : ''));
  }
  const parts = [
    ...(spaced.length ? [`(?:^| )(?:${spaced.join('|')})(?= |$)`] : []),
    ...(spaceless.length ? [`(?:${spaceless.join('|')})`] : []),
  ];
  if (parts.length === 0) return () => false;
  const pattern = new RegExp(parts.join('|'), 'u');
  return (foldedText) => pattern.test(foldedText);
}
