import type { Closure, CompileContext } from './compile-context.js';
import { typeName, type ExprType } from './expr-type.js';
import { celEquals, describeValue, expectList, fail, isPlainObject, listContains } from './runtime.js';
import type { OrderingOperator, TypedExpr } from './typed-ast.js';

type NodeOf<K extends TypedExpr['kind']> = Extract<TypedExpr, { kind: K }>;

/** `==` and `!=`: `===` when a side is a primitive type, by value for lists, maps and objects. */
export function compileEquality(node: NodeOf<'equality'>, ctx: CompileContext): Closure {
  const left = ctx.compile(node.left);
  const right = ctx.compile(node.right);
  if (node.mode === 'deep') {
    const [l, r] = [left.run, right.run];
    return node.negated ? (env) => !celEquals(l(env), r(env)) : (env) => celEquals(l(env), r(env));
  }
  // The routing-rule shape `ticket.priority == 'high'`: one closure call and one `===`.
  const known = right.constant ?? left.constant;
  if (known) {
    const value = known.value;
    const other = right.constant ? left.run : right.run;
    return node.negated ? (env) => other(env) !== value : (env) => other(env) === value;
  }
  const [l, r] = [left.run, right.run];
  return node.negated ? (env) => l(env) !== r(env) : (env) => l(env) === r(env);
}

/** `<`, `<=`, `>`, `>=` on numbers and timestamps, on strings, or checked at run time for `dyn`. */
export function compileOrdering(node: NodeOf<'ordering'>, ctx: CompileContext): Closure {
  const left = ctx.compile(node.left);
  const right = ctx.compile(node.right);
  const l = left.run;
  const refuse = refusal(node);
  if (node.mode === 'number' && typeof right.constant?.value === 'number') {
    return numberAgainstConstant(node.op, l, right.constant.value, refuse);
  }
  const r = right.run;
  const kind = node.mode === 'string' ? 'string' : 'number';
  const compare = ORDER[node.op];
  if (node.mode === 'dyn') return (env) => compareDynamic(l(env), r(env), compare, refuse);
  return (env) => {
    const a = l(env);
    const b = r(env);
    if (typeof a !== kind || typeof b !== kind) return refuse(a, b);
    return compare(a as number, b as number);
  };
}

type Refusal = (a: unknown, b: unknown) => never;

/** The fault for operands that cannot be ordered, named by static type where the value fits it. */
function refusal(node: NodeOf<'ordering'>): Refusal {
  const name = (value: unknown, type: ExprType): string =>
    value === null || value === undefined || type.kind === 'dyn' ? describeValue(value) : typeName(type);
  return (a, b) => fail(`cannot apply '${node.op}' to ${name(a, node.left.type)} and ${name(b, node.right.type)}`);
}

const ORDER: Record<OrderingOperator, (a: number | string, b: number | string) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

// One closure per operator, so each comparison site stays monomorphic for the JIT.
function numberAgainstConstant(op: OrderingOperator, left: Closure, k: number, refuse: Refusal): Closure {
  switch (op) {
    case '<': return (env) => { const a = left(env); return typeof a === 'number' ? a < k : refuse(a, k); };
    case '<=': return (env) => { const a = left(env); return typeof a === 'number' ? a <= k : refuse(a, k); };
    case '>': return (env) => { const a = left(env); return typeof a === 'number' ? a > k : refuse(a, k); };
    case '>=': return (env) => { const a = left(env); return typeof a === 'number' ? a >= k : refuse(a, k); };
  }
}

function compareDynamic(a: unknown, b: unknown, compare: (a: number | string, b: number | string) => boolean, refuse: Refusal): boolean {
  const sameKind = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  return sameKind ? compare(a as number | string, b as number | string) : refuse(a, b);
}

/** `x in list` (a constant list of primitives becomes a Set) and `key in map`. */
export function compileMembership(node: NodeOf<'membership'>, ctx: CompileContext): Closure {
  const element = ctx.compile(node.element).run;
  const collection = ctx.compile(node.collection);
  const items = collection.constant?.value;
  if (Array.isArray(items) && items.every((item) => typeof item !== 'object' || item === null)) {
    const set = new Set<unknown>(items);
    return (env) => set.has(element(env));
  }
  const run = collection.run;
  switch (node.mode) {
    case 'list': return (env) => { const item = element(env); return listContains(expectList(run(env)), item); };
    case 'map': return (env) => { const key = element(env); return hasKey(run(env), key); };
    case 'dyn': return (env) => { const item = element(env); return containsDynamic(run(env), item); };
  }
}

function hasKey(map: unknown, key: unknown): boolean {
  if (!isPlainObject(map)) return fail(`'in' needs a map, got ${describeValue(map)}`);
  return typeof key === 'string' && Object.hasOwn(map, key);
}

function containsDynamic(collection: unknown, item: unknown): boolean {
  return Array.isArray(collection) ? listContains(collection, item) : hasKey(collection, item);
}
