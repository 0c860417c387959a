import type { Diagnostics } from './expression-error.js';

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', '?': '?', '"': '"', "'": "'", '`': '`',
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

const HEX_ESCAPE_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Where a string literal starts: its opening quote, and whether it is raw (`r'…'`). */
export interface StringStart {
  quoteAt: number;
  raw: boolean;
}

/** Reads a quoted literal ('…', "…", '''…''', """…""") starting at its quote; reports what is wrong. */
export function readStringLiteral(source: string, at: StringStart, diagnostics: Diagnostics): { value: string; end: number } {
  const quoteChar = source[at.quoteAt] ?? '"';
  const triple = source.startsWith(quoteChar.repeat(3), at.quoteAt);
  const closing = triple ? quoteChar.repeat(3) : quoteChar;
  let i = at.quoteAt + closing.length;
  let value = '';
  while (i < source.length) {
    if (source.startsWith(closing, i)) return { value, end: i + closing.length };
    const char = source[i] ?? '';
    if (!triple && (char === '\n' || char === '\r')) break;
    if (char === '\\' && !at.raw) {
      const escape = readEscape(source, i, diagnostics);
      value += escape.text;
      i = escape.end;
      continue;
    }
    value += char;
    i++;
  }
  diagnostics.report('unterminated string literal', { start: at.quoteAt, end: i });
  return { value, end: i };
}

/** Decodes one backslash escape at `at`; an unknown escape is reported and kept as written. */
function readEscape(source: string, at: number, diagnostics: Diagnostics): { text: string; end: number } {
  const kind = source[at + 1] ?? '';
  if (Object.hasOwn(SIMPLE_ESCAPES, kind)) return { text: SIMPLE_ESCAPES[kind] ?? '', end: at + 2 };
  const hexDigits = Object.hasOwn(HEX_ESCAPE_DIGITS, kind) ? HEX_ESCAPE_DIGITS[kind] : undefined;
  if (hexDigits !== undefined) return readCodePoint(source, at, at + 2, hexDigits, 16, diagnostics);
  if (kind >= '0' && kind <= '3') return readCodePoint(source, at, at + 1, 3, 8, diagnostics);
  diagnostics.report(`invalid escape sequence '\\${kind}'`, { start: at, end: at + 2 });
  return { text: kind, end: Math.min(source.length, at + 2) };
}

function readCodePoint(
  source: string, at: number, digitsAt: number, count: number, radix: number, diagnostics: Diagnostics,
): { text: string; end: number } {
  const digit = radix === 16 ? /[0-9a-fA-F]/ : /[0-7]/;
  let end = digitsAt;
  while (end < digitsAt + count && digit.test(source[end] ?? '')) end++;
  const digits = source.slice(digitsAt, end);
  if (digits.length !== count) {
    // Only the digits are consumed, so a closing quote right after a short escape still closes.
    diagnostics.report(`escape needs ${count} ${radix === 16 ? 'hex' : 'octal'} digits`, { start: at, end });
    return { text: '', end };
  }
  const code = Number.parseInt(digits, radix);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    diagnostics.report('escape is not a valid Unicode code point', { start: at, end });
    return { text: '', end };
  }
  return { text: String.fromCodePoint(code), end };
}
