/** What ends a sentence in the scripts tickets arrive in: Latin, CJK full-width, Devanagari, Arabic, Thai-style line breaks. */
const SENTENCE_END = /(?<=[.!?。！？．｡।؟])\s+|(?<=[。！？])|\n\s*\n|\n(?=\s*[-*•\d])/u;

/**
 * Promises the sentences of `text` in order, trimmed, none empty. Text without any sentence
 * mark (a chat line, a pasted log) comes back as its lines.
 */
export function splitSentences(text: string): string[] {
  const parts = text.split(SENTENCE_END).flatMap((part) => (part.length > 600 ? part.split(/\n/) : [part]));
  return parts.map((part) => part.replace(/\s+/g, ' ').trim()).filter((part) => /[\p{L}\p{N}]/u.test(part));
}
