const QUOTED = /^\s*>/;
/** "On Tue, 5 May 2026, Ana <ana@example.com> wrote:" and its translations end in a colon. */
const ATTRIBUTION = /^.{0,200}(wrote|schrieb|skrev|kirjoitti|menulis|a écrit|escribió|写道|寫道):\s*$/i;

/**
 * The new part of a reply: the quoted message at its end (lines starting with `>`, and the
 * "… wrote:" line before them) is cut. A reply that is only a quote keeps all of it.
 */
export function withoutQuotedTail(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  while (end > 0 && (QUOTED.test(lines[end - 1]!) || !lines[end - 1]!.trim())) end--;
  if (end === lines.length) return text.trim();
  while (end > 0 && !lines[end - 1]!.trim()) end--;
  if (end > 0 && ATTRIBUTION.test(lines[end - 1]!)) end--;
  const reply = lines.slice(0, end).join('\n').trim();
  return reply || text.trim();
}
