/**
 * Static types of the expression language. Values at run time are plain JS: ints and doubles are
 * numbers, timestamps are milliseconds since the epoch, lists are arrays, maps and objects are
 * plain objects.
 */
export type ExprType =
  | { kind: 'bool' } | { kind: 'int' } | { kind: 'double' } | { kind: 'string' } | { kind: 'timestamp' }
  | { kind: 'null' } | { kind: 'dyn' }
  | { kind: 'list'; of: ExprType } | { kind: 'map'; key: ExprType; value: ExprType }
  | { kind: 'object'; name: string; fields: Record<string, ExprType>; nullable?: boolean };

export type ObjectType = Extract<ExprType, { kind: 'object' }>;

export const BOOL: ExprType = { kind: 'bool' };
export const INT: ExprType = { kind: 'int' };
export const DOUBLE: ExprType = { kind: 'double' };
export const STRING: ExprType = { kind: 'string' };
export const TIMESTAMP: ExprType = { kind: 'timestamp' };
export const NULL: ExprType = { kind: 'null' };
export const DYN: ExprType = { kind: 'dyn' };

/** A list type whose elements have type `of`. */
export function listOf(of: ExprType): ExprType {
  return { kind: 'list', of };
}

/** A map type from `key` to `value`. */
export function mapOf(key: ExprType, value: ExprType): ExprType {
  return { kind: 'map', key, value };
}

/** The name of a type as policy authors read it: `list<string>`, `Ticket`, `map<string, int>`. */
export function typeName(type: ExprType): string {
  switch (type.kind) {
    case 'list': return `list<${typeName(type.of)}>`;
    case 'map': return `map<${typeName(type.key)}, ${typeName(type.value)}>`;
    case 'object': return type.name;
    default: return type.kind;
  }
}

/** True for int and double, which share one run-time representation (a JS number). */
export function isNumeric(type: ExprType): boolean {
  return type.kind === 'int' || type.kind === 'double';
}

/** The fields of an object type, looked up without reaching inherited names like `constructor`. */
export function fieldType(type: ObjectType, field: string): ExprType | undefined {
  return Object.hasOwn(type.fields, field) ? type.fields[field] : undefined;
}

/** True when a value of type `from` may stand where `to` is expected; `dyn` fits either way. */
export function isAssignable(from: ExprType, to: ExprType): boolean {
  if (from.kind === 'dyn' || to.kind === 'dyn') return true;
  // null stands for an absent value: objects, strings and timestamps may be null at run time.
  if (from.kind === 'null') return to.kind === 'null' || to.kind === 'object' || to.kind === 'string' || to.kind === 'timestamp';
  if (from.kind === 'int' && to.kind === 'double') return true;
  switch (to.kind) {
    case 'list': return from.kind === 'list' && isAssignable(from.of, to.of);
    case 'map': return from.kind === 'map' && isAssignable(from.key, to.key) && isAssignable(from.value, to.value);
    case 'object': return from.kind === 'object' && from.name === to.name;
    default: return from.kind === to.kind;
  }
}

/** True when `a == b` is meaningful: same shape, both numbers, or one side null or dyn. */
export function isComparable(a: ExprType, b: ExprType): boolean {
  if (a.kind === 'dyn' || b.kind === 'dyn' || a.kind === 'null' || b.kind === 'null') return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  if (a.kind === 'list' && b.kind === 'list') return isComparable(a.of, b.of);
  if (a.kind === 'map' && b.kind === 'map') return isComparable(a.key, b.key) && isComparable(a.value, b.value);
  if (a.kind === 'object' && b.kind === 'object') return a.name === b.name;
  return a.kind === b.kind;
}

/** How two operands of `<`, `<=`, `>`, `>=` compare, or undefined when they cannot be ordered. */
export function orderingMode(a: ExprType, b: ExprType): 'number' | 'string' | 'dyn' | undefined {
  const numberLike = (t: ExprType): boolean => isNumeric(t) || t.kind === 'timestamp';
  if (a.kind === 'dyn' || b.kind === 'dyn') {
    const other = a.kind === 'dyn' ? b : a;
    return other.kind === 'dyn' || numberLike(other) || other.kind === 'string' ? 'dyn' : undefined;
  }
  if (isNumeric(a) && isNumeric(b)) return 'number';
  if (a.kind === 'timestamp' && b.kind === 'timestamp') return 'number';
  if (a.kind === 'string' && b.kind === 'string') return 'string';
  return undefined;
}

/** The type of a value that may come from either of two branches (ternary, list literal). */
export function joinTypes(a: ExprType, b: ExprType): ExprType {
  if (a.kind === 'dyn' || b.kind === 'dyn') return DYN;
  if (a.kind === 'null') return b.kind === 'object' ? { ...b, nullable: true } : b;
  if (b.kind === 'null') return joinTypes(b, a);
  if (isNumeric(a) && isNumeric(b)) return a.kind === b.kind ? a : DOUBLE;
  if (a.kind === 'list' && b.kind === 'list') return listOf(joinTypes(a.of, b.of));
  if (a.kind === 'map' && b.kind === 'map') return mapOf(joinTypes(a.key, b.key), joinTypes(a.value, b.value));
  if (a.kind === 'object' && b.kind === 'object' && a.name === b.name) {
    return a.nullable || !b.nullable ? a : b;
  }
  return a.kind === b.kind && a.kind !== 'object' ? a : DYN;
}
