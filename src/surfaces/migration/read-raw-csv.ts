import { createReadStream, statSync } from 'node:fs';
import { CsvError, parse, type Info } from 'csv-parse';
import { fail } from '../../domain/errors.js';
import type { SourceRecord } from '../records/source-record.js';

/**
 * Streams a CSV file with a header row as objects of text keyed by the header, whatever its
 * columns: another help desk's export, read through a mapping. A file that stops being CSV
 * yields one error where it broke and ends there.
 */
export async function* readRawCsv(file: string): AsyncGenerator<SourceRecord> {
  const size = Math.max(statSync(file).size, 1);
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
      const done = Math.min(info.bytes / size, 1);
      if (record.length !== header.length) {
        yield { row, done, error: fail('validation_failed', `The row has ${record.length} fields; the header has ${header.length}.`) };
        continue;
      }
      yield { row, done, value: Object.fromEntries(header.map((name, i) => [name, record[i]!])) };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    yield { row: row + 1, done: 1, error: fail('validation_failed', `The file stops being valid CSV here: ${error.message}`) };
  }
}
