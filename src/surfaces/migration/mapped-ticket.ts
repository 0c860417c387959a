import { DateTime } from 'luxon';
import { fail } from '../../domain/errors.js';
import type { ForeignTicket } from '../../domain/migration/foreign-ticket.js';
import type { JsonObject } from '../../domain/shared/json.js';
import { TICKET_STATUSES } from '../../domain/ticket/status.js';
import { CHANNELS, PRIORITIES, type Channel, type Priority } from '../../domain/ticket/ticket.js';
import { checkForeignTicket } from './foreign-check.js';
import type { ImportMapping, MappedKey } from './import-mapping.js';
import { fieldName, queueName } from './names.js';

type Row = Record<string, unknown>;

/** One record of a mapped export (a CSV row by its header, or a JSON object) in Switchboard's terms; throws a coded error. */
export function mappedTicket(row: Row, mapping: ImportMapping): ForeignTicket {
  const cell = (key: MappedKey): string | null => {
    const column = mapping.columns[key];
    const value = column === undefined ? undefined : row[column];
    if (value === undefined || value === null) return null;
    const text = String(value).trim();
    return text === '' ? null : text;
  };
  const externalId = cell('external_id');
  if (!externalId) throw fail('validation_failed', `The record has no ${mapping.columns.external_id ?? 'external_id'}.`, { path: '/external_id' });
  const time = (key: MappedKey): number | null => readTime(cell(key), mapping, key);
  const createdAt = time('created_at');
  if (createdAt === null) throw fail('validation_failed', 'The record has no creation time.', { path: '/created_at' });
  const status = translated(cell('status'), mapping.values?.status, TICKET_STATUSES, 'status') ?? 'queued';
  const csat = Number(translated(cell('csat_score'), mapping.values?.csat_score, null, 'csat_score'));
  return checkForeignTicket({
    source: mapping.source,
    externalId,
    title: cell('title') ?? `${mapping.source} ticket ${externalId}`,
    description: cell('description') ?? '',
    status,
    priority: translated(cell('priority'), mapping.values?.priority, PRIORITIES, 'priority') as Priority | null,
    type: translated(cell('type'), mapping.values?.type, null, 'type'),
    channel: translated(cell('channel'), mapping.values?.channel, CHANNELS, 'channel') as Channel | null,
    tags: (cell('tags') ?? '').split(mapping.tag_separator ?? ',').map((tag) => tag.trim()).filter(Boolean),
    fields: customFields(row, mapping),
    requester: cell('requester_email') || cell('requester_name') || cell('organization')
      ? { name: cell('requester_name'), email: cell('requester_email'), organization: cell('organization') } : null,
    group: queueName(cell('group')),
    assigneeEmail: cell('assignee'),
    createdAt,
    updatedAt: time('updated_at') ?? createdAt,
    solvedAt: time('solved_at'),
    closedAt: time('closed_at'),
    comments: [],
    csat: Number.isInteger(csat) && csat >= 1 && csat <= 5 ? { score: csat, comment: cell('csat_comment') } : null,
  });
}

/** The desk's word as ours, through the mapping's table; refused when the result is not one of `allowed`. */
function translated<T extends string>(value: string | null, table: Record<string, string> | undefined, allowed: readonly T[] | null, key: string): T | null {
  if (value === null) return null;
  const ours = table?.[value] ?? (table ? Object.entries(table).find(([word]) => word.toLowerCase() === value.toLowerCase())?.[1] : undefined) ?? value.toLowerCase();
  if (allowed && !allowed.includes(ours as T)) {
    throw fail('invalid_value', `"${value}" is not a known ${key}; map it under values.${key}.`, { path: `/${key}` });
  }
  return ours as T;
}

/** A time in the mapping's format, else ISO 8601, SQL or RFC 2822; one without an offset is in the mapping's time zone. */
function readTime(value: string | null, mapping: ImportMapping, key: string): number | null {
  if (value === null) return null;
  const options = { zone: mapping.time_zone ?? 'UTC', setZone: false, locale: 'en-US' };
  const readings = mapping.time_format
    ? [DateTime.fromFormat(value, mapping.time_format, options)]
    : [DateTime.fromISO(value, options), DateTime.fromSQL(value, options), DateTime.fromRFC2822(value, options)];
  const parsed = readings.find((d) => d.isValid);
  const expected = mapping.time_format ?? 'ISO 8601 or YYYY-MM-DD HH:MM:SS';
  if (!parsed) throw fail('validation_failed', `"${value}" is not a time (${expected}).`, { path: `/${key}` });
  return parsed.toMillis();
}

function customFields(row: Row, mapping: ImportMapping): JsonObject {
  const fields: JsonObject = {};
  const named = new Set<string>([...Object.values(mapping.columns), ...(mapping.ignore ?? [])]);
  const put = (column: string, name: string) => {
    const value = row[column];
    if (value !== undefined && value !== null && String(value).trim() !== '') fields[name] = typeof value === 'string' ? value.trim() : value as JsonObject[string];
  };
  for (const [column, name] of Object.entries(mapping.fields ?? {})) put(column, name);
  if (mapping.other_columns === 'fields') {
    for (const column of Object.keys(row)) if (!named.has(column) && !(column in (mapping.fields ?? {}))) put(column, fieldName(column));
  }
  return fields;
}
