import { ExpressionRuntimeError } from './expression-error.js';

/** Values a compiled expression works on: JSON-like data, numbers for ints, doubles and timestamps. */
export type PlainObject = Record<string, unknown>;

const MAX_VALUE_DEPTH = 100;

/** Stops the evaluation with a runtime fault. */
export function fail(message: string): never {
  throw new ExpressionRuntimeError(message);
}

/** The kind of a run-time value, for messages: `null`, `bool`, `number`, `string`, `list`, `map`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'boolean': return 'bool';
    case 'number': return Number.isInteger(value) ? 'int' : 'double';
    case 'string': return 'string';
    case 'object': return isPlainObject(value) ? 'map' : 'unsupported value';
    default: return 'unsupported value';
  }
}

/** True for data objects only: an object literal or a null-prototype object, never a class instance. */
export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The value as a string, or a runtime fault naming what was found instead. */
export function expectString(value: unknown): string {
  if (typeof value === 'string') return value;
  return fail(`expected a string, got ${describeValue(value)}`);
}

/** The value as a number (int, double or timestamp), or a runtime fault. */
export function expectNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  return fail(`expected a number, got ${describeValue(value)}`);
}

/** The value as a bool, or a runtime fault. */
export function expectBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return fail(`expected a bool, got ${describeValue(value)}`);
}

/** The value as a list, or a runtime fault. */
export function expectList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return fail(`expected a list, got ${describeValue(value)}`);
}

/** The value as a map or object, or a runtime fault (null included: member access on null). */
export function expectObject(value: unknown): PlainObject {
  if (isPlainObject(value)) return value;
  return fail(`expected a map or object, got ${describeValue(value)}`);
}

/** An own property of a plain object; inherited names (`__proto__`, `constructor`) are never found. */
export function readKey(target: unknown, key: unknown): unknown {
  const object = expectObject(target);
  if (typeof key !== 'string') return fail(`map keys are strings, got ${describeValue(key)}`);
  if (!Object.hasOwn(object, key)) return fail(`no such key: '${key}'`);
  const value = object[key];
  return value === undefined ? null : value;
}

/** An element of a list by int position, with bounds checked. */
export function readElement(target: unknown, index: unknown): unknown {
  const list = expectList(target);
  if (typeof index !== 'number' || !Number.isInteger(index)) return fail(`list index must be an int, got ${describeValue(index)}`);
  if (index < 0 || index >= list.length) return fail(`index ${index} out of range for a list of size ${list.length}`);
  const value = list[index];
  return value === undefined ? null : value;
}

/** `m[k]` or `l[i]` when the target's type is only known at run time. */
export function readDynamic(target: unknown, index: unknown): unknown {
  return Array.isArray(target) ? readElement(target, index) : readKey(target, index);
}

/** An int result, refused when it leaves the range JS numbers hold exactly. */
export function checkedInt(value: number): number {
  if (Number.isSafeInteger(value)) return value;
  return fail('int overflow');
}

/** CEL equality: by value for lists and maps, numbers by value whatever their type, false across types. */
export function celEquals(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (depth > MAX_VALUE_DEPTH) return fail('values are nested too deeply to compare');
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => celEquals(item, b[i], depth + 1));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && celEquals(a[key], b[key], depth + 1));
}

/** Whether `list` holds a value equal to `item` under CEL equality. */
export function listContains(list: unknown[], item: unknown): boolean {
  if (typeof item !== 'object' || item === null) return list.includes(item);
  for (const element of list) if (celEquals(element, item)) return true;
  return false;
}

/** The number of Unicode code points, which is what CEL's size() counts for strings. */
export function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
