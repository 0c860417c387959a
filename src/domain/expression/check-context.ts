import type { Expr } from './ast.js';
import { BOOL, DYN, typeName, type ExprType } from './expr-type.js';
import type { Diagnostics, Span } from './expression-error.js';
import type { TypedExpr } from './typed-ast.js';

/** A macro's loop variable while its body is being checked. */
export interface LocalBinding {
  name: string;
  type: ExprType;
  slot: number;
}

/** What every part of the checker shares: the scope, the errors so far, and a way to recurse. */
export interface CheckContext {
  readonly diagnostics: Diagnostics;
  readonly variables: ReadonlyMap<string, ExprType>;
  readonly locals: LocalBinding[];
  nextSlot: number;
  check(expr: Expr): TypedExpr;
}

/** Stands in for a sub-expression that already has an error; `dyn` keeps it from causing more. */
export function poisoned(): TypedExpr {
  return { kind: 'constant', type: DYN, value: null };
}

/** The node itself when it is bool, a run-time check when it is dyn, otherwise an error at `span`. */
export function requireBool(node: TypedExpr, span: Span, ctx: CheckContext, what: string): TypedExpr {
  if (node.type.kind === 'bool') return node;
  if (node.type.kind === 'dyn') return { kind: 'assert_bool', type: BOOL, operand: node };
  ctx.diagnostics.report(`${what} must be bool, got ${typeName(node.type)}`, span);
  return node;
}
