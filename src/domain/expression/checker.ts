import type { Expr } from './ast.js';
import { unreachable } from './ast-walk.js';
import { checkHas, checkIdent, checkIndex, checkSelect } from './check-access.js';
import { checkCall, checkComprehension } from './check-calls.js';
import { poisoned, type CheckContext } from './check-context.js';
import { checkBinary, checkConditional, checkUnary } from './check-operators.js';
import { DYN, STRING, TIMESTAMP, isAssignable, joinTypes, listOf, mapOf, typeName, type ExprType } from './expr-type.js';
import type { Diagnostics, Span } from './expression-error.js';
import type { TypedExpr } from './typed-ast.js';

/** The variables an expression may use and the type it must produce. */
export interface ExpressionScope {
  variables: Record<string, ExprType>;
  result: ExprType;
}

/** A checked tree and how many macro-variable slots its evaluation needs. */
export interface CheckedExpression {
  root: TypedExpr;
  slots: number;
}

/** Types `expr` against `scope`, reporting every error it can find; `now` is always a timestamp. */
export function checkExpression(expr: Expr, scope: ExpressionScope, diagnostics: Diagnostics): CheckedExpression {
  const variables = new Map<string, ExprType>([['now', TIMESTAMP]]);
  for (const [name, type] of Object.entries(scope.variables)) variables.set(name, type);
  const ctx: CheckContext = {
    diagnostics,
    variables,
    locals: [],
    nextSlot: 0,
    check: (node) => checkNode(node, ctx),
  };
  const root = ctx.check(expr);
  return { root: requireResult(root, scope.result, expr.span, ctx), slots: ctx.nextSlot };
}

function checkNode(expr: Expr, ctx: CheckContext): TypedExpr {
  switch (expr.kind) {
    case 'literal': return { kind: 'constant', type: { kind: expr.literal.type }, value: expr.literal.value };
    case 'ident': return checkIdent(expr, ctx);
    case 'select': return checkSelect(expr, ctx);
    case 'index': return checkIndex(expr, ctx);
    case 'call': return checkCall(expr, ctx);
    case 'list': return checkList(expr, ctx);
    case 'map': return checkMap(expr, ctx);
    case 'unary': return checkUnary(expr, ctx);
    case 'binary': return checkBinary(expr, ctx);
    case 'conditional': return checkConditional(expr, ctx);
    case 'has': return checkHas(expr, ctx);
    case 'comprehension': return checkComprehension(expr, ctx);
    default: return unreachable(expr);
  }
}

function checkList(expr: Extract<Expr, { kind: 'list' }>, ctx: CheckContext): TypedExpr {
  const elements = expr.elements.map((element) => ctx.check(element));
  const first = elements[0];
  const of = first ? elements.slice(1).reduce<ExprType>((type, element) => joinTypes(type, element.type), first.type) : DYN;
  return { kind: 'list', type: listOf(of), elements };
}

function checkMap(expr: Extract<Expr, { kind: 'map' }>, ctx: CheckContext): TypedExpr {
  const seen = new Set<string>();
  const entries = expr.entries.map(({ key, value }) => {
    const typedKey = ctx.check(key);
    if (!isAssignable(typedKey.type, STRING) || typedKey.type.kind === 'null') {
      ctx.diagnostics.report(`map keys must be strings, got ${typeName(typedKey.type)}`, key.span);
    } else if (key.kind === 'literal' && typeof key.literal.value === 'string') {
      if (seen.has(key.literal.value)) ctx.diagnostics.report(`duplicate map key '${key.literal.value}'`, key.span);
      seen.add(key.literal.value);
    }
    return { key: typedKey, value: ctx.check(value) };
  });
  const values = entries.map((entry) => entry.value.type);
  const first = values[0];
  const value = first ? values.slice(1).reduce<ExprType>(joinTypes, first) : DYN;
  return { kind: 'map', type: mapOf(STRING, value), entries };
}

/** The whole expression must produce the scope's result type; `dyn` is checked when it runs. */
function requireResult(root: TypedExpr, result: ExprType, span: Span, ctx: CheckContext): TypedExpr {
  if (root.type.kind === 'dyn' && result.kind === 'bool') return { kind: 'assert_bool', type: result, operand: root };
  if (isAssignable(root.type, result) && !(root.type.kind === 'null' && result.kind === 'bool')) return root;
  ctx.diagnostics.report(`the expression must produce ${typeName(result)}, got ${typeName(root.type)}`, span);
  return poisoned();
}
