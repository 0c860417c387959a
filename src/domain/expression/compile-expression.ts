import type { Expr } from './ast.js';
import { checkDepth } from './ast-walk.js';
import { checkExpression, type ExpressionScope } from './checker.js';
import type { Evaluator } from './compile-context.js';
import { compileTree } from './compiler.js';
import type { ExprType } from './expr-type.js';
import { Diagnostics, EXPRESSION_LIMITS, type ExpressionError } from './expression-error.js';
import { tokenize } from './lexer.js';
import { parseTokens } from './parser.js';

export type CompileResult =
  | { ok: true; evaluate: Evaluator; type: ExprType; source: string; tree: Expr }
  | { ok: false; errors: ExpressionError[] };

/**
 * Parses, type-checks against `scope` and compiles `source` into a closure. Never throws: any
 * input, however broken, comes back as `{ ok: false, errors }` with positions.
 */
export function compileExpression(source: string, scope: ExpressionScope): CompileResult {
  const text = typeof source === 'string' ? source : '';
  const diagnostics = new Diagnostics(text);
  try {
    if (typeof source !== 'string') diagnostics.report('the expression must be a string', { start: 0, end: 0 });
    else if (source.length > EXPRESSION_LIMITS.maxSourceLength) {
      const limit = EXPRESSION_LIMITS.maxSourceLength;
      diagnostics.report(`expression is too long (${source.length} characters, at most ${limit})`, { start: limit, end: source.length });
    }
    if (diagnostics.failed) return { ok: false, errors: diagnostics.errors };
    return compileChecked(text, scope, diagnostics);
  } catch (error) {
    // Only a bug can land here; the caller still gets an answer instead of a crash.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [...diagnostics.errors, internalError(message)] };
  }
}

function compileChecked(source: string, scope: ExpressionScope, diagnostics: Diagnostics): CompileResult {
  const tokens = tokenize(source, diagnostics);
  if (diagnostics.failed) return { ok: false, errors: diagnostics.errors };
  const tree = parseTokens(tokens, diagnostics);
  if (!tree || diagnostics.failed || !checkDepth(tree, diagnostics)) return { ok: false, errors: diagnostics.errors };
  const checked = checkExpression(tree, scope, diagnostics);
  if (diagnostics.failed) return { ok: false, errors: diagnostics.errors };
  const evaluate = compileTree(checked.root, checked.slots);
  return { ok: true, evaluate, type: checked.root.type, source, tree };
}

function internalError(message: string): ExpressionError {
  return { message: `internal error while compiling: ${message}`, offset: 0, line: 1, column: 1, length: 1 };
}
