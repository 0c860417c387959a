import { isAssignable, typeName, type ExprType } from './expr-type.js';
import type { FunctionImpl, ResolvedFunction } from './typed-ast.js';

/** Why a call does not fit: which argument (receiver = 0 for method calls) and what was expected. */
export interface ArgumentMismatch {
  argument: number;
  expected: string;
}

export type Resolution = { result: ExprType; fn: ResolvedFunction } | { mismatch: ArgumentMismatch };

/**
 * A built-in function. `global` is called as `f(x)`, `receiver` as `x.f()`, `both` either way;
 * `arity` counts every argument, the receiver included.
 */
export interface FunctionDefinition {
  name: string;
  style: 'global' | 'receiver' | 'both';
  arity: number;
  /** Picks the body for these argument types, or says which argument does not fit. */
  resolve(args: readonly ExprType[]): Resolution;
  /** Checks a literal argument at compile time (a bad `timestamp('…')` is a compile error). */
  checkLiteral?(argument: number, value: unknown): string | undefined;
  /** Appends the evaluation's `now` as a last, hidden argument. */
  needsNow?: boolean;
}

/** A function with one signature: each argument must be assignable to its parameter type. */
export function fixedFunction(
  name: string, style: FunctionDefinition['style'], params: readonly ExprType[], result: ExprType, impl: FunctionImpl,
  specialize?: ResolvedFunction['specialize'],
): FunctionDefinition {
  return {
    name,
    style,
    arity: params.length,
    resolve(args) {
      const mismatch = checkParams(params, args);
      return mismatch ? { mismatch } : { result, fn: { name, impl, specialize } };
    },
  };
}

/** The first argument not assignable to its parameter, if any. */
export function checkParams(params: readonly ExprType[], args: readonly ExprType[]): ArgumentMismatch | undefined {
  const index = params.findIndex((param, i) => !isAssignable(args[i] ?? param, param));
  const param = params[index];
  return param ? { argument: index, expected: typeName(param) } : undefined;
}

/** A resolution for the one argument type a case matched. */
export function resolved(name: string, result: ExprType, impl: FunctionImpl): Resolution {
  return { result, fn: { name, impl } };
}
