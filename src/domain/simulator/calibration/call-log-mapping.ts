import { PRIORITIES, type Priority } from '../../ticket/ticket.js';
import type { CallOutcome, CallRecord } from './call-record.js';

export const DATE_FORMATS = ['iso', 'yymmdd', 'yyyymmdd', 'dd/mm/yyyy', 'mm/dd/yyyy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/**
 * Which columns of a call log hold what (docs/simulator.md, "Calibration"). Time columns hold
 * full datetimes, or, with `date`, times of day (H:MM:SS) on that row's date; a time earlier
 * than the arrival's is on the next day.
 */
export interface CallLogMapping {
  arrival: string;
  date?: string;
  date_format?: DateFormat;
  queue_start?: string;
  queue_end?: string;
  answer?: string;
  end?: string;
  after_call_end?: string;
  outcome: string;
  /** Outcome values that mean answered, and abandoned; any other value is "other" (not counted). */
  answered_values: string[];
  abandoned_values: string[];
  agent?: string;
  priority?: string;
  /** The log's priority values as Switchboard priorities (others: normal). */
  priority_values?: Record<string, Priority>;
  type?: string;
  /** A time value that means "never happened" (the call never queued), besides an empty cell. */
  absent_time?: string;
}

/** Mappings for known exports, by name. */
export const CALL_LOG_PRESETS: Record<string, CallLogMapping> = {
  /** ISO datetimes under the mapping's own names; what `scripts/make-call-log.mjs` writes. */
  switchboard: {
    arrival: 'arrival', queue_start: 'queue_start', queue_end: 'queue_end', answer: 'answer', end: 'end', after_call_end: 'after_call_end',
    outcome: 'outcome', answered_values: ['answered'], abandoned_values: ['abandoned'], agent: 'agent', priority: 'priority', type: 'type',
  },
  /**
   * The public bank call-centre log: one row per call with a yymmdd date, H:MM:SS times of the
   * voice-response unit, the queue and the service, outcome AGENT, HANG or PHANTOM; q_start 0:00:00 means never queued.
   */
  'bank-vru': {
    arrival: 'vru_exit', date: 'date', date_format: 'yymmdd', queue_start: 'q_start', queue_end: 'q_exit', answer: 'ser_start', end: 'ser_exit',
    outcome: 'outcome', answered_values: ['AGENT'], abandoned_values: ['HANG'], agent: 'server', priority: 'priority',
    priority_values: { 0: 'low', 1: 'normal', 2: 'high' }, type: 'type', absent_time: '0:00:00',
  },
};

/** Every mistake in a mapping, given the log's header; empty when the log can be read with it. */
export function checkMapping(mapping: CallLogMapping, header: readonly string[]): string[] {
  const errors: string[] = [];
  const columns = new Set(header);
  const named = ['arrival', 'date', 'queue_start', 'queue_end', 'answer', 'end', 'after_call_end', 'outcome', 'agent', 'priority', 'type'] as const;
  for (const key of named) {
    const column = mapping[key];
    if (column !== undefined && !columns.has(column)) errors.push(`${key}: the log has no column "${column}" (it has ${header.slice(0, 20).join(', ')}).`);
  }
  if (!mapping.arrival) errors.push('arrival: name the column of the arrival time.');
  if (!mapping.outcome) errors.push('outcome: name the column of the outcome.');
  if (!mapping.answer || !mapping.end) errors.push('answer and end: name the columns of the answer and end times (service times come from them).');
  if (mapping.date_format !== undefined && !(DATE_FORMATS as readonly string[]).includes(mapping.date_format)) errors.push(`date_format must be one of ${DATE_FORMATS.join(', ')}.`);
  if (!Array.isArray(mapping.answered_values) || !Array.isArray(mapping.abandoned_values)) errors.push('answered_values and abandoned_values list the outcome values that mean each.');
  for (const [value, priority] of Object.entries(mapping.priority_values ?? {})) {
    if (!(PRIORITIES as readonly string[]).includes(priority)) errors.push(`priority_values.${value}: "${priority}" is not one of ${PRIORITIES.join(', ')}.`);
  }
  return errors;
}

/** The longest wait, call or wrap-up a row may record: past it the row is taken for a mistake. */
export const LONGEST_CALL_S = 86_400;

/** What a row of the log is: a call, a row to skip (why), or a mistake (what). */
export type ReadCall = { call: CallRecord } | { skipped: 'other_outcome' | 'not_queued' } | { error: string };

/** Reads one row with a checked mapping; `cell(name)` gives the row's value in a column. */
export function readCall(mapping: CallLogMapping, cell: (column: string) => string): ReadCall {
  const day = mapping.date === undefined ? null : parseDate(cell(mapping.date).trim(), mapping.date_format ?? 'iso');
  if (day === undefined) return { error: `${mapping.date}: "${cell(mapping.date!)}" is not a ${mapping.date_format ?? 'iso'} date.` };
  const time = (column: string | undefined, after: number | null): number | null | undefined => {
    if (column === undefined) return null;
    const raw = cell(column).trim();
    if (raw === '' || raw === mapping.absent_time) return null;
    return parseInstant(raw, day, after);
  };
  const arrivedAt = time(mapping.arrival, null);
  if (arrivedAt === null || arrivedAt === undefined) return { error: `${mapping.arrival}: "${cell(mapping.arrival)}" is not a time.` };
  const outcome = outcomeOf(mapping, cell(mapping.outcome).trim());
  if (outcome === 'other') return { skipped: 'other_outcome' };
  const times = { queueStart: time(mapping.queue_start, arrivedAt), queueEnd: time(mapping.queue_end, arrivedAt), answer: time(mapping.answer, arrivedAt), end: time(mapping.end, arrivedAt), wrapEnd: time(mapping.after_call_end, arrivedAt) };
  const bad = Object.entries(times).find(([, value]) => value === undefined);
  if (bad) return { error: `${bad[0]}: not a time.` };
  const { queueStart, queueEnd, answer, end, wrapEnd } = times as Record<keyof typeof times, number | null>;
  const neverQueued = mapping.queue_start !== undefined && queueStart === null;
  if (outcome === 'abandoned' && neverQueued) return { skipped: 'not_queued' };
  const base = { arrivedAt, agent: mapping.agent === undefined ? null : cell(mapping.agent).trim() || null, priority: priorityOf(mapping, cell), type: (mapping.type === undefined ? '' : cell(mapping.type).trim()) || 'support' };
  const from = queueStart ?? arrivedAt;
  if (outcome === 'abandoned') {
    const gaveUpAt = queueEnd ?? end;
    if (gaveUpAt === null || gaveUpAt < from) return { error: 'an abandoned call needs a queue end (or end) after it queued.' };
    const waitS = (gaveUpAt - from) / 1000;
    if (waitS > LONGEST_CALL_S) return { error: 'the call waited more than a day.' };
    return { call: { ...base, outcome, waitS, answeredAt: null, serviceS: null, afterCallS: null } };
  }
  if (answer === null || end === null || end < answer) return { error: 'an answered call needs an answer time and an end time after it.' };
  const waitS = neverQueued ? 0 : Math.max(0, answer - from) / 1000;
  const afterCallS = wrapEnd === null || wrapEnd < end ? null : (wrapEnd - end) / 1000;
  if (Math.max(waitS, (end - answer) / 1000, afterCallS ?? 0) > LONGEST_CALL_S) return { error: 'the call waited, lasted or was wrapped up for more than a day.' };
  return { call: { ...base, outcome, waitS, answeredAt: answer, serviceS: (end - answer) / 1000, afterCallS } };
}

function outcomeOf(mapping: CallLogMapping, value: string): CallOutcome {
  if (mapping.answered_values.includes(value)) return 'answered';
  if (mapping.abandoned_values.includes(value)) return 'abandoned';
  return 'other';
}

function priorityOf(mapping: CallLogMapping, cell: (column: string) => string): Priority {
  if (mapping.priority === undefined) return 'normal';
  const value = cell(mapping.priority).trim();
  if (mapping.priority_values) return Object.hasOwn(mapping.priority_values, value) ? mapping.priority_values[value]! : 'normal';
  return (PRIORITIES as readonly string[]).includes(value) ? (value as Priority) : 'normal';
}

const DATE_PATTERNS: Record<DateFormat, [RegExp, (m: RegExpMatchArray) => [number, number, number]]> = {
  iso: [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  yymmdd: [/^(\d{2})(\d{2})(\d{2})$/, (m) => [(+m[1]! < 70 ? 2000 : 1900) + +m[1]!, +m[2]!, +m[3]!]],
  yyyymmdd: [/^(\d{4})(\d{2})(\d{2})$/, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  'dd/mm/yyyy': [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => [+m[3]!, +m[2]!, +m[1]!]],
  'mm/dd/yyyy': [/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (m) => [+m[3]!, +m[1]!, +m[2]!]],
};

/** Midnight (UTC) of a date in the given format; undefined when it is not one. */
export function parseDate(value: string, format: DateFormat): number | undefined {
  const [pattern, parts] = DATE_PATTERNS[format];
  const match = value.match(pattern);
  if (!match) return undefined;
  const [year, month, day] = parts(match);
  const at = Date.UTC(year, month - 1, day);
  return new Date(at).getUTCDate() === day && month >= 1 && month <= 12 ? at : undefined;
}

const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * An instant from a time of day on `day` (a day later when it would fall before `after`), or from
 * a datetime (read as UTC when it carries no offset); undefined when it is neither.
 */
export function parseInstant(value: string, day: number | null, after: number | null): number | undefined {
  const clock = value.match(TIME_OF_DAY);
  if (clock) {
    if (day === null) return undefined;
    const [hours, minutes, seconds] = [+clock[1]!, +clock[2]!, +(clock[3] ?? 0) + +(clock[4] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
    const at = day + ((hours * 60 + minutes) * 60 + seconds) * 1000;
    return after !== null && at < after ? at + 86_400_000 : at;
  }
  const at = Date.parse(LOCAL_DATETIME.test(value) ? `${value.replace(' ', 'T')}Z` : value);
  return Number.isNaN(at) ? undefined : at;
}
