import type { Comprehension, Expr } from './ast.js';
import { poisoned, requireBool, type CheckContext } from './check-context.js';
import { BOOL, DYN, TIMESTAMP, listOf, typeName, type ExprType } from './expr-type.js';
import type { FunctionDefinition } from './function-definition.js';
import { lookupFunction, refusedFunction } from './function-registry.js';
import type { TypedExpr } from './typed-ast.js';

type CallExpr = Extract<Expr, { kind: 'call' }>;

/** A call of a built-in function, global `f(x)` or method `x.f()`, resolved to one body. */
export function checkCall(expr: CallExpr, ctx: CheckContext): TypedExpr {
  const definition = findDefinition(expr, ctx);
  const argExprs = expr.receiver ? [expr.receiver, ...expr.args] : expr.args;
  const args = argExprs.map((arg) => ctx.check(arg));
  if (!definition) return poisoned();
  if (argExprs.length !== definition.arity) {
    const given = argExprs.length - (expr.receiver ? 1 : 0);
    const wanted = definition.arity - (expr.receiver ? 1 : 0);
    ctx.diagnostics.report(`${expr.name}() takes ${plural(wanted, 'argument')}, got ${given}`, expr.span);
    return poisoned();
  }
  const resolution = definition.resolve(args.map((arg) => arg.type));
  if ('mismatch' in resolution) {
    const { argument, expected } = resolution.mismatch;
    const found = typeName(args[argument]?.type ?? DYN);
    const message = expr.receiver && argument === 0
      ? `${expr.name}() must be called on ${expected}, got ${found}`
      : `${expr.name}() expects ${expected} as argument ${argument + (expr.receiver ? 0 : 1)}, got ${found}`;
    ctx.diagnostics.report(message, argExprs[argument]?.span ?? expr.span);
    return poisoned();
  }
  checkLiterals(definition, argExprs, ctx);
  if (definition.needsNow) args.push({ kind: 'variable', type: TIMESTAMP, name: 'now' });
  return { kind: 'call', type: resolution.result, fn: resolution.fn, args };
}

function findDefinition(expr: CallExpr, ctx: CheckContext): FunctionDefinition | undefined {
  const refused = refusedFunction(expr.name);
  const definition = lookupFunction(expr.name);
  if (refused || !definition) {
    ctx.diagnostics.report(refused ?? `unknown function '${expr.name}'`, expr.nameSpan);
    return undefined;
  }
  if (definition.style === 'global' && expr.receiver) {
    ctx.diagnostics.report(`${expr.name}() is not a method; call it as ${expr.name}(…)`, expr.nameSpan);
    return undefined;
  }
  if (definition.style === 'receiver' && !expr.receiver) {
    ctx.diagnostics.report(`${expr.name}() is a method; call it on a value, like text.${expr.name}(…)`, expr.nameSpan);
    return undefined;
  }
  return definition;
}

function checkLiterals(definition: FunctionDefinition, argExprs: Expr[], ctx: CheckContext): void {
  argExprs.forEach((arg, i) => {
    if (arg.kind !== 'literal' || !definition.checkLiteral) return;
    const problem = definition.checkLiteral(i, arg.literal.value);
    if (problem) ctx.diagnostics.report(problem, arg.span);
  });
}

/** A macro loop over a list (its elements) or a map (its keys), with the variable bound in its body. */
export function checkComprehension(expr: Comprehension, ctx: CheckContext): TypedExpr {
  const range = ctx.check(expr.range);
  const rangeType = range.type;
  const over = rangeType.kind === 'list' || rangeType.kind === 'map' || rangeType.kind === 'dyn' ? rangeType.kind : undefined;
  if (!over) {
    ctx.diagnostics.report(`${expr.macro}() needs a list or map, got ${typeName(rangeType)}`, expr.range.span);
  }
  const element = rangeType.kind === 'list' ? rangeType.of : rangeType.kind === 'map' ? rangeType.key : DYN;
  const slot = ctx.nextSlot++;
  ctx.locals.push({ name: expr.variable, type: element, slot });
  const filter = expr.filter ? requireBool(ctx.check(expr.filter), expr.filter.span, ctx, `the filter of ${expr.macro}()`) : null;
  const rawBody = ctx.check(expr.body);
  ctx.locals.pop();
  const body = expr.macro === 'map' ? rawBody : requireBool(rawBody, expr.body.span, ctx, `the predicate of ${expr.macro}()`);
  const type = comprehensionType(expr, element, body.type);
  return { kind: 'comprehension', type, macro: expr.macro, range, over: over ?? 'dyn', slot, filter, body };
}

function comprehensionType(expr: Comprehension, element: ExprType, body: ExprType): ExprType {
  switch (expr.macro) {
    case 'exists': case 'all': case 'exists_one': return BOOL;
    case 'filter': return listOf(element);
    case 'map': return listOf(body);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
