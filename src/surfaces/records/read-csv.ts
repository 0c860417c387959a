import { createReadStream, statSync } from 'node:fs';
import { CsvError, parse, type Info } from 'csv-parse';
import { DomainError, fail } from '../../domain/errors.js';
import { decodeRow, type CsvColumn } from './csv-columns.js';
import type { SourceRecord } from './source-record.js';

/**
 * Streams a CSV file with a header row as wire objects laid out by `columns`. A record that
 * cannot be read is yielded as an error; a file that stops being CSV (an unclosed quote) yields
 * one error at the record where it broke and ends there.
 */
export async function* readCsv(file: string, columns: readonly CsvColumn[]): AsyncGenerator<SourceRecord> {
  const size = Math.max(statSync(file).size, 1);
  const byName = new Map(columns.map((column) => [column.name, column]));
  const parser = createReadStream(file).pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
  let header: string[] | undefined;
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (!header) {
        header = record.map((name) => name.trim());
        continue;
      }
      row += 1;
      yield readRecord(row, Math.min(info.bytes / size, 1), header, record, byName);
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    yield { row: row + 1, done: 1, error: fail('validation_failed', `The file stops being valid CSV here: ${error.message}`) };
  }
}

function readRecord(row: number, done: number, header: string[], cells: string[], columns: ReadonlyMap<string, CsvColumn>): SourceRecord {
  if (cells.length !== header.length) {
    return { row, done, error: fail('validation_failed', `The row has ${cells.length} fields; the header has ${header.length}.`) };
  }
  try {
    return { row, done, value: decodeRow(columns, header, cells) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { row, done, error };
  }
}
