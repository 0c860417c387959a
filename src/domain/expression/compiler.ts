import { unreachable } from './ast-walk.js';
import { compileField, compileHas, compileIndex, compileLocal, compileVariable } from './compile-access.js';
import { compileArithmetic, compileNegate } from './compile-arithmetic.js';
import { compileCall, compileList, compileMap } from './compile-collections.js';
import { compileEquality, compileMembership, compileOrdering } from './compile-comparison.js';
import { constantNode, type CompileContext, type Compiled, type EvalEnv, type Evaluator } from './compile-context.js';
import { compileAssertBool, compileConditional, compileLogical, compileNot } from './compile-logic.js';
import { compileComprehension } from './compile-macros.js';
import { EXPRESSION_LIMITS, ExpressionRuntimeError } from './expression-error.js';
import type { TypedExpr } from './typed-ast.js';

// Closed sub-expressions are evaluated once at compile time; they read nothing from here.
const NO_ENV: EvalEnv = Object.freeze({ now: Number.NaN });

/** Turns a checked tree into nested closures; `slots` is how many macro variables it binds. */
export function compileTree(root: TypedExpr, slots: number): Evaluator {
  const closed = new WeakMap<TypedExpr, boolean>();
  const ctx: CompileContext = {
    locals: new Array<unknown>(slots).fill(null),
    budget: { left: EXPRESSION_LIMITS.maxIterations },
    compile: (node) => compileFolded(node, ctx, closed),
  };
  const run = ctx.compile(root).run;
  if (slots === 0) return run;
  const { budget } = ctx;
  return (env) => {
    budget.left = EXPRESSION_LIMITS.maxIterations;
    return run(env);
  };
}

function compileFolded(node: TypedExpr, ctx: CompileContext, closed: WeakMap<TypedExpr, boolean>): Compiled {
  const compiled = compileNode(node, ctx);
  if (compiled.constant || !isClosed(node, closed, new Set())) return compiled;
  try {
    ctx.budget.left = EXPRESSION_LIMITS.maxIterations;
    return constantNode(compiled.run(NO_ENV));
  } catch (error) {
    // A fault in a constant part (`1 / 0`) stays a fault at run time, where `false && …` may skip it.
    if (error instanceof ExpressionRuntimeError) return compiled;
    throw error;
  }
}

function compileNode(node: TypedExpr, ctx: CompileContext): Compiled {
  switch (node.kind) {
    case 'constant': return constantNode(node.value);
    case 'variable': return { run: compileVariable(node) };
    case 'local': return { run: compileLocal(node, ctx) };
    case 'field': return { run: compileField(node, ctx) };
    case 'index': return { run: compileIndex(node, ctx) };
    case 'call': return { run: compileCall(node, ctx) };
    case 'list': return { run: compileList(node, ctx) };
    case 'map': return { run: compileMap(node, ctx) };
    case 'not': return { run: compileNot(node, ctx) };
    case 'negate': return { run: compileNegate(node, ctx) };
    case 'arithmetic': return { run: compileArithmetic(node, ctx) };
    case 'equality': return { run: compileEquality(node, ctx) };
    case 'ordering': return { run: compileOrdering(node, ctx) };
    case 'membership': return { run: compileMembership(node, ctx) };
    case 'logical': return compileLogical(node, ctx);
    case 'conditional': return compileConditional(node, ctx);
    case 'has': return { run: compileHas(node, ctx) };
    case 'comprehension': return { run: compileComprehension(node, ctx) };
    case 'assert_bool': return { run: compileAssertBool(node, ctx) };
    default: return unreachable(node);
  }
}

/** True when a node reads no variable and no macro variable bound outside it. */
function isClosed(node: TypedExpr, memo: WeakMap<TypedExpr, boolean>, bound: ReadonlySet<number>): boolean {
  if (bound.size === 0 && memo.has(node)) return memo.get(node) === true;
  let result: boolean;
  if (node.kind === 'variable') result = false;
  else if (node.kind === 'local') result = bound.has(node.slot);
  else if (node.kind === 'comprehension') {
    // The loop variable is bound in the filter and body, not in the range.
    const inner = new Set([...bound, node.slot]);
    result = isClosed(node.range, memo, bound) && [node.filter, node.body].every((part) => !part || isClosed(part, memo, inner));
  } else {
    result = typedChildren(node).every((child) => isClosed(child, memo, bound));
  }
  if (bound.size === 0) memo.set(node, result);
  return result;
}

/** The direct sub-expressions of a checked node. */
export function typedChildren(node: TypedExpr): TypedExpr[] {
  switch (node.kind) {
    case 'constant': case 'variable': case 'local': return [];
    case 'field': case 'has': return [node.target];
    case 'index': return [node.target, node.index];
    case 'call': return node.args;
    case 'list': return node.elements;
    case 'map': return node.entries.flatMap((entry) => [entry.key, entry.value]);
    case 'not': case 'negate': case 'assert_bool': return [node.operand];
    case 'arithmetic': case 'equality': case 'ordering': case 'logical': return [node.left, node.right];
    case 'membership': return [node.element, node.collection];
    case 'conditional': return [node.test, node.then, node.otherwise];
    case 'comprehension': return node.filter ? [node.range, node.filter, node.body] : [node.range, node.body];
    default: return unreachable(node);
  }
}
