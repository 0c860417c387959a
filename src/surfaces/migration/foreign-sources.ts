import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { DomainError, fail } from '../../domain/errors.js';
import type { ForeignTicket } from '../../domain/migration/foreign-ticket.js';
import type { ImportInput } from '../../commands/import-records.js';
import { bodyValidator } from '../http/validation.js';
import { readJson } from '../records/read-json.js';
import type { SourceRecord } from '../records/source-record.js';
import { FRESHDESK_CSV, ImportMapping } from './import-mapping.js';
import { isObject } from './listing-file.js';
import { mappedTicket } from './mapped-ticket.js';
import { readRawCsv } from './read-raw-csv.js';
import { zendeskDirectory, zendeskTicket, type ZendeskFiles } from './zendesk.js';

/** The help desks `switchboard import` reads, by the name given on the command line. */
export const FOREIGN_SOURCES = ['zendesk', 'freshdesk', 'mapped'] as const;
export type ForeignSourceName = (typeof FOREIGN_SOURCES)[number];

export interface ForeignSourceOptions extends ZendeskFiles {
  /** A mapping file (JSON), required by `mapped`. */
  mapping?: string;
  /** The zone of times written without an offset (Freshdesk's CSV, mapped files). */
  timeZone?: string;
}

/** An export as records (streamed, with progress) and how one record becomes a foreign ticket. */
export interface ForeignSource {
  records: AsyncIterable<SourceRecord>;
  toTicket(value: unknown): ForeignTicket;
}

/** Opens an export of `source`; a bad mapping or side file is a coded error before any row is read. */
export async function openForeignSource(source: ForeignSourceName, file: string, options: ForeignSourceOptions): Promise<ForeignSource> {
  if (source === 'zendesk') {
    const directory = await zendeskDirectory(options);
    return { records: readJson(file), toTicket: (value) => zendeskTicket(value, directory) };
  }
  const mapping = source === 'freshdesk' ? FRESHDESK_CSV : readMapping(options.mapping);
  const zoned = options.timeZone ? { ...mapping, time_zone: options.timeZone } : mapping;
  if (!DateTime.local().setZone(zoned.time_zone ?? 'UTC').isValid) throw fail('invalid_value', `Unknown time zone "${zoned.time_zone}".`);
  const records = /\.(jsonl?|ndjson)$/i.test(file) ? readJson(file) : readRawCsv(file);
  return { records, toTicket: (value) => mappedTicket(isObject(value) ? value : {}, zoned) };
}

function readMapping(file: string | undefined): ImportMapping {
  if (!file) throw fail('validation_failed', 'A mapped import needs --mapping FILE.');
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw fail('malformed_json', `The mapping ${file} is not JSON: ${(error as Error).message}`);
  }
  const issues = bodyValidator(ImportMapping)(value);
  if (issues.length > 0) throw fail('validation_failed', `The mapping ${file} is not valid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return value as ImportMapping;
}

/** Each record as a foreign ticket, or the coded reason it is not one. */
export async function* foreignInputs(source: ForeignSource, records: AsyncIterable<SourceRecord>): AsyncGenerator<ImportInput<ForeignTicket>> {
  for await (const record of records) {
    if ('error' in record) {
      yield record;
      continue;
    }
    try {
      yield { row: record.row, draft: source.toTicket(record.value) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      yield { row: record.row, error };
    }
  }
}
