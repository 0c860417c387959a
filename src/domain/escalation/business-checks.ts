import type { Ticket } from '../ticket/ticket.js';

/** Named formats a field can be checked against; linear patterns only (no user-written regular expressions). */
export const FIELD_FORMATS = ['email', 'phone', 'digits', 'alphanumeric', 'url', 'date'] as const;
export type FieldFormat = (typeof FIELD_FORMATS)[number];

const FORMAT_PATTERNS: Record<FieldFormat, RegExp> = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  phone: /^\+?[0-9 ()-]{6,20}$/,
  digits: /^[0-9]+$/,
  alphanumeric: /^[A-Za-z0-9_-]+$/,
  url: /^https?:\/\/[^\s]+$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

/** The business rules a ticket is checked against (part of the escalation config). */
export interface ChecksConfig {
  /** Custom fields a ticket must carry, by category; `*` applies to every category. */
  requiredFields: Record<string, string[]>;
  /** Custom fields that, when present, must have a format. */
  formats: Record<string, FieldFormat>;
  /** Tags or keyword flags that are policy flags (legal hold, chargeback, …). */
  policyFlags: string[];
  /** A ticket with fewer words than this in its title and description is ambiguous. */
  minWords: number;
}

/** What the checks found; empty lists and `false` mean the ticket passes. */
export interface BusinessChecks {
  missing_fields: string[];
  policy_flags: string[];
  ambiguous: boolean;
  format_errors: string[];
}

export const DEFAULT_CHECKS: ChecksConfig = { requiredFields: {}, formats: {}, policyFlags: [], minWords: 3 };

/** Runs the business-rule checks on a ticket of the given category; pure. */
export function runBusinessChecks(ticket: Ticket, category: string, config: ChecksConfig): BusinessChecks {
  const required = [...(config.requiredFields['*'] ?? []), ...(config.requiredFields[category] ?? [])];
  const missing = [...new Set(required)].filter((name) => isBlank(ticket.fields[name]));
  const formatErrors = Object.entries(config.formats)
    .filter(([name, format]) => !isBlank(ticket.fields[name]) && !matchesFormat(ticket.fields[name], format))
    .map(([name]) => name);
  const marks = new Set([...ticket.tags, ...(ticket.signals?.flags ?? [])]);
  const words = `${ticket.title} ${ticket.description}`.split(/\s+/).filter(Boolean).length;
  return {
    missing_fields: missing,
    policy_flags: config.policyFlags.filter((flag) => marks.has(flag)),
    ambiguous: words < config.minWords,
    format_errors: formatErrors,
  };
}

/** True when the value has the named format; only strings and numbers can. */
function matchesFormat(value: unknown, format: FieldFormat): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const text = String(value);
  return text.length <= 2000 && FORMAT_PATTERNS[format].test(text);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
