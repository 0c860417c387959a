import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { LabelledText } from '../../domain/triage/classifier/index.js';
import { usageError } from './usage-error.js';

/** Rows with empty text or label named in the message, at most this many. */
const NAMED_ROWS = 5;

/**
 * Reads a file's bytes as text: UTF-16 when it starts with a UTF-16 byte-order mark, else UTF-8,
 * else (bytes that are not UTF-8, as from an old spreadsheet export) Windows-1252, with a note.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    console.error(`${file} is not UTF-8; reading it as Windows-1252.`);
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The labelled texts of a CSV file with a header row. A missing file or column, a file without
 * rows, or rows with empty text or label end the process with exit code 2 and a message naming them.
 */
export function readLabelledCsv(file: string, textColumn: string, labelColumn: string): LabelledText[] {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) usageError(`No file ${file}.`);
  let records: string[][];
  try {
    records = parse(decodeText(readFileSync(file), file), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    usageError(`${file} is not valid CSV: ${(error as Error).message}`);
  }
  const header = (records[0] ?? []).map((name) => name.trim());
  if (header.length === 0) usageError(`${file} is empty: it needs a header row and at least one row of data.`);
  const textAt = header.indexOf(textColumn);
  const labelAt = header.indexOf(labelColumn);
  const missing = [textAt < 0 ? textColumn : null, labelAt < 0 ? labelColumn : null].filter((c) => c !== null);
  if (missing.length > 0) usageError(`${file} has no column ${missing.map((c) => `"${c}"`).join(' or ')}; its columns are: ${header.join(', ')}.`);
  const rows = records.slice(1).map((cells) => ({ text: (cells[textAt] ?? '').trim(), label: (cells[labelAt] ?? '').trim() }));
  if (rows.length === 0) usageError(`${file} has a header but no rows.`);
  // Row numbers as a spreadsheet shows them: the header is row 1.
  const blank = rows.flatMap((row, i) => (row.text && row.label ? [] : [i + 2]));
  if (blank.length > 0) {
    const named = blank.slice(0, NAMED_ROWS).join(', ') + (blank.length > NAMED_ROWS ? ` and ${blank.length - NAMED_ROWS} more` : '');
    usageError(`${file}: empty ${textColumn} or ${labelColumn} in row ${named}.`);
  }
  return rows;
}
