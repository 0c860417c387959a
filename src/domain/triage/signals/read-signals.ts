import type { TicketSignals } from '../ticket-insights.js';
import { clipText, foldText } from '../text/fold-text.js';
import { HUMAN_REQUEST_PHRASES } from './human-request-phrases.js';
import { matchFlags, type CompiledFlag } from './keyword-flags.js';
import type { LanguageGuess } from './language.js';
import { phraseMatcher } from './phrase-matcher.js';
import { sentimentScore } from './sentiment.js';

/** Flags and requests for a human are looked for in the first 20,000 characters: a pasted log beyond is not the customer talking. */
const MAX_CHARS = 20_000;

const asksForHumanIn = phraseMatcher(Object.values(HUMAN_REQUEST_PHRASES).flat());

/**
 * Promises the signals of a ticket's text, given its language as an identifier guessed it:
 * sentiment in -1 … 1, the language (null when unsure), whether the customer asks for a person
 * (in any of the catalogue's languages), and the keyword flags found. Never throws, whatever the text.
 */
export function readSignals(text: string, flags: readonly CompiledFlag[], language: LanguageGuess): TicketSignals {
  const clipped = clipText(text, MAX_CHARS);
  const folded = foldText(clipped);
  return {
    sentiment: sentimentScore(clipped, language.best),
    language: language.confident ? language.best : null,
    asksForHuman: asksForHumanIn(folded),
    flags: matchFlags(folded, flags),
  };
}
