import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import { DomainError, fail } from '../../domain/errors.js';
import { decodeRow, type CsvColumn } from './csv-columns.js';
import type { SourceRecord } from './source-record.js';

/**
 * Streams a CSV file with a header row as each row's cells beside the header, checked to have as
 * many cells as the header names. A file that stops being CSV (an unclosed quote) yields one
 * error at the record where it broke and ends there.
 */
export function readCsvRows(file: string): AsyncGenerator<SourceRecord<{ header: string[]; cells: string[] }>> {
  return readCsvStream(createReadStream(file), statSync(file).size);
}

/** `readCsvRows` over any byte stream; `size` (bytes, when known) measures progress. */
export async function* readCsvStream(input: Readable, size: number): AsyncGenerator<SourceRecord<{ header: string[]; cells: string[] }>> {
  const total = Math.max(size, 1);
  const parser = input.pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
  input.once('error', (error) => parser.destroy(error));
  let header: string[] | undefined;
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (!header) {
        header = record.map((name) => name.trim());
        continue;
      }
      row += 1;
      const done = Math.min(info.bytes / total, 1);
      yield record.length === header.length
        ? { row, done, value: { header, cells: record } }
        : { row, done, error: fail('validation_failed', `The row has ${record.length} fields; the header has ${header.length}.`) };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    yield { row: row + 1, done: 1, error: fail('validation_failed', `The file stops being valid CSV here: ${error.message}`) };
  }
}

/** Streams a CSV file with a header row as wire objects laid out by `columns`; a record that cannot be read is yielded as an error. */
export async function* readCsv(file: string, columns: readonly CsvColumn[]): AsyncGenerator<SourceRecord> {
  const byName = new Map(columns.map((column) => [column.name, column]));
  for await (const record of readCsvRows(file)) {
    if (!('value' in record)) {
      yield record;
      continue;
    }
    try {
      yield { row: record.row, done: record.done, value: decodeRow(byName, record.value.header, record.value.cells) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      yield { row: record.row, done: record.done, error };
    }
  }
}
