import type { Expr } from './ast.js';
import { poisoned, requireBool, type CheckContext } from './check-context.js';
import {
  BOOL, DOUBLE, DYN, INT, STRING, isComparable, isNumeric, joinTypes, listOf, orderingMode, typeName, type ExprType,
} from './expr-type.js';
import type { ArithmeticMode, ArithmeticOperator, TypedExpr } from './typed-ast.js';

type ExprOf<K extends Expr['kind']> = Extract<Expr, { kind: K }>;

const IDENTITY_KINDS: ReadonlySet<ExprType['kind']> = new Set(['bool', 'int', 'double', 'string', 'timestamp', 'null']);

/** `!b` on a bool, `-n` on a number. */
export function checkUnary(expr: ExprOf<'unary'>, ctx: CheckContext): TypedExpr {
  const operand = ctx.check(expr.operand);
  if (expr.op === '!') return { kind: 'not', type: BOOL, operand: requireBool(operand, expr.operand.span, ctx, "the operand of '!'") };
  const kind = operand.type.kind;
  if (kind === 'int' || kind === 'double' || kind === 'dyn') return { kind: 'negate', type: operand.type, operand, mode: kind };
  ctx.diagnostics.report(`cannot negate ${typeName(operand.type)}`, expr.span);
  return poisoned();
}

/** Every binary operator: logic, arithmetic, comparison and membership. */
export function checkBinary(expr: ExprOf<'binary'>, ctx: CheckContext): TypedExpr {
  const left = ctx.check(expr.left);
  const right = ctx.check(expr.right);
  switch (expr.op) {
    case '&&': case '||':
      return {
        kind: 'logical', type: BOOL, op: expr.op,
        left: requireBool(left, expr.left.span, ctx, `the left side of '${expr.op}'`),
        right: requireBool(right, expr.right.span, ctx, `the right side of '${expr.op}'`),
      };
    case '==': case '!=': return checkEquality(expr, left, right, ctx);
    case '<': case '<=': case '>': case '>=': {
      const mode = orderingMode(left.type, right.type);
      if (mode) return { kind: 'ordering', type: BOOL, op: expr.op, left, right, mode };
      return mismatch(`cannot compare ${typeName(left.type)} with ${typeName(right.type)} using '${expr.op}'`, expr, ctx);
    }
    case 'in': return checkMembership(expr, left, right, ctx);
    default: return checkArithmetic(expr, expr.op, left, right, ctx);
  }
}

function checkEquality(expr: ExprOf<'binary'>, left: TypedExpr, right: TypedExpr, ctx: CheckContext): TypedExpr {
  if (!isComparable(left.type, right.type)) {
    return mismatch(`cannot compare ${typeName(left.type)} with ${typeName(right.type)}`, expr, ctx);
  }
  // `===` is exact when either side is a primitive: a primitive never equals a list or map.
  const identity = IDENTITY_KINDS.has(left.type.kind) || IDENTITY_KINDS.has(right.type.kind);
  return { kind: 'equality', type: BOOL, negated: expr.op === '!=', left, right, mode: identity ? 'identity' : 'deep' };
}

function checkMembership(expr: ExprOf<'binary'>, element: TypedExpr, collection: TypedExpr, ctx: CheckContext): TypedExpr {
  const type = collection.type;
  if (type.kind === 'dyn') return { kind: 'membership', type: BOOL, element, collection, mode: 'dyn' };
  if (type.kind !== 'list' && type.kind !== 'map') {
    ctx.diagnostics.report(`'in' needs a list or map on its right, got ${typeName(type)}`, expr.right.span);
    return poisoned();
  }
  const member = type.kind === 'list' ? type.of : type.key;
  if (!isComparable(element.type, member)) {
    return mismatch(`'in' looks for ${typeName(member)} in ${typeName(type)}, got ${typeName(element.type)}`, expr, ctx);
  }
  return { kind: 'membership', type: BOOL, element, collection, mode: type.kind };
}

function checkArithmetic(
  expr: ExprOf<'binary'>, op: ArithmeticOperator, left: TypedExpr, right: TypedExpr, ctx: CheckContext,
): TypedExpr {
  const typed = arithmeticType(op, left.type, right.type);
  if (typed) return { kind: 'arithmetic', type: typed.type, op, left, right, mode: typed.mode };
  return mismatch(`operator '${op}' cannot combine ${typeName(left.type)} and ${typeName(right.type)}`, expr, ctx);
}

/** The result of `a op b` and how to compute it, or undefined when the operator does not apply. */
function arithmeticType(op: ArithmeticOperator, a: ExprType, b: ExprType): { type: ExprType; mode: ArithmeticMode } | undefined {
  if (isNumeric(a) && isNumeric(b)) {
    if (a.kind === 'int' && b.kind === 'int') return { type: INT, mode: 'int' };
    return op === '%' ? undefined : { type: DOUBLE, mode: 'double' };
  }
  if (op === '+' && a.kind === 'string' && b.kind === 'string') return { type: STRING, mode: 'string' };
  if (op === '+' && a.kind === 'list' && b.kind === 'list') return { type: listOf(joinTypes(a.of, b.of)), mode: 'list' };
  if (a.kind !== 'dyn' && b.kind !== 'dyn') return undefined;
  const other = a.kind === 'dyn' ? b : a;
  const fits = other.kind === 'dyn' || isNumeric(other) || (op === '+' && (other.kind === 'string' || other.kind === 'list'));
  return fits ? { type: DYN, mode: 'dyn' } : undefined;
}

/** `c ? a : b`: a bool condition; the branches' types joined. */
export function checkConditional(expr: ExprOf<'conditional'>, ctx: CheckContext): TypedExpr {
  const test = requireBool(ctx.check(expr.test), expr.test.span, ctx, 'the condition of ?:');
  const then = ctx.check(expr.then);
  const otherwise = ctx.check(expr.otherwise);
  return { kind: 'conditional', type: joinTypes(then.type, otherwise.type), test, then, otherwise };
}

function mismatch(message: string, expr: Expr, ctx: CheckContext): TypedExpr {
  ctx.diagnostics.report(message, expr.span);
  return poisoned();
}
