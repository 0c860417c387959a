import { BOOL, INT, STRING, listOf, type ExprType } from './expr-type.js';
import { checkParams, fixedFunction, resolved, type FunctionDefinition, type Resolution } from './function-definition.js';
import { codePointLength, describeValue, expectList, expectString, fail, isPlainObject } from './runtime.js';
import type { FunctionImpl } from './typed-ast.js';

function stringSize(value: unknown): number {
  return codePointLength(expectString(value));
}

function listSize(value: unknown): number {
  return expectList(value).length;
}

function mapSize(value: unknown): number {
  if (!isPlainObject(value)) return fail(`expected a map, got ${describeValue(value)}`);
  return Object.keys(value).length;
}

function dynamicSize(value: unknown): number {
  if (typeof value === 'string') return codePointLength(value);
  if (Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  return fail(`size() needs a string, list or map, got ${describeValue(value)}`);
}

function resolveSize(args: readonly ExprType[]): Resolution {
  switch (args[0]?.kind) {
    case 'string': return resolved('size', INT, stringSize);
    case 'list': return resolved('size', INT, listSize);
    case 'map': return resolved('size', INT, mapSize);
    case 'dyn': return resolved('size', INT, dynamicSize);
    default: return { mismatch: { argument: 0, expected: 'string, list or map' } };
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

// ASCII-only case mapping, as CEL's strings extension defines it: 'İ' and 'ß' stay as they are.
function mapAscii(value: unknown, upper: boolean): string {
  const text = expectString(value);
  if (isAscii(text)) return upper ? text.toUpperCase() : text.toLowerCase();
  const pattern = upper ? /[a-z]+/g : /[A-Z]+/g;
  return text.replace(pattern, (run) => (upper ? run.toUpperCase() : run.toLowerCase()));
}

/** Lowers text, remembering the last one: routing asks about the same ticket for many agents. */
function lowerCaser(): (text: unknown) => string {
  let lastText: string | undefined;
  let lastLower = '';
  return (text) => {
    const value = expectString(text);
    if (value !== lastText) {
      lastText = value;
      lastLower = value.toLowerCase();
    }
    return lastLower;
  };
}

function lowerNeedles(raw: unknown): string[] {
  return expectList(raw).map((needle) => expectString(needle).toLowerCase());
}

/** Case-insensitive "contains any of" with needles known only at run time. */
function containsAny(): FunctionImpl {
  const lower = lowerCaser();
  return (text, raw) => {
    const haystack = lower(text);
    return lowerNeedles(raw).some((needle) => haystack.includes(needle));
  };
}

/** With a constant list, the needles are lowered once here and the body takes only the text. */
function specializeContainsAny(constants: ReadonlyArray<{ value: unknown } | undefined>): FunctionImpl | undefined {
  const list = constants[1];
  if (constants[0] || !list || !Array.isArray(list.value) || !list.value.every((item) => typeof item === 'string')) return undefined;
  const needles = lowerNeedles(list.value);
  const lower = lowerCaser();
  return (text) => {
    const haystack = lower(text);
    for (const needle of needles) if (haystack.includes(needle)) return true;
    return false;
  };
}

/** size, contains, startsWith, endsWith, lowerAscii, upperAscii, trim and contains_any. */
export const STRING_FUNCTIONS: readonly FunctionDefinition[] = [
  { name: 'size', style: 'both', arity: 1, resolve: resolveSize },
  fixedFunction('contains', 'receiver', [STRING, STRING], BOOL, (s, t) => expectString(s).includes(expectString(t))),
  fixedFunction('startsWith', 'receiver', [STRING, STRING], BOOL, (s, t) => expectString(s).startsWith(expectString(t))),
  fixedFunction('endsWith', 'receiver', [STRING, STRING], BOOL, (s, t) => expectString(s).endsWith(expectString(t))),
  fixedFunction('lowerAscii', 'receiver', [STRING], STRING, (s) => mapAscii(s, false)),
  fixedFunction('upperAscii', 'receiver', [STRING], STRING, (s) => mapAscii(s, true)),
  fixedFunction('trim', 'receiver', [STRING], STRING, (s) => expectString(s).trim()),
  {
    name: 'contains_any',
    style: 'receiver',
    arity: 2,
    resolve(args) {
      const mismatch = checkParams([STRING, listOf(STRING)], args);
      if (mismatch) return { mismatch };
      // A fresh body per call site, so each keeps its own memo of the last text.
      return { result: BOOL, fn: { name: 'contains_any', impl: containsAny(), specialize: specializeContainsAny } };
    },
  },
];
