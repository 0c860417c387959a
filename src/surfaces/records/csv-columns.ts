import type { TSchema } from 'typebox';
import { decodeCell, encodeCell, type CellCodec } from './csv-cells.js';
import { jsonSchema, withoutNull, type JsonSchema } from './json-schema.js';

/** One CSV column: its dotted name, where its value sits in the wire object, and how it is spelled. */
export interface CsvColumn {
  name: string;
  path: string[];
  codec: CellCodec;
}

/**
 * The columns of a wire shape, derived from its output schema so exports and imports agree and
 * follow the API: nested objects become dotted columns (`customer.email`), lists of scalars and
 * name → number maps become `;`-separated text, free-form values become JSON text.
 */
export function csvColumns(schema: TSchema): CsvColumn[] {
  return columnsOf(jsonSchema(schema), []);
}

function columnsOf(schema: JsonSchema, path: string[]): CsvColumn[] {
  const inner = withoutNull(schema);
  if (inner.type === 'object' && inner.properties) {
    return Object.entries(inner.properties).flatMap(([key, property]) => columnsOf(property, [...path, key]));
  }
  return [{ name: path.join('.'), path, codec: codecOf(inner) }];
}

const isScalar = (schema: JsonSchema | undefined): boolean =>
  schema !== undefined && ['string', 'integer', 'number'].includes(schema.type ?? '');

function codecOf(schema: JsonSchema): CellCodec {
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  if (schema.type === 'string' || schema.anyOf?.every(isScalar)) return 'text';
  if (schema.type === 'array' && isScalar(schema.items)) return 'list';
  const values = Object.values(schema.patternProperties ?? {});
  if (schema.type === 'object' && values.length > 0 && values.every((value) => value.type === 'integer' || value.type === 'number')) return 'pairs';
  return 'json';
}

/** A wire object as the cells of `columns`; null and missing values are empty cells. */
export function encodeRow(columns: readonly CsvColumn[], record: object): string[] {
  return columns.map((column) => {
    let value: unknown = record;
    for (const key of column.path) value = value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>)[key];
    return value === null || value === undefined ? '' : encodeCell(column.codec, value);
  });
}

/**
 * One CSV record as a wire object. Empty cells are left out; columns the layout does not know are
 * kept as text, so validation names them as unknown fields the way the API does.
 */
export function decodeRow(columns: ReadonlyMap<string, CsvColumn>, header: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  header.forEach((name, i) => {
    const cell = cells[i] ?? '';
    if (cell === '') return;
    const column = columns.get(name) ?? { name, path: name.split('.'), codec: 'text' };
    setAt(record, column.path, decodeCell(column.codec, cell, `/${column.path.join('/')}`));
  });
  return record;
}

/** Sets a nested value with own properties only, so a column named `__proto__.x` cannot reach a prototype. */
function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const existing = Object.hasOwn(node, key) ? node[key] : undefined;
    const child = existing !== null && typeof existing === 'object' ? (existing as Record<string, unknown>) : {};
    Object.defineProperty(node, key, { value: child, enumerable: true, writable: true, configurable: true });
    node = child;
  });
}
