import type { Expr } from './ast.js';
import { poisoned, type CheckContext } from './check-context.js';
import { BOOL, DYN, STRING, fieldType, isAssignable, typeName, type ExprType } from './expr-type.js';
import type { Span } from './expression-error.js';
import type { TypedExpr } from './typed-ast.js';

type ExprOf<K extends Expr['kind']> = Extract<Expr, { kind: K }>;

/** A name: the innermost macro variable first, then the scope's variables. */
export function checkIdent(expr: ExprOf<'ident'>, ctx: CheckContext): TypedExpr {
  for (let i = ctx.locals.length - 1; i >= 0; i--) {
    const local = ctx.locals[i];
    if (local?.name === expr.name) return { kind: 'local', type: local.type, slot: local.slot };
  }
  const type = ctx.variables.get(expr.name);
  if (type) return { kind: 'variable', type, name: expr.name };
  ctx.diagnostics.report(`unknown variable '${expr.name}'`, expr.span);
  return poisoned();
}

/** `a.b`: a declared field of an object type, or a key of a map (a missing key fails at run time). */
export function checkSelect(expr: ExprOf<'select'>, ctx: CheckContext): TypedExpr {
  const target = ctx.check(expr.target);
  const type = target.type;
  switch (type.kind) {
    case 'object': {
      const field = fieldType(type, expr.field);
      if (field) return { kind: 'field', type: field, target, field: expr.field };
      return unknownField(type.name, expr.field, expr.fieldSpan, ctx);
    }
    case 'map': return mapKey(target, type.key, type.value, expr, ctx);
    case 'dyn': return mapKey(target, STRING, DYN, expr, ctx);
    default:
      ctx.diagnostics.report(`${typeName(type)} has no fields (looking for '${expr.field}')`, expr.fieldSpan);
      return poisoned();
  }
}

function mapKey(target: TypedExpr, key: ExprType, value: ExprType, expr: ExprOf<'select'>, ctx: CheckContext): TypedExpr {
  if (!isAssignable(STRING, key)) {
    ctx.diagnostics.report(`map keys are ${typeName(key)}, so '.${expr.field}' cannot select one`, expr.fieldSpan);
    return poisoned();
  }
  const index: TypedExpr = { kind: 'constant', type: STRING, value: expr.field };
  return { kind: 'index', type: value, target, index, access: 'map' };
}

function unknownField(typeName: string, field: string, span: Span, ctx: CheckContext): TypedExpr {
  ctx.diagnostics.report(`${typeName} has no field '${field}'`, span);
  return poisoned();
}

/** `list[i]` with an int, `map[key]` with the map's key type, anything on `dyn`. */
export function checkIndex(expr: ExprOf<'index'>, ctx: CheckContext): TypedExpr {
  const target = ctx.check(expr.target);
  const index = ctx.check(expr.index);
  const type = target.type;
  const expected = type.kind === 'list' ? { kind: 'int' } as const : type.kind === 'map' ? type.key : undefined;
  if (type.kind === 'dyn') return { kind: 'index', type: DYN, target, index, access: 'dyn' };
  if (!expected) {
    ctx.diagnostics.report(`${typeName(type)} cannot be indexed with [ ]`, expr.target.span);
    return poisoned();
  }
  if (!isAssignable(index.type, expected) || index.type.kind === 'null') {
    ctx.diagnostics.report(`index must be ${typeName(expected)}, got ${typeName(index.type)}`, expr.index.span);
    return poisoned();
  }
  if (type.kind === 'list') return { kind: 'index', type: type.of, target, index, access: 'list' };
  return { kind: 'index', type: type.kind === 'map' ? type.value : DYN, target, index, access: 'map' };
}

/** `has(a.b)`: a map has the key, or an object's field is set (not null); a null object has nothing. */
export function checkHas(expr: ExprOf<'has'>, ctx: CheckContext): TypedExpr {
  const target = ctx.check(expr.target);
  const type = target.type;
  switch (type.kind) {
    case 'object':
      if (!fieldType(type, expr.field)) return unknownField(type.name, expr.field, expr.fieldSpan, ctx);
      return { kind: 'has', type: BOOL, target, field: expr.field, mode: 'object' };
    case 'map': return { kind: 'has', type: BOOL, target, field: expr.field, mode: 'map' };
    case 'dyn': return { kind: 'has', type: BOOL, target, field: expr.field, mode: 'dyn' };
    default:
      ctx.diagnostics.report(`has() needs a map or object, got ${typeName(type)}`, expr.target.span);
      return poisoned();
  }
}
