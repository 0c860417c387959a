import { DOUBLE, DYN, INT, STRING, TIMESTAMP, type ExprType } from './expr-type.js';
import { resolved, type FunctionDefinition, type Resolution } from './function-definition.js';
import { describeValue, fail } from './runtime.js';
import { formatTimestamp, parseTimestamp } from './timestamps.js';

const INT_TEXT = /^[+-]?\d+$/;
const DOUBLE_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_TIMESTAMP_MS = 8.64e15;

function intFromDouble(value: number): number {
  const truncated = Math.trunc(value);
  return Number.isSafeInteger(truncated) ? truncated : fail(`int() of ${value} is out of range`);
}

function intFromString(value: string): number {
  const parsed = INT_TEXT.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(parsed) ? parsed : fail(`int() cannot convert '${value}'`);
}

function doubleFromString(value: string): number {
  return DOUBLE_TEXT.test(value) ? Number(value) : fail(`double() cannot convert '${value}'`);
}

function timestampFromString(value: string): number {
  return parseTimestamp(value) ?? fail(`timestamp() cannot parse '${value}'`);
}

function timestampText(value: number): string {
  return Math.abs(value) <= MAX_TIMESTAMP_MS ? formatTimestamp(value) : fail('timestamp is out of range');
}

function dynamicInt(value: unknown): number {
  if (typeof value === 'number') return intFromDouble(value);
  if (typeof value === 'string') return intFromString(value);
  return fail(`int() cannot convert ${describeValue(value)}`);
}

function dynamicDouble(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return doubleFromString(value);
  return fail(`double() cannot convert ${describeValue(value)}`);
}

function dynamicString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fail(`string() cannot convert ${describeValue(value)}`);
}

// The bodies below take `unknown` because that is what compiled code hands them; each checks
// what it relies on, since a null may arrive where the static type said string or number.
function resolveInt(args: readonly ExprType[]): Resolution {
  switch (args[0]?.kind) {
    case 'int': return resolved('int', INT, (v) => v);
    case 'double': case 'dyn': return resolved('int', INT, dynamicInt);
    case 'string': return resolved('int', INT, (v) => intFromString(typeof v === 'string' ? v : fail('int() of null')));
    // CEL converts a timestamp to whole seconds since the epoch.
    case 'timestamp': return resolved('int', INT, (v) => Math.floor((typeof v === 'number' ? v : fail('int() of null')) / 1000));
    default: return { mismatch: { argument: 0, expected: 'int, double, string or timestamp' } };
  }
}

function resolveDouble(args: readonly ExprType[]): Resolution {
  switch (args[0]?.kind) {
    case 'int': case 'double': case 'string': case 'dyn': return resolved('double', DOUBLE, dynamicDouble);
    default: return { mismatch: { argument: 0, expected: 'int, double or string' } };
  }
}

function resolveString(args: readonly ExprType[]): Resolution {
  switch (args[0]?.kind) {
    case 'string': case 'int': case 'double': case 'bool': case 'dyn': return resolved('string', STRING, dynamicString);
    case 'timestamp': return resolved('string', STRING, (v) => timestampText(typeof v === 'number' ? v : fail('string() of null')));
    default: return { mismatch: { argument: 0, expected: 'string, int, double, bool or timestamp' } };
  }
}

function resolveTimestamp(args: readonly ExprType[]): Resolution {
  switch (args[0]?.kind) {
    case 'timestamp': return resolved('timestamp', TIMESTAMP, (v) => v);
    case 'string': case 'dyn': return resolved('timestamp', TIMESTAMP, (v) => timestampFromString(typeof v === 'string' ? v : fail(`timestamp() cannot convert ${describeValue(v)}`)));
    default: return { mismatch: { argument: 0, expected: 'string' } };
  }
}

function literalCheck(convert: (text: string) => unknown): FunctionDefinition['checkLiteral'] {
  return (_argument, value) => {
    if (typeof value !== 'string') return undefined;
    try {
      convert(value);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}

/** int(), double(), string(), timestamp() and dyn(). */
export const CONVERSION_FUNCTIONS: readonly FunctionDefinition[] = [
  { name: 'int', style: 'global', arity: 1, resolve: resolveInt, checkLiteral: literalCheck(intFromString) },
  { name: 'double', style: 'global', arity: 1, resolve: resolveDouble, checkLiteral: literalCheck(doubleFromString) },
  { name: 'string', style: 'global', arity: 1, resolve: resolveString },
  { name: 'timestamp', style: 'global', arity: 1, resolve: resolveTimestamp, checkLiteral: literalCheck(timestampFromString) },
  { name: 'dyn', style: 'global', arity: 1, resolve: () => resolved('dyn', DYN, (v) => v) },
];
