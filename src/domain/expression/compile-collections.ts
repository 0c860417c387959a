import type { Closure, CompileContext } from './compile-context.js';
import { expectString, fail } from './runtime.js';
import type { TypedExpr } from './typed-ast.js';

type NodeOf<K extends TypedExpr['kind']> = Extract<TypedExpr, { kind: K }>;

/** `[a, b, c]`: a fresh array per evaluation (constant lists are folded before this). */
export function compileList(node: NodeOf<'list'>, ctx: CompileContext): Closure {
  const elements = node.elements.map((element) => ctx.compile(element).run);
  return (env) => elements.map((element) => element(env));
}

/** `{'k': v}`: a null-prototype object, so a key like `__proto__` is just a key. */
export function compileMap(node: NodeOf<'map'>, ctx: CompileContext): Closure {
  const entries = node.entries.map((entry) => ({ key: ctx.compile(entry.key).run, value: ctx.compile(entry.value).run }));
  return (env) => {
    const map: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const entry of entries) {
      const key = expectString(entry.key(env));
      if (Object.hasOwn(map, key)) return fail(`duplicate map key '${key}'`);
      map[key] = entry.value(env);
    }
    return map;
  };
}

/** A built-in call; constant arguments may buy a specialised body that no longer takes them. */
export function compileCall(node: NodeOf<'call'>, ctx: CompileContext): Closure {
  const compiled = node.args.map((arg) => ctx.compile(arg));
  const special = node.fn.specialize?.(compiled.map((arg) => arg.constant));
  const impl = special ?? node.fn.impl;
  const runs = (special ? compiled.filter((arg) => !arg.constant) : compiled).map((arg) => arg.run);
  const [a, b, c] = runs;
  if (runs.length === 0) return () => impl();
  if (runs.length === 1 && a) return (env) => impl(a(env));
  if (runs.length === 2 && a && b) return (env) => impl(a(env), b(env));
  if (runs.length === 3 && a && b && c) return (env) => impl(a(env), b(env), c(env));
  return (env) => impl(...runs.map((run) => run(env)));
}
