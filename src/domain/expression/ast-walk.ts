import type { Expr } from './ast.js';
import { EXPRESSION_LIMITS, type Diagnostics } from './expression-error.js';

/** The direct sub-expressions of a node, in source order. */
export function childrenOf(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'literal': case 'ident': return [];
    case 'select': case 'has': return [expr.target];
    case 'index': return [expr.target, expr.index];
    case 'call': return expr.receiver ? [expr.receiver, ...expr.args] : expr.args;
    case 'list': return expr.elements;
    case 'map': return expr.entries.flatMap((entry) => [entry.key, entry.value]);
    case 'unary': return [expr.operand];
    case 'binary': return [expr.left, expr.right];
    case 'conditional': return [expr.test, expr.then, expr.otherwise];
    case 'comprehension': return expr.filter ? [expr.range, expr.filter, expr.body] : [expr.range, expr.body];
    default: return unreachable(expr);
  }
}

/** Reports the first node deeper than the limit (long chains like `a + b + … + z` nest too). */
export function checkDepth(expr: Expr, diagnostics: Diagnostics, depth = 1): boolean {
  if (depth > EXPRESSION_LIMITS.maxDepth) {
    diagnostics.report(`expression is nested too deeply (at most ${EXPRESSION_LIMITS.maxDepth} levels)`, expr.span);
    return false;
  }
  return childrenOf(expr).every((child) => checkDepth(child, diagnostics, depth + 1));
}

/** Makes the compiler refuse a switch that forgets a kind. */
export function unreachable(value: never): never {
  throw new Error(`unhandled kind: ${JSON.stringify(value)}`);
}
