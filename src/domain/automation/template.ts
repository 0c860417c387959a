import type { Ticket } from '../ticket/ticket.js';

/** The variables a canned response or follow-up title may use, besides `ticket.fields.<name>`. */
export const TEMPLATE_VARIABLES = [
  'ticket.id', 'ticket.title', 'ticket.type', 'ticket.priority', 'ticket.status', 'ticket.queue', 'ticket.channel',
  'ticket.language', 'ticket.escalation_level', 'customer.id', 'customer.name', 'customer.email', 'customer.organization',
  'customer.tier', 'assignee.name',
] as const;

const VARIABLE = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;
const FIELD_VARIABLE = /^ticket\.fields\.[A-Za-z0-9_]{1,100}$/;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

/** One mistake in a template, at its character offset. */
export interface TemplateError {
  offset: number;
  message: string;
}

/** Every unknown variable and stray `{{` in the template; none means it renders. */
export function checkTemplate(template: string): TemplateError[] {
  const errors: TemplateError[] = [];
  const covered: [number, number][] = [];
  for (const match of template.matchAll(VARIABLE)) {
    covered.push([match.index, match.index + match[0].length]);
    const name = match[1]!;
    if (!KNOWN.has(name) && !FIELD_VARIABLE.test(name)) {
      errors.push({ offset: match.index, message: `Unknown variable {{${name}}}; use one of ${TEMPLATE_VARIABLES.join(', ')} or ticket.fields.<name>.` });
    }
  }
  for (let at = template.indexOf('{{'); at >= 0; at = template.indexOf('{{', at + 2)) {
    if (!covered.some(([start, end]) => at >= start && at < end)) errors.push({ offset: at, message: 'A "{{" that does not open a variable like {{ticket.title}}.' });
  }
  return errors;
}

/** The names a template's variables stand for, as plain text. */
export type TemplateValues = (name: string) => string;

/**
 * Fills the variables in one pass. Values are inserted as plain text: a value that itself looks
 * like `{{…}}` (a customer's title, say) is never expanded, and control characters are dropped,
 * so nothing a requester typed can steer the template or forge lines in a header.
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(VARIABLE, (_whole, name: string) => sanitize(values(name)));
}

function sanitize(value: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point.
  return value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');
}

/** What the variables read of a ticket: a stored one, or one as the API shows it (the dashboard fills canned replies in too). */
export interface TemplateTicket {
  id: string;
  title: string;
  type: string;
  priority: string;
  status: string;
  queue: string | null;
  channel: string;
  language: string | null;
  escalation: { level: number };
  fields: Readonly<Record<string, unknown>>;
  customer: { id?: string | null; name?: string | null; email?: string | null; organization?: string | null; tier?: string | null } | null;
}

/** The template values of a ticket (and the name of its assignee, looked up by the caller). */
export function ticketTemplateValues(ticket: TemplateTicket | Ticket, assigneeName: string | null): TemplateValues {
  const customer = ticket.customer;
  const known: Record<string, unknown> = {
    'ticket.id': ticket.id, 'ticket.title': ticket.title, 'ticket.type': ticket.type, 'ticket.priority': ticket.priority,
    'ticket.status': ticket.status, 'ticket.queue': ticket.queue, 'ticket.channel': ticket.channel, 'ticket.language': ticket.language,
    'ticket.escalation_level': ticket.escalation.level, 'customer.id': customer?.id, 'customer.name': customer?.name,
    'customer.email': customer?.email, 'customer.organization': customer?.organization, 'customer.tier': customer?.tier,
    'assignee.name': assigneeName,
  };
  return (name) => {
    const value = name.startsWith('ticket.fields.') ? ticket.fields[name.slice('ticket.fields.'.length)] : known[name];
    if (value === null || value === undefined) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
}
