import { Type } from 'typebox';
import { LOCALES } from '../../../domain/i18n/locales.js';
import { FIELD_KINDS, type FieldDefinition, type LocalizedText } from '../../../domain/ticket/ticket-type.js';
import { Echo, literals, Strict, Text } from '../common-schemas.js';
import { TicketType } from '../tickets/ticket-schemas.js';

/** A label in one language, or one per locale (`{"en": "Address", "fi": "Osoite"}`). */
const Localized = (maxLength: number) => Type.Union([
  Text(maxLength, 1),
  Type.Object(Object.fromEntries(LOCALES.map((locale) => [locale, Type.Optional(Text(maxLength, 1))])), { additionalProperties: false, minProperties: 1 }),
]);

const FieldDefinitionBody = Strict({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' }),
  label: Localized(200),
  kind: literals(FIELD_KINDS),
  required: Type.Optional(Type.Boolean()),
  help: Type.Optional(Localized(1000)),
  options: Type.Optional(Type.Array(Strict({ value: Text(100, 1), label: Type.Optional(Localized(200)) }), { maxItems: 200 })),
  max_length: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
});

/** A ticket type as written: its fields, labels per locale, and whether the public form offers it. */
export const TicketTypeBody = Strict({
  name: TicketType,
  label: Localized(200),
  description: Type.Optional(Localized(2000)),
  portal: Type.Optional(Type.Boolean()),
  fields: Type.Array(FieldDefinitionBody, { maxItems: 100 }),
});

export const TicketTypeParams = Strict({ name: TicketType });

/** Text shown to people, as saved: one string, or one per locale. */
export const LocalizedOutput = Type.Unsafe<LocalizedText>(Type.Union([
  Type.String(), Type.Record(Type.String(), Type.String()),
]));

/** A ticket type: the document as written, its version and when it changed. */
export const TicketTypeOutput = Type.Object({
  name: Type.String(),
  label: LocalizedOutput,
  description: Type.Optional(LocalizedOutput),
  portal: Type.Optional(Type.Boolean()),
  fields: Type.Array(Echo<FieldDefinition>('a field as written, in the shape the type\'s body takes')),
  version: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
});
