import { BusinessCalendar, CALENDAR_TIME, type SlaCalendar } from '../../domain/sla/business-calendar.js';
import type { BusinessHours } from '../../domain/sla/business-hours.js';
import { compileSlaPolicies, type CompiledSlaPolicy, type SlaPolicy } from '../../domain/sla/sla-policy.js';

/** A workspace's SLA policies, ready to match, and its calendars, ready to count. */
export interface SlaCatalog {
  policies: CompiledSlaPolicy[];
  /** The calendar of a target; calendar time for null or for a calendar removed since. */
  calendarOf(businessHoursId: string | null): SlaCalendar;
}

const MAX_CACHED = 500;
/**
 * Calendars by id and version, kept across requests: a calendar caches its days, so reusing it
 * makes due-time sums cheap. A saved change bumps the version, so a stale one is never used.
 */
const calendars = new Map<string, BusinessCalendar>();
/** Compiled policies by id and version, for the same reason. */
const compiled = new Map<string, CompiledSlaPolicy[]>();

/** A catalog of settings already read (policies in order); calendars and compiled conditions are reused across calls. */
export function catalogOf(policies: readonly SlaPolicy[], hours: readonly BusinessHours[]): SlaCatalog {
  const byId = new Map(hours.map((h) => [h.id, calendarFor(h)]));
  return {
    policies: policies.map((p) => compiledFor(p)).filter((p): p is CompiledSlaPolicy => p !== undefined),
    calendarOf: (id) => (id === null ? CALENDAR_TIME : byId.get(id) ?? CALENDAR_TIME),
  };
}

function calendarFor(hours: BusinessHours): BusinessCalendar {
  const key = `${hours.id}@${hours.version}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size >= MAX_CACHED) calendars.clear();
    calendar = new BusinessCalendar(hours);
    calendars.set(key, calendar);
  }
  return calendar;
}

function compiledFor(policy: SlaPolicy): CompiledSlaPolicy | undefined {
  const key = `${policy.id}@${policy.version}`;
  let entry = compiled.get(key);
  if (!entry) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    entry = compileSlaPolicies([policy]);
    compiled.set(key, entry);
  }
  // The cached entry may carry an older position; the order is the list's, so pair it with this row.
  return entry[0] && { policy, matches: entry[0].matches };
}
