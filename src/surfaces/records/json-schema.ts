import type { TSchema } from 'typebox';

/** The parts of JSON Schema that the record tools read from the API's TypeBox schemas. */
export interface JsonSchema {
  type?: string;
  const?: unknown;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

/** A TypeBox schema read as the plain JSON Schema it is. */
export function jsonSchema(schema: TSchema): JsonSchema {
  return schema as JsonSchema;
}

/** The schema inside `Nullable(…)`, or the schema itself. */
export function withoutNull(schema: JsonSchema): JsonSchema {
  const others = schema.anyOf?.filter((member) => member.type !== 'null');
  return others?.length === 1 ? others[0]! : schema;
}
