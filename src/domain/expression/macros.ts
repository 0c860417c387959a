import type { Expr, MacroName } from './ast.js';
import type { Diagnostics, Span } from './expression-error.js';

const MACROS: ReadonlySet<string> = new Set<MacroName>(['exists', 'all', 'exists_one', 'filter', 'map']);

/**
 * Builds a call node, expanding CEL's macros (`has(a.b)`, `list.exists(x, p)`, …) on the way, the
 * way CEL parsers do, so later stages see them as their own kinds.
 */
export function buildCall(
  name: { name: string; span: Span }, receiver: Expr | null, args: Expr[], span: Span, diagnostics: Diagnostics,
): Expr {
  if (receiver === null && name.name === 'has' && args.length === 1) return buildHas(args[0], span, diagnostics);
  if (receiver !== null && MACROS.has(name.name)) {
    const macro = name.name as MacroName;
    const comprehension = buildComprehension(macro, receiver, args, span, diagnostics);
    if (comprehension) return comprehension;
  }
  return { kind: 'call', name: name.name, nameSpan: name.span, receiver, args, span };
}

function buildHas(arg: Expr | undefined, span: Span, diagnostics: Diagnostics): Expr {
  if (arg?.kind === 'select') {
    return { kind: 'has', target: arg.target, field: arg.field, fieldSpan: arg.fieldSpan, span };
  }
  diagnostics.report('has() needs a field selection, like has(ticket.customer)', arg?.span ?? span);
  return { kind: 'literal', literal: { type: 'bool', value: false }, span };
}

function buildComprehension(macro: MacroName, range: Expr, args: Expr[], span: Span, diagnostics: Diagnostics): Expr | undefined {
  const arities = macro === 'map' ? [2, 3] : [2];
  if (!arities.includes(args.length)) {
    const shape = macro === 'map' ? 'map(x, expr) or map(x, filter, expr)' : `${macro}(x, predicate)`;
    diagnostics.report(`${macro}() takes a variable and an expression: list.${shape}`, span);
    return undefined;
  }
  const [variable, second, third] = args;
  if (variable?.kind !== 'ident' || !second) {
    diagnostics.report(`the first argument of ${macro}() must be a variable name`, variable?.span ?? span);
    return undefined;
  }
  const filter = third ? second : null;
  const body = third ?? second;
  return { kind: 'comprehension', macro, range, variable: variable.name, variableSpan: variable.span, filter, body, span };
}
