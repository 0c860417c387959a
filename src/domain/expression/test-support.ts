// Helpers shared by the expression tests: sample data in the shapes routing passes, and short ways
// to parse, compile and evaluate. Not used by production code.
import assert from 'node:assert/strict';
import type { Expr } from './ast.js';
import { unreachable } from './ast-walk.js';
import type { ExpressionScope } from './checker.js';
import type { EvalEnv } from './compile-context.js';
import { compileExpression } from './compile-expression.js';
import { BOOL } from './expr-type.js';
import { Diagnostics, ExpressionRuntimeError, type ExpressionError } from './expression-error.js';
import { tokenize } from './lexer.js';
import { parseTokens } from './parser.js';
import { AGENT_TYPE, TICKET_TYPE } from './shapes.js';

export const SCOPE: ExpressionScope = { variables: { ticket: TICKET_TYPE, agent: AGENT_TYPE }, result: BOOL };
export const ANY_RESULT: ExpressionScope = { variables: SCOPE.variables, result: { kind: 'dyn' } };
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

export const STOCKHOLM = { lat: 59.3293, lon: 18.0686 };
export const HELSINKI = { lat: 60.1699, lon: 24.9384 };

/** A ticket as routing passes it, with every key present. */
export function sampleTicket(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'tkt_1', type: 'support', title: 'Refund for order 42', description: 'The parcel never arrived.',
    text: 'Refund for order 42\nThe parcel never arrived.', channel: 'email', priority: 'high', status: 'queued',
    customer: { id: 'cus_1', name: 'Ada', email: 'ada@example.com', organization: 'Acme', tier: 'enterprise' },
    tags: ['billing', 'refund'], fields: { amount: 120.5, plan: 'gold', seats: 12, vip: true, nested: { region: 'eu' } },
    location: STOCKHOLM, language: 'sv', queue: null, escalation_level: 1, reroutes: 0,
    created_at: NOW - 3 * 3_600_000, due_at: null,
    ai: { label: 'billing', confidence: 0.82, priority: 'high' },
    signals: { sentiment: -0.4, language: 'sv', asks_for_human: false, flags: ['refund'] },
    ...overrides,
  };
}

/** An agent as routing passes it. */
export function sampleAgent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'agt_1', name: 'Bo', skills: { billing: 7, technical: 3 }, languages: ['sv', 'en'], teams: ['tier1'], level: 2,
    capacity: { email: 5, chat: 2 }, load: { email: 1, chat: 0 }, status: 'available', location: HELSINKI,
    attributes: { shift: 'day', senior: true }, idle_seconds: 125.5,
    ...overrides,
  };
}

/** The sample ticket and agent at NOW, each with the given keys replaced. */
export function sampleEnv(ticket: Record<string, unknown> = {}, agent: Record<string, unknown> = {}): EvalEnv {
  return { ticket: sampleTicket(ticket), agent: sampleAgent(agent), now: NOW };
}

/** Compiles (asserting success) and evaluates against the sample environment unless one is given. */
export function run(source: string, env: EvalEnv = sampleEnv(), scope: ExpressionScope = ANY_RESULT): unknown {
  const compiled = compileExpression(source, scope);
  if (!compiled.ok) assert.fail(`${source} did not compile: ${compiled.errors.map((e) => `${e.message} @${e.offset}`).join('; ')}`);
  return compiled.evaluate(env);
}

/** The message of the ExpressionRuntimeError the evaluation throws (asserting that it throws one). */
export function runtimeFault(source: string, env: EvalEnv = sampleEnv()): string {
  try {
    run(source, env);
  } catch (error) {
    assert.ok(error instanceof ExpressionRuntimeError, `expected ExpressionRuntimeError, got ${String(error)}`);
    return error.message;
  }
  return assert.fail(`${source} evaluated without a fault`);
}

/** The errors of a source that must not compile. */
export function compileErrors(source: string, scope: ExpressionScope = SCOPE): ExpressionError[] {
  const compiled = compileExpression(source, scope);
  assert.equal(compiled.ok, false, `${source} compiled but should not`);
  return compiled.ok ? [] : compiled.errors;
}

/** The single error of a source, as `message @offset+length`, for compact assertions. */
export function onlyError(source: string, scope: ExpressionScope = SCOPE): string {
  const errors = compileErrors(source, scope);
  assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
  const [error] = errors;
  return error ? `${error.message} @${error.offset}+${error.length}` : '';
}

/** The parse tree printed with every operation in parentheses, or the syntax errors. */
export function parsed(source: string): string {
  const diagnostics = new Diagnostics(source);
  const tokens = tokenize(source, diagnostics);
  const tree = diagnostics.failed ? undefined : parseTokens(tokens, diagnostics);
  if (!tree || diagnostics.failed) return `error: ${diagnostics.errors.map((e) => `${e.message} @${e.offset}`).join('; ')}`;
  return print(tree);
}

function print(expr: Expr): string {
  switch (expr.kind) {
    case 'literal': {
      const { literal } = expr;
      if (literal.type === 'string') return JSON.stringify(literal.value);
      return literal.type === 'double' ? `${literal.value}d` : String(literal.value);
    }
    case 'ident': return expr.name;
    case 'select': return `${print(expr.target)}.${expr.field}`;
    case 'index': return `${print(expr.target)}[${print(expr.index)}]`;
    case 'call': return `${expr.receiver ? `${print(expr.receiver)}.` : ''}${expr.name}(${expr.args.map(print).join(', ')})`;
    case 'list': return `[${expr.elements.map(print).join(', ')}]`;
    case 'map': return `{${expr.entries.map((e) => `${print(e.key)}: ${print(e.value)}`).join(', ')}}`;
    case 'unary': return `(${expr.op}${print(expr.operand)})`;
    case 'binary': return `(${print(expr.left)} ${expr.op} ${print(expr.right)})`;
    case 'conditional': return `(${print(expr.test)} ? ${print(expr.then)} : ${print(expr.otherwise)})`;
    case 'has': return `has(${print(expr.target)}.${expr.field})`;
    case 'comprehension': {
      const parts = [expr.variable, ...(expr.filter ? [print(expr.filter)] : []), print(expr.body)];
      return `${print(expr.range)}.${expr.macro}(${parts.join(', ')})`;
    }
    default: return unreachable(expr);
  }
}
