import type { MacroName } from './ast.js';
import type { ExprType } from './expr-type.js';

/** A function body as the compiler calls it: arguments already evaluated, receiver first. */
export type FunctionImpl = (...args: unknown[]) => unknown;

/** What the checker decided a call means; `specialize` may build a faster body for constant arguments. */
export interface ResolvedFunction {
  name: string;
  impl: FunctionImpl;
  /**
   * Given the constant arguments (undefined where an argument is not constant), may return a
   * faster body that takes only the non-constant arguments, in order.
   */
  specialize?: (constants: ReadonlyArray<{ value: unknown } | undefined>) => FunctionImpl | undefined;
}

/** How a node's operands are represented at run time, so the compiler needs no type dispatch. */
export type ArithmeticMode = 'int' | 'double' | 'string' | 'list' | 'dyn';
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';
export type OrderingOperator = '<' | '<=' | '>' | '>=';

/**
 * The checked tree: every node has its static type and the meaning the checker resolved (which
 * overload, which access path). The compiler is a visitor over these kinds.
 */
export type TypedExpr =
  | { kind: 'constant'; type: ExprType; value: unknown }
  | { kind: 'variable'; type: ExprType; name: string }
  | { kind: 'local'; type: ExprType; slot: number }
  | { kind: 'field'; type: ExprType; target: TypedExpr; field: string }
  | { kind: 'index'; type: ExprType; target: TypedExpr; index: TypedExpr; access: 'list' | 'map' | 'dyn' }
  | { kind: 'call'; type: ExprType; fn: ResolvedFunction; args: TypedExpr[] }
  | { kind: 'list'; type: ExprType; elements: TypedExpr[] }
  | { kind: 'map'; type: ExprType; entries: Array<{ key: TypedExpr; value: TypedExpr }> }
  | { kind: 'not'; type: ExprType; operand: TypedExpr }
  | { kind: 'negate'; type: ExprType; operand: TypedExpr; mode: 'int' | 'double' | 'dyn' }
  | { kind: 'arithmetic'; type: ExprType; op: ArithmeticOperator; left: TypedExpr; right: TypedExpr; mode: ArithmeticMode }
  | { kind: 'equality'; type: ExprType; negated: boolean; left: TypedExpr; right: TypedExpr; mode: 'identity' | 'deep' }
  | { kind: 'ordering'; type: ExprType; op: OrderingOperator; left: TypedExpr; right: TypedExpr; mode: 'number' | 'string' | 'dyn' }
  | { kind: 'membership'; type: ExprType; element: TypedExpr; collection: TypedExpr; mode: 'list' | 'map' | 'dyn' }
  | { kind: 'logical'; type: ExprType; op: '&&' | '||'; left: TypedExpr; right: TypedExpr }
  | { kind: 'conditional'; type: ExprType; test: TypedExpr; then: TypedExpr; otherwise: TypedExpr }
  | { kind: 'has'; type: ExprType; target: TypedExpr; field: string; mode: 'object' | 'map' | 'dyn' }
  | TypedComprehension
  | { kind: 'assert_bool'; type: ExprType; operand: TypedExpr };

/** A macro loop: `slot` is where the loop variable lives while `body` runs. */
export interface TypedComprehension {
  kind: 'comprehension';
  type: ExprType;
  macro: MacroName;
  range: TypedExpr;
  over: 'list' | 'map' | 'dyn';
  slot: number;
  filter: TypedExpr | null;
  body: TypedExpr;
}
