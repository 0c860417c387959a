import { constantNode, type Closure, type CompileContext, type Compiled, type EvalEnv } from './compile-context.js';
import { ExpressionRuntimeError } from './expression-error.js';
import { describeValue, fail } from './runtime.js';
import type { TypedExpr } from './typed-ast.js';

type NodeOf<K extends TypedExpr['kind']> = Extract<TypedExpr, { kind: K }>;

/** A value that must be a bool at run time (from `dyn`, or data that broke its declared shape). */
export function asBool(value: unknown): boolean {
  return typeof value === 'boolean' ? value : fail(`expected a bool, got ${describeValue(value)}`);
}

/** `!b`. */
export function compileNot(node: NodeOf<'not'>, ctx: CompileContext): Closure {
  const operand = ctx.compile(node.operand).run;
  return (env) => !asBool(operand(env));
}

/** A `dyn` value where a bool is needed. */
export function compileAssertBool(node: NodeOf<'assert_bool'>, ctx: CompileContext): Closure {
  const operand = ctx.compile(node.operand).run;
  return (env) => asBool(operand(env));
}

/**
 * `&&` and `||` with CEL's commutative error semantics: `false && error` and `error && false`
 * are both false, `true || error` and `error || true` both true. A constant side folds.
 */
export function compileLogical(node: NodeOf<'logical'>, ctx: CompileContext): Compiled {
  const left = ctx.compile(node.left);
  const right = ctx.compile(node.right);
  const decisive = node.op === '||';
  // With `a && b`, a constant false on either side decides; a constant true leaves the other side.
  for (const [known, other] of [[left, right], [right, left]] as const) {
    if (!known.constant) continue;
    if (known.constant.value === decisive) return constantNode(decisive);
    if (known.constant.value === !decisive) return other.constant ? constantNode(other.constant.value) : { run: other.run };
  }
  return { run: decisive ? orClosure(left.run, right.run) : andClosure(left.run, right.run) };
}

function andClosure(left: Closure, right: Closure): Closure {
  return (env) => {
    let value: unknown;
    try {
      value = left(env);
    } catch (error) {
      return rescue(error, right, env, false);
    }
    if (value === false) return false;
    if (value !== true) return fail(`expected a bool, got ${describeValue(value)}`);
    return right(env);
  };
}

function orClosure(left: Closure, right: Closure): Closure {
  return (env) => {
    let value: unknown;
    try {
      value = left(env);
    } catch (error) {
      return rescue(error, right, env, true);
    }
    if (value === true) return true;
    if (value !== false) return fail(`expected a bool, got ${describeValue(value)}`);
    return right(env);
  };
}

/** The left side failed: the right side can still decide; otherwise the left's fault stands. */
function rescue(error: unknown, right: Closure, env: EvalEnv, decisive: boolean): boolean {
  if (!(error instanceof ExpressionRuntimeError)) throw error;
  if (right(env) === decisive) return decisive;
  throw error;
}

/** `c ? a : b`, choosing at compile time when `c` is constant. */
export function compileConditional(node: NodeOf<'conditional'>, ctx: CompileContext): Compiled {
  const test = ctx.compile(node.test);
  if (test.constant) return ctx.compile(test.constant.value === true ? node.then : node.otherwise);
  const then = ctx.compile(node.then).run;
  const otherwise = ctx.compile(node.otherwise).run;
  const condition = test.run;
  return { run: (env) => (asBool(condition(env)) ? then(env) : otherwise(env)) };
}
