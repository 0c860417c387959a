import type { Closure, CompileContext, EvalEnv } from './compile-context.js';
import { EXPRESSION_LIMITS, ExpressionRuntimeError } from './expression-error.js';
import { describeValue, fail, isPlainObject } from './runtime.js';
import type { TypedComprehension } from './typed-ast.js';

type Items = (env: EvalEnv) => readonly unknown[];
type Loop = (items: readonly unknown[], env: EvalEnv) => unknown;

/**
 * The macro loops. Each binds its variable in its own slot; the loop runs once per element of
 * the list (or key of the map) it was given, so its cost is bounded by the data.
 */
export function compileComprehension(node: TypedComprehension, ctx: CompileContext): Closure {
  const items = itemsOf(node, ctx);
  const needle = memberTest(node);
  // `tags.exists(t, t == 'refund')` cannot fault per element: it is a plain includes().
  if (needle) return (env) => items(env).includes(needle.value);
  const { locals } = ctx;
  const slot = node.slot;
  const body = ctx.compile(node.body).run;
  const filter = node.filter ? ctx.compile(node.filter).run : null;
  const loop = loopFor(node.macro, locals, slot, body, filter);
  return (env) => loop(items(env), env);
}

/** The elements (or keys) to loop over, charged to the evaluation's iteration budget up front. */
/** The constant `k` when the loop is `exists(x, x == k)` over a list and k is a primitive. */
function memberTest(node: TypedComprehension): { value: unknown } | undefined {
  const body = node.body;
  if (node.macro !== 'exists' || node.over !== 'list' || body.kind !== 'equality' || body.negated || body.mode !== 'identity') return undefined;
  const [local, other] = body.left.kind === 'local' ? [body.left, body.right] : [body.right, body.left];
  if (local.kind !== 'local' || local.slot !== node.slot || other.kind !== 'constant') return undefined;
  return typeof other.value === 'object' && other.value !== null ? undefined : { value: other.value };
}

function itemsOf(node: TypedComprehension, ctx: CompileContext): Items {
  const range = ctx.compile(node.range).run;
  const { budget } = ctx;
  const macro = node.macro;
  const charge = (items: readonly unknown[]): readonly unknown[] => {
    budget.left -= items.length;
    return budget.left >= 0 ? items : fail(`expression needs more than ${EXPRESSION_LIMITS.maxIterations} macro iterations`);
  };
  return (env) => {
    const value = range(env);
    if (Array.isArray(value)) return charge(value);
    if (node.over !== 'list' && isPlainObject(value)) return charge(Object.keys(value));
    return fail(`${macro}() needs a ${node.over === 'map' ? 'map' : 'list or map'}, got ${describeValue(value)}`);
  };
}

function loopFor(macro: TypedComprehension['macro'], locals: unknown[], slot: number, body: Closure, filter: Closure | null): Loop {
  switch (macro) {
    case 'exists': return (items, env) => quantify(items, env, locals, slot, body, true);
    case 'all': return (items, env) => quantify(items, env, locals, slot, body, false);
    case 'exists_one': return (items, env) => {
      let count = 0;
      for (const item of items) {
        locals[slot] = item;
        if (body(env) === true) count++;
      }
      return count === 1;
    };
    case 'filter': return (items, env) => items.filter((item) => {
      locals[slot] = item;
      return body(env) === true;
    });
    case 'map': return (items, env) => {
      const out: unknown[] = [];
      for (const item of items) {
        locals[slot] = item;
        if (filter === null || filter(env) === true) out.push(body(env));
      }
      return out;
    };
  }
}

/**
 * exists (stop at the first true) and all (stop at the first false). A fault on one element does
 * not matter when another element decides, as with `||` and `&&`; otherwise it is thrown at the end.
 */
function quantify(items: readonly unknown[], env: EvalEnv, locals: unknown[], slot: number, body: Closure, decisive: boolean): boolean {
  let i = 0;
  // One try around the loop keeps the common, fault-free case tight.
  try {
    for (; i < items.length; i++) {
      locals[slot] = items[i];
      if (body(env) === decisive) return decisive;
    }
    return !decisive;
  } catch (error) {
    if (!(error instanceof ExpressionRuntimeError)) throw error;
    return quantifyAfterFault(items, i + 1, error, env, locals, slot, body, decisive);
  }
}

function quantifyAfterFault(
  items: readonly unknown[], from: number, fault: ExpressionRuntimeError,
  env: EvalEnv, locals: unknown[], slot: number, body: Closure, decisive: boolean,
): boolean {
  for (let i = from; i < items.length; i++) {
    locals[slot] = items[i];
    try {
      if (body(env) === decisive) return decisive;
    } catch (error) {
      if (!(error instanceof ExpressionRuntimeError)) throw error;
    }
  }
  throw fault;
}
