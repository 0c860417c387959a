import type { TypedExpr } from './typed-ast.js';

/** What an evaluation sees: the variables of the scope by name, and the time of the decision. */
export interface EvalEnv {
  [variable: string]: unknown;
  now: number;
}

/** A compiled expression: evaluates against one environment, throws ExpressionRuntimeError on faults. */
export type Evaluator = (env: EvalEnv) => unknown;

/** The closure built for one node. */
export type Closure = (env: EvalEnv) => unknown;

/** A compiled node; `constant` is set when its value was known at compile time. */
export interface Compiled {
  run: Closure;
  constant?: { value: unknown };
}

/** Shared by the parts of the compiler: the macro-variable slots and a way to recurse. */
export interface CompileContext {
  readonly locals: unknown[];
  /** Macro iterations left in the current evaluation; reset at its start. */
  readonly budget: { left: number };
  compile(node: TypedExpr): Compiled;
}

/** A node whose value is known now; folded values are frozen so no caller can change them. */
export function constantNode(value: unknown): Compiled {
  const frozen = deepFreeze(value);
  return { run: () => frozen, constant: { value: frozen } };
}

function deepFreeze(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const item of Object.values(value)) deepFreeze(item);
  return Object.freeze(value);
}
