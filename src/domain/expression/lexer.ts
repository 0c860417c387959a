import type { Diagnostics } from './expression-error.js';
import { readStringLiteral } from './string-literal.js';

/** One token of the source; offsets are half-open. */
export type Token =
  | { kind: 'int' | 'double'; value: number; start: number; end: number }
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'ident'; name: string; start: number; end: number }
  | { kind: 'op'; op: string; start: number; end: number }
  | { kind: 'eof'; start: number; end: number };

// Longest first, so `<=` wins over `<`.
const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '+', '-', '*', '/', '%', '?', ':', '.', ',', '(', ')', '[', ']', '{', '}'];

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
// Sticky, so they match at a given offset without copying the rest of the source.
const HEX_NUMBER = /0[xX][0-9a-fA-F]+/y;
const DECIMAL_NUMBER = /[0-9]*\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+[eE][+-]?[0-9]+|[0-9]+/y;

/** Splits `source` into tokens ending with `eof`; bad characters are reported and skipped. */
export function tokenize(source: string, diagnostics: Diagnostics): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? '';
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f') {
      i++;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
    } else {
      const token = readToken(source, i, diagnostics);
      if (token) tokens.push(token);
      i = token ? token.end : i + 1;
    }
  }
  tokens.push({ kind: 'eof', start: source.length, end: source.length });
  return tokens;
}

function readToken(source: string, at: number, diagnostics: Diagnostics): Token | undefined {
  const char = source[at] ?? '';
  const next = source[at + 1] ?? '';
  if (DIGIT.test(char) || (char === '.' && DIGIT.test(next))) return readNumber(source, at, diagnostics);
  const prefixed = stringPrefix(source, at);
  if (prefixed) return readString(source, at, prefixed, diagnostics);
  if (IDENT_START.test(char)) {
    let end = at + 1;
    while (end < source.length && IDENT_PART.test(source[end] ?? '')) end++;
    return { kind: 'ident', name: source.slice(at, end), start: at, end };
  }
  const op = OPERATORS.find((candidate) => source.startsWith(candidate, at));
  if (op) return { kind: 'op', op, start: at, end: at + op.length };
  const shown = String.fromCodePoint(source.codePointAt(at) ?? 0);
  diagnostics.report(`unexpected character '${shown}'`, { start: at, end: at + shown.length });
  return undefined;
}

/** The prefix letters before a quote (`r`, `R`, `b`, `rb`…), or undefined when no string starts here. */
function stringPrefix(source: string, at: number): { length: number; raw: boolean; bytes: boolean } | undefined {
  const match = /^([rRbB]{0,2})['"]/.exec(source.slice(at, at + 3));
  if (!match) return undefined;
  const prefix = (match[1] ?? '').toLowerCase();
  if (prefix !== '' && prefix !== 'r' && prefix !== 'b' && prefix !== 'rb' && prefix !== 'br') return undefined;
  return { length: prefix.length, raw: prefix.includes('r'), bytes: prefix.includes('b') };
}

function readString(
  source: string, at: number, prefix: { length: number; raw: boolean; bytes: boolean }, diagnostics: Diagnostics,
): Token {
  const { value, end } = readStringLiteral(source, { quoteAt: at + prefix.length, raw: prefix.raw }, diagnostics);
  if (prefix.bytes) diagnostics.report('bytes literals are not supported', { start: at, end });
  return { kind: 'string', value, start: at, end };
}

function readNumber(source: string, at: number, diagnostics: Diagnostics): Token {
  HEX_NUMBER.lastIndex = at;
  DECIMAL_NUMBER.lastIndex = at;
  const hex = HEX_NUMBER.exec(source);
  const decimal = DECIMAL_NUMBER.exec(source);
  const text = hex?.[0] ?? decimal?.[0] ?? source[at] ?? '';
  let end = at + text.length;
  const isDouble = !hex && /[.eE]/.test(text);
  const value = hex ? Number.parseInt(text.slice(2), 16) : Number(text);
  if (source[end] === 'u' || source[end] === 'U') {
    diagnostics.report('unsigned integers are not supported; use an int', { start: at, end: end + 1 });
    end++;
  } else if (IDENT_PART.test(source[end] ?? '')) {
    while (IDENT_PART.test(source[end] ?? '')) end++;
    diagnostics.report(`invalid number '${source.slice(at, end)}'`, { start: at, end });
  } else if (!isDouble && !Number.isSafeInteger(value)) {
    diagnostics.report('integer literal is out of range (at most 2^53 - 1)', { start: at, end });
  }
  return { kind: isDouble ? 'double' : 'int', value, start: at, end };
}
