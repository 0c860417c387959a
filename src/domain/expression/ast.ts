import type { Span } from './expression-error.js';

/** Literal values as written: `null`, `true`, `3`, `2.5`, `'text'`. */
export type Literal =
  | { type: 'null'; value: null }
  | { type: 'bool'; value: boolean }
  | { type: 'int' | 'double'; value: number }
  | { type: 'string'; value: string };

export type BinaryOperator = '*' | '/' | '%' | '+' | '-' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | '&&' | '||';

/** The comprehension macros, all expanded at parse time like CEL does. */
export type MacroName = 'exists' | 'all' | 'exists_one' | 'filter' | 'map';

/**
 * The parse tree, tagged by `kind`. Every node keeps its source span so the checker can point at
 * what is wrong. Macros (`has`, `exists`, …) are already recognised here.
 */
export type Expr =
  | { kind: 'literal'; literal: Literal; span: Span }
  | { kind: 'ident'; name: string; span: Span }
  | { kind: 'select'; target: Expr; field: string; fieldSpan: Span; span: Span }
  | { kind: 'index'; target: Expr; index: Expr; span: Span }
  | { kind: 'call'; name: string; nameSpan: Span; receiver: Expr | null; args: Expr[]; span: Span }
  | { kind: 'list'; elements: Expr[]; span: Span }
  | { kind: 'map'; entries: MapEntry[]; span: Span }
  | { kind: 'unary'; op: '!' | '-'; operand: Expr; span: Span }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr; opSpan: Span; span: Span }
  | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr; span: Span }
  | { kind: 'has'; target: Expr; field: string; fieldSpan: Span; span: Span }
  | Comprehension;

export interface MapEntry {
  key: Expr;
  value: Expr;
}

/** `range.macro(variable, body)`; `map` may carry a filter first: `list.map(x, x > 0, x * 2)`. */
export interface Comprehension {
  kind: 'comprehension';
  macro: MacroName;
  range: Expr;
  variable: string;
  variableSpan: Span;
  filter: Expr | null;
  body: Expr;
  span: Span;
}
