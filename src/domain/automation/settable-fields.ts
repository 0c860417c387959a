import type { JsonObject, JsonValue } from '../shared/json.js';
import { TICKET_STATUSES, type TicketStatus } from '../ticket/status.js';
import { PRIORITIES, type Priority, type Ticket, type TicketPatch } from '../ticket/ticket.js';

/** The ticket fields a `set` action may change, besides custom fields (`fields.<name>`). */
export const SETTABLE_FIELDS = ['priority', 'status', 'type', 'title', 'language'] as const;
type SettableField = (typeof SETTABLE_FIELDS)[number];

const CUSTOM_FIELD = /^fields\.([A-Za-z0-9_]{1,100})$/;
const TYPE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Why a `set` action cannot be saved, or undefined when it can. `path` is relative to the action. */
export function checkSet(field: string, value: JsonValue): { path: string; message: string } | undefined {
  if (CUSTOM_FIELD.test(field)) return undefined;
  if (!(SETTABLE_FIELDS as readonly string[]).includes(field)) {
    return { path: '/field', message: `Ticket has no settable field "${field}"; use one of ${SETTABLE_FIELDS.join(', ')} or fields.<name>.` };
  }
  const problem = valueProblem(field as SettableField, value);
  return problem ? { path: '/value', message: problem } : undefined;
}

function valueProblem(field: SettableField, value: JsonValue): string | undefined {
  switch (field) {
    case 'priority': return (PRIORITIES as readonly unknown[]).includes(value) ? undefined : `priority is one of ${PRIORITIES.join(', ')}.`;
    case 'status': return (TICKET_STATUSES as readonly unknown[]).includes(value) ? undefined : `status is one of ${TICKET_STATUSES.join(', ')}.`;
    case 'type': return typeof value === 'string' && TYPE_PATTERN.test(value) ? undefined : 'type is a lower-case word such as "support".';
    case 'title': return typeof value === 'string' && value.trim().length > 0 && value.length <= 500 ? undefined : 'title is 1 to 500 characters.';
    case 'language': return value === null || (typeof value === 'string' && LANGUAGE_PATTERN.test(value)) ? undefined : 'language is a BCP 47 tag such as "en", or null.';
    default: return undefined;
  }
}

/** The patch a checked `set` action makes to the ticket; `fields.<name>` set to null removes the field. */
export function setPatch(ticket: Ticket, field: string, value: JsonValue): TicketPatch {
  const custom = CUSTOM_FIELD.exec(field);
  if (custom) {
    const fields: JsonObject = { ...ticket.fields };
    if (value === null) delete fields[custom[1]!];
    else fields[custom[1]!] = value;
    return { fields };
  }
  switch (field as SettableField) {
    case 'priority': return { priority: value as Priority };
    case 'status': return { status: value as TicketStatus };
    case 'type': return { type: value as string };
    case 'title': return { title: value as string };
    case 'language': return { language: value as string | null };
    default: return {};
  }
}
