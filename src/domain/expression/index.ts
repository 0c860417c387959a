// The expression language of routing policies (a subset of CEL): see docs/expressions.md.
export type { Expr } from './ast.js';
export { childrenOf } from './ast-walk.js';
export type { ExprType } from './expr-type.js';
export { typeName } from './expr-type.js';
export type { ExpressionScope } from './checker.js';
export type { EvalEnv, Evaluator } from './compile-context.js';
export type { CompileResult } from './compile-expression.js';
export { compileExpression } from './compile-expression.js';
export type { ExpressionError } from './expression-error.js';
export { EXPRESSION_LIMITS, ExpressionRuntimeError } from './expression-error.js';
export { AGENT_TYPE, LOCATION_TYPE, TICKET_TYPE } from './shapes.js';
