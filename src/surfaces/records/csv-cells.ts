import { fail } from '../../domain/errors.js';

/** How a column's value is written in one CSV cell. */
export type CellCodec = 'text' | 'number' | 'list' | 'pairs' | 'json';

const NUMBER = /^\s*-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\s*$/i;
const SEPARATOR = /[;|]/;
/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start) is
 * written behind an apostrophe, as OWASP recommends; reading strips exactly that apostrophe, so
 * an export imports back unchanged.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** A value as cell text: lists and maps joined with `;`, free-form values as JSON. */
export function encodeCell(codec: CellCodec, value: unknown): string {
  if (codec === 'list' && Array.isArray(value)) return value.join(';');
  if (codec === 'pairs' && typeof value === 'object' && value !== null) {
    return Object.entries(value).map(([name, level]) => `${name}:${String(level)}`).join(';');
  }
  if (codec === 'text' && typeof value === 'string') return FORMULA_LIKE.test(value) ? `'${value}` : value;
  if ((codec === 'text' || codec === 'number') && typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

/**
 * Cell text as a value of the column's kind. Text that does not fit (a word in a number column)
 * is kept as it is, so schema validation reports it with the API's message; only what cannot be
 * read at all (bad JSON, a map entry without `:`) throws here.
 */
export function decodeCell(codec: CellCodec, cell: string, path: string): unknown {
  switch (codec) {
    case 'text':
      return FORMULA_LIKE.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
    case 'number':
      return NUMBER.test(cell) ? Number(cell) : cell;
    case 'list':
      return listOf(cell);
    case 'pairs':
      return Object.fromEntries(listOf(cell).map((entry) => pairOf(entry, path)));
    case 'json':
      return jsonOf(cell, path);
  }
}

function listOf(cell: string): string[] {
  return cell.split(SEPARATOR).map((item) => item.trim()).filter((item) => item !== '');
}

/** `name:number`; the name may itself contain `:`, so the last one separates. */
function pairOf(entry: string, path: string): [string, unknown] {
  const at = entry.lastIndexOf(':');
  if (at <= 0) throw fail('validation_failed', `"${entry}" is not name:number (entries are separated by ";").`, { path });
  const value = entry.slice(at + 1).trim();
  return [entry.slice(0, at).trim(), NUMBER.test(value) ? Number(value) : value];
}

function jsonOf(cell: string, path: string): unknown {
  try {
    return JSON.parse(cell);
  } catch (error) {
    throw fail('validation_failed', `The cell is not valid JSON: ${(error as Error).message}`, { path });
  }
}
