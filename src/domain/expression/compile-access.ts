import type { Closure, CompileContext, EvalEnv } from './compile-context.js';
import { describeValue, fail, isPlainObject, readDynamic, readElement, readKey } from './runtime.js';
import type { TypedExpr } from './typed-ast.js';

type NodeOf<K extends TypedExpr['kind']> = Extract<TypedExpr, { kind: K }>;

/** `name`: a variable the caller must have put in the environment. */
export function compileVariable(node: NodeOf<'variable'>): Closure {
  const name = node.name;
  return (env) => {
    const value = env[name];
    return value === undefined ? fail(`variable '${name}' is not set`) : value;
  };
}

/** A macro's loop variable, read from its slot. */
export function compileLocal(node: NodeOf<'local'>, ctx: CompileContext): Closure {
  const { locals } = ctx;
  const slot = node.slot;
  return () => locals[slot];
}

/**
 * `a.b.c` on object types. Chains starting at a variable become one closure that walks the path,
 * the common shape of routing rules (`ticket.customer.tier`).
 */
export function compileField(node: NodeOf<'field'>, ctx: CompileContext): Closure {
  const path: string[] = [node.field];
  let root = node.target;
  while (root.kind === 'field') {
    path.unshift(root.field);
    root = root.target;
  }
  // The checker only lets declared fields through; names Object.prototype also has still take
  // the own-property path, so a value missing the field can never expose an inherited one.
  if (root.kind === 'variable' && path.every(isSafeFieldName)) return pathReader(root.name, path);
  const target = ctx.compile(node.target).run;
  const field = node.field;
  if (!isSafeFieldName(field)) return (env) => ownField(target(env), field);
  return (env) => {
    const object = target(env);
    if (typeof object !== 'object' || object === null) return fail(`cannot read '${field}' of ${describeValue(object)}`);
    return finish((object as Record<string, unknown>)[field]);
  };
}

function isSafeFieldName(name: string): boolean {
  return !(name in Object.prototype);
}

function ownField(object: unknown, field: string): unknown {
  if (typeof object !== 'object' || object === null) return fail(`cannot read '${field}' of ${describeValue(object)}`);
  return finish(Object.hasOwn(object, field) ? (object as Record<string, unknown>)[field] : undefined);
}

function step(value: unknown, field: string): unknown {
  if (typeof value !== 'object' || value === null) return fail(`cannot read '${field}' of ${describeValue(value)}`);
  return (value as Record<string, unknown>)[field];
}

/** A field's value as the language sees it: absent is null, and no function ever comes out. */
function finish(value: unknown): unknown {
  if (value === undefined) return null;
  return typeof value === 'function' ? fail('unsupported value') : value;
}

function pathReader(variable: string, path: string[]): Closure {
  const [first, second] = path;
  const start = (env: EvalEnv): unknown => {
    const value = env[variable];
    return value === undefined ? fail(`variable '${variable}' is not set`) : value;
  };
  if (first !== undefined && path.length === 1) return (env) => finish(step(start(env), first));
  if (first !== undefined && second !== undefined && path.length === 2) {
    return (env) => finish(step(step(start(env), first), second));
  }
  return (env) => {
    let value = start(env);
    for (const field of path) value = step(value, field);
    return finish(value);
  };
}

/** `list[i]`, `map[key]` and `dyn[x]`; a missing key or an index out of range is a runtime fault. */
export function compileIndex(node: NodeOf<'index'>, ctx: CompileContext): Closure {
  const target = ctx.compile(node.target).run;
  const index = ctx.compile(node.index);
  if (node.access === 'list') return (env) => readElement(target(env), index.run(env));
  if (node.access === 'dyn') return (env) => readDynamic(target(env), index.run(env));
  const key = index.constant?.value;
  if (typeof key !== 'string') return (env) => readKey(target(env), index.run(env));
  if (!isSafeFieldName(key) || key in Array.prototype) return (env) => readKey(target(env), key);
  // `agent.skills.billing`: no prototype has this name, so a missing own key reads as undefined.
  return (env) => {
    const map = target(env);
    if (typeof map !== 'object' || map === null) return fail(`cannot read key '${key}' of ${describeValue(map)}`);
    const value = (map as Record<string, unknown>)[key];
    return value === undefined ? fail(`no such key: '${key}'`) : value;
  };
}

/** `has(a.b)`: key present for maps, non-null for object fields, false when `a` itself is null. */
export function compileHas(node: NodeOf<'has'>, ctx: CompileContext): Closure {
  const target = ctx.compile(node.target).run;
  const field = node.field;
  const checkValue = node.mode === 'object';
  return (env) => {
    const object = target(env);
    if (object === null || object === undefined) return false;
    if (node.mode === 'dyn' ? !isPlainObject(object) : typeof object !== 'object') {
      return fail(`has() needs a map or object, got ${describeValue(object)}`);
    }
    if (!Object.hasOwn(object, field)) return false;
    if (!checkValue) return true;
    const value = (object as Record<string, unknown>)[field];
    return value !== null && value !== undefined;
  };
}
