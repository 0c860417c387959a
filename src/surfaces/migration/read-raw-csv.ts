import { readCsvRows } from '../records/read-csv.js';
import type { SourceRecord } from '../records/source-record.js';

/**
 * Streams a CSV file with a header row as objects of text keyed by the header, whatever its
 * columns: another help desk's export, read through a mapping. A file that stops being CSV
 * yields one error where it broke and ends there.
 */
export async function* readRawCsv(file: string): AsyncGenerator<SourceRecord> {
  for await (const record of readCsvRows(file)) {
    if (!('value' in record)) {
      yield record;
      continue;
    }
    const { header, cells } = record.value;
    yield { row: record.row, done: record.done, value: Object.fromEntries(header.map((name, i) => [name, cells[i]!])) };
  }
}
