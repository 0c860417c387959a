import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { encodeRow, type CsvColumn } from './csv-columns.js';

export const EXPORT_FORMATS = ['csv', 'json', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Streams pages of wire objects to `out` as CSV (header from `columns`), a JSON array or JSON
 * lines, a page at a time with back-pressure; resolves to the number of rows written. `out` is
 * ended unless it is the process's stdout.
 */
export async function writeRecords(pages: AsyncIterable<object[]>, format: ExportFormat, columns: readonly CsvColumn[], out: Writable): Promise<number> {
  let count = 0;
  async function* counted(): AsyncGenerator<object[]> {
    for await (const page of pages) {
      count += page.length;
      yield page;
    }
  }
  const end = out !== process.stdout;
  if (format === 'csv') {
    const rows = Readable.from(csvRows(counted(), columns));
    await pipeline(rows, stringify({ header: true, columns: columns.map((column) => column.name) }), out, { end });
  } else {
    await pipeline(Readable.from(format === 'json' ? jsonArray(counted()) : jsonLines(counted())), out, { end });
  }
  return count;
}

async function* csvRows(pages: AsyncIterable<object[]>, columns: readonly CsvColumn[]): AsyncGenerator<string[]> {
  for await (const page of pages) for (const record of page) yield encodeRow(columns, record);
}

async function* jsonLines(pages: AsyncIterable<object[]>): AsyncGenerator<string> {
  for await (const page of pages) yield page.map((record) => `${JSON.stringify(record)}\n`).join('');
}

async function* jsonArray(pages: AsyncIterable<object[]>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield page.map((record, i) => `${first && i === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`).join('');
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}
