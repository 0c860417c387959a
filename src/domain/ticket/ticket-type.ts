import type { ConfigError } from '../automation/config-errors.js';
import { fail } from '../errors.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.js';
import type { JsonObject, JsonValue } from '../shared/json.js';

/** What a type's field holds, which decides the form control and the check at intake. */
export const FIELD_KINDS = ['text', 'textarea', 'number', 'select', 'multiselect', 'date', 'email', 'url', 'phone', 'boolean'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Text shown to people: one string, or one per locale (English is the fall-back). */
export type LocalizedText = string | Partial<Record<Locale, string>>;

export interface FieldOption {
  value: string;
  label?: LocalizedText;
}

/** One field of a ticket type, kept in `ticket.fields[key]`. */
export interface FieldDefinition {
  key: string;
  label: LocalizedText;
  kind: FieldKind;
  required?: boolean;
  help?: LocalizedText;
  options?: FieldOption[];
  /** Longest text, or smallest and largest number. */
  max_length?: number;
  min?: number;
  max?: number;
}

/** A kind of work with the fields it needs: "a work order asks for an address". */
export interface TicketTypeDocument {
  name: string;
  label: LocalizedText;
  description?: LocalizedText;
  /** Offered on the public request form (default true). */
  portal?: boolean;
  fields: FieldDefinition[];
}

export interface TicketType extends TicketTypeDocument {
  workspaceId: string;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export const TYPE_NAME = /^[a-z][a-z0-9_]{0,39}$/;
const FIELD_KEY = /^[a-z][a-z0-9_]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{5,32}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The document part of a stored type, as events, exports and the store keep it. */
export function ticketTypeDocument(type: TicketType): TicketTypeDocument {
  const { workspaceId: _workspace, version: _version, createdAt: _created, updatedAt: _updated, ...document } = type;
  return document;
}

/** The text for a locale: its own, else English, else the first one given. */
export function localized(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text[DEFAULT_LOCALE] ?? Object.values(text).find((value) => value) ?? '';
}

/** The mistakes in a type document (names, duplicate keys, options only for choices, bounds in order). */
export function checkTicketType(doc: TicketTypeDocument, path = ''): ConfigError[] {
  const errors: ConfigError[] = [];
  if (!TYPE_NAME.test(doc.name)) errors.push({ path: `${path}/name`, message: 'A type name is lower-case letters, digits and _, starting with a letter.' });
  const seen = new Set<string>();
  doc.fields.forEach((field, index) => {
    const at = `${path}/fields/${index}`;
    if (!FIELD_KEY.test(field.key)) errors.push({ path: `${at}/key`, message: 'A field key is lower-case letters, digits and _, starting with a letter.' });
    if (seen.has(field.key)) errors.push({ path: `${at}/key`, message: `The field "${field.key}" is defined twice.` });
    seen.add(field.key);
    const choice = field.kind === 'select' || field.kind === 'multiselect';
    if (choice && (field.options?.length ?? 0) === 0) errors.push({ path: `${at}/options`, message: 'A select field needs options.' });
    if (!choice && field.options !== undefined) errors.push({ path: `${at}/options`, message: 'Only select fields have options.' });
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) errors.push({ path: `${at}/min`, message: 'min is above max.' });
  });
  return errors;
}

function blank(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** The required fields a ticket's values leave empty, in the type's order. */
export function missingFields(
  type: Pick<TicketTypeDocument, 'fields'>, values: JsonObject,
): FieldDefinition[] {
  return type.fields.filter((field) => field.required && blank(values[field.key]));
}

/** Throws `invalid_fields`, listing each path, unless every value fits the type. */
export function assertFieldValues(type: TicketTypeDocument, values: JsonObject): void {
  const errors = checkFieldValues(type, values);
  if (errors.length > 0) throw fail('invalid_fields', `${errors.length} field value(s) do not fit the type "${type.name}".`, { errors });
}

/** The values that do not fit their field's kind, options or bounds; fields the type does not define pass as they are. */
export function checkFieldValues(
  type: Pick<TicketTypeDocument, 'fields'>, values: JsonObject, path = '/fields',
): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const field of type.fields) {
    const value = values[field.key];
    if (blank(value)) continue;
    const problem = valueProblem(field, value as JsonValue);
    if (problem) errors.push({ path: `${path}/${field.key}`, message: problem });
  }
  return errors;
}

function valueProblem(field: FieldDefinition, value: JsonValue): string | null {
  switch (field.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Expected a number.';
      if (field.min !== undefined && value < field.min) return `Expected at least ${field.min}.`;
      return field.max !== undefined && value > field.max ? `Expected at most ${field.max}.` : null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Expected true or false.';
    case 'select':
      return typeof value === 'string' && hasOption(field, value) ? null : `Expected one of: ${optionList(field)}.`;
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && hasOption(field, v)) ? null : `Expected a list of: ${optionList(field)}.`;
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'Expected a date as YYYY-MM-DD.';
    case 'email':
      return textProblem(field, value) ?? (EMAIL.test(value as string) ? null : 'Expected an e-mail address.');
    case 'url':
      return textProblem(field, value) ?? (/^https?:\/\/\S+$/i.test(value as string) ? null : 'Expected an http(s) address.');
    case 'phone':
      return textProblem(field, value) ?? (PHONE.test(value as string) ? null : 'Expected a phone number.');
    case 'text':
    case 'textarea':
      return textProblem(field, value);
  }
}

function textProblem(field: FieldDefinition, value: JsonValue): string | null {
  if (typeof value !== 'string') return 'Expected text.';
  const limit = field.max_length ?? (field.kind === 'textarea' ? 20_000 : 500);
  return [...value].length > limit ? `Expected at most ${limit} characters.` : null;
}

function hasOption(field: FieldDefinition, value: string): boolean {
  return (field.options ?? []).some((option) => option.value === value);
}

function optionList(field: FieldDefinition): string {
  return (field.options ?? []).map((option) => option.value).join(', ');
}

/** Each custom field of each type, as expression editors offer them. */
export function customFieldUses(types: readonly TicketTypeDocument[]): { key: string; kind: FieldKind; ticketType: string }[] {
  return types.flatMap((type) => type.fields.map((field) => ({ key: field.key, kind: field.kind, ticketType: type.name })));
}
