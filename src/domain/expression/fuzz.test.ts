import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { EvalEnv } from './compile-context.js';
import { compileExpression, type CompileResult } from './compile-expression.js';
import { ExpressionRuntimeError } from './expression-error.js';
import { ANY_RESULT, NOW, SCOPE, sampleEnv } from './test-support.js';

/** What every compile must satisfy: an answer, never an exception, never an internal error. */
function compileSafely(source: string): CompileResult {
  const result = compileExpression(source, SCOPE);
  assert.equal(typeof result.ok, 'boolean');
  if (!result.ok) {
    assert.ok(result.errors.length > 0);
    for (const error of result.errors) {
      assert.doesNotMatch(error.message, /internal error/, `${source}: ${error.message}`);
      assert.ok(error.offset >= 0 && error.offset <= source.length && error.line >= 1 && error.column >= 1);
    }
  }
  return result;
}

/** Evaluation either yields a bool or throws ExpressionRuntimeError, nothing else. */
function evaluateSafely(result: CompileResult, env: EvalEnv, source: string): void {
  if (!result.ok) return;
  try {
    assert.equal(typeof result.evaluate(env), 'boolean', source);
  } catch (error) {
    if (!(error instanceof ExpressionRuntimeError)) assert.fail(`${source} threw ${String(error)}`);
  }
}

const TOKENS = [
  '(', ')', '[', ']', '{', '}', ',', ':', '?', '.', '!', '-', '+', '*', '/', '%', '<', '<=', '>', '>=', '==', '!=',
  '&&', '||', 'in', 'true', 'false', 'null', '0', '1', '2.5', '1e3', '0x1F', '"a"', "'b'", "r'\\d'", '"""t"""', "'\\u00e9'",
  'ticket', 'agent', 'now', 'customer', 'tier', 'tags', 'fields', 'skills', 'billing', 'location', 'priority', 'text', 'x',
  'exists', 'all', 'exists_one', 'filter', 'map', 'has', 'size', 'contains', 'contains_any', 'startsWith', 'lowerAscii',
  'distance_km', 'has_skill', 'hours_since', 'timestamp', 'int', 'double', 'string', 'dyn', 'matches',
  '__proto__', 'constructor', 'if', '//', '"', "'", '\\', '=', '&', '|', '#', '😀',
];

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).chain((tokens) =>
  fc.constantFrom(' ', '').map((glue) => tokens.join(glue)));

describe('expression fuzzing: arbitrary input', () => {
  it('never throws from compileExpression on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (source) => {
      evaluateSafely(compileSafely(source), sampleEnv(), source);
    }), { numRuns: 300 });
  });

  it('never throws on token soups, and what compiles runs safely', () => {
    fc.assert(fc.property(tokenSoup, (source) => {
      evaluateSafely(compileSafely(source), sampleEnv(), source);
    }), { numRuns: 800 });
  });

  it('survives non-string input and odd scopes without throwing', () => {
    const junk: unknown[] = [undefined, null, 42, {}, ['x']];
    for (const value of junk) assert.equal(compileExpression(value as string, SCOPE).ok, false);
    assert.equal(compileExpression('x', { variables: {}, result: { kind: 'bool' } }).ok, false);
    assert.equal(compileExpression('x == 1', { variables: { x: { kind: 'dyn' } }, result: { kind: 'bool' } }).ok, true);
  });
});

type Kind = 'bool' | 'int' | 'double' | 'string' | 'strings' | 'timestamp';

const LEAVES: Record<Kind, fc.Arbitrary<string>> = {
  bool: fc.constantFrom('true', 'false', 'ticket.signals.asks_for_human', 'has(ticket.customer)', 'has(ticket.fields.vip)', 'ticket.fields.vip'),
  int: fc.oneof(fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.constantFrom('ticket.escalation_level', 'ticket.reroutes', 'agent.level', 'agent.skills.billing', 'size(ticket.tags)')),
  double: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((d) => (Number.isInteger(d) ? `${d}.0` : String(d))).filter((d) => !/e/.test(d)),
    fc.constantFrom('ticket.ai.confidence', 'agent.idle_seconds', 'distance_km(ticket.location, agent.location)', 'hours_since(ticket.created_at)')),
  string: fc.oneof(fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
    fc.constantFrom('ticket.priority', 'ticket.title', 'ticket.customer.tier', 'ticket.language', 'agent.name')),
  strings: fc.constantFrom('ticket.tags', 'agent.languages', "['a', 'b']", 'ticket.signals.flags', '[]'),
  timestamp: fc.constantFrom('ticket.created_at', 'now', 'ticket.due_at', "timestamp('2026-01-01T00:00:00Z')"),
};

const COMPOSITES: Record<Kind, Array<(g: (kind: Kind) => fc.Arbitrary<string>) => fc.Arbitrary<string>>> = {
  bool: [
    (g) => fc.tuple(g('bool'), fc.constantFrom('&&', '||'), g('bool')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    (g) => g('bool').map((a) => `!${a}`),
    (g) => fc.tuple(g('int'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), g('double')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    (g) => fc.tuple(g('string'), fc.constantFrom('==', '!=', '<', '>='), g('string')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    (g) => fc.tuple(g('timestamp'), fc.constantFrom('<', '>', '=='), g('timestamp')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    (g) => fc.tuple(g('string'), g('strings')).map(([a, b]) => `(${a} in ${b})`),
    (g) => fc.tuple(g('string'), fc.constantFrom('contains', 'startsWith', 'endsWith'), g('string')).map(([a, f, b]) => `${a}.${f}(${b})`),
    (g) => fc.tuple(g('strings'), fc.constantFrom('exists', 'all', 'exists_one'), g('int')).map(([l, m, i]) => `${l}.${m}(v, v.size() > ${i})`),
    (g) => fc.tuple(g('bool'), g('bool'), g('bool')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    (g) => fc.tuple(g('string'), g('int')).map(([s, i]) => `has_skill(agent, ${s}, ${i})`),
    (g) => fc.tuple(g('string'), g('strings')).map(([s, l]) => `${s}.contains_any(${l})`),
  ],
  int: [
    (g) => fc.tuple(g('int'), fc.constantFrom('+', '-', '*', '/', '%'), g('int')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    (g) => g('string').map((s) => `size(${s})`),
    (g) => g('double').map((d) => `int(${d})`),
    (g) => g('strings').map((l) => `${l}.size()`),
    (g) => fc.tuple(g('bool'), g('int'), g('int')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
  ],
  double: [
    (g) => fc.tuple(g('double'), fc.constantFrom('+', '-', '*', '/'), g('int')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    (g) => g('int').map((i) => `double(${i})`),
    (g) => fc.tuple(g('bool'), g('double'), g('double')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
  ],
  string: [
    (g) => fc.tuple(g('string'), g('string')).map(([a, b]) => `(${a} + ${b})`),
    (g) => fc.tuple(g('string'), fc.constantFrom('lowerAscii', 'upperAscii', 'trim')).map(([a, f]) => `${a}.${f}()`),
    (g) => g('int').map((i) => `string(${i})`),
    (g) => fc.tuple(g('strings'), g('int')).map(([l, i]) => `${l}[${i}]`),
  ],
  strings: [
    (g) => fc.tuple(g('strings'), g('string')).map(([l, s]) => `${l}.filter(v, v.startsWith(${s}))`),
    (g) => fc.tuple(g('strings'), g('string')).map(([l, s]) => `${l}.map(v, v + ${s})`),
    (g) => fc.tuple(g('strings'), g('strings')).map(([a, b]) => `(${a} + ${b})`),
    (g) => fc.tuple(g('string'), g('string')).map(([a, b]) => `[${a}, ${b}]`),
  ],
  timestamp: [
    (g) => fc.tuple(g('bool'), g('timestamp'), g('timestamp')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
  ],
};

/** Well-typed expressions of a kind, up to `depth` operators deep. */
function typed(kind: Kind, depth: number, memo = new Map<string, fc.Arbitrary<string>>()): fc.Arbitrary<string> {
  const key = `${kind}:${depth}`;
  const known = memo.get(key);
  if (known) return known;
  const arbitrary = depth === 0
    ? LEAVES[kind]
    : fc.oneof(LEAVES[kind], ...COMPOSITES[kind].map((build) => build((k) => typed(k, depth - 1, memo))));
  memo.set(key, arbitrary);
  return arbitrary;
}

const nullable = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arbitrary, { nil: null });
const text = fc.string({ maxLength: 12 });
const location = nullable(fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }));
const tags = fc.array(fc.constantFrom('billing', 'refund', 'vip', 'a', ''), { maxLength: 4 });

const envArbitrary: fc.Arbitrary<EvalEnv> = fc.record({
  ticket: fc.record({
    id: text, type: text, title: text, description: text, text, channel: text, status: text,
    priority: fc.constantFrom('urgent', 'high', 'normal', 'low'),
    customer: nullable(fc.record({ id: nullable(text), name: nullable(text), email: nullable(text), organization: nullable(text), tier: nullable(text) })),
    tags, fields: fc.dictionary(fc.constantFrom('vip', 'plan', 'amount', 'x'), fc.jsonValue({ maxDepth: 2 })),
    location, language: nullable(text), queue: nullable(text),
    escalation_level: fc.integer({ min: 0, max: 3 }), reroutes: fc.nat(5),
    created_at: fc.integer({ min: 0, max: NOW }), due_at: nullable(fc.integer({ min: 0, max: 2 * NOW })),
    ai: fc.record({ label: text, confidence: fc.double({ min: 0, max: 1, noNaN: true }), priority: text }),
    signals: fc.record({ sentiment: fc.double({ min: -1, max: 1, noNaN: true }), language: nullable(text), asks_for_human: fc.boolean(), flags: tags }),
  }),
  agent: fc.record({
    id: text, name: text, skills: fc.dictionary(fc.constantFrom('billing', 'technical', 'a', ''), fc.integer({ min: 1, max: 10 })),
    languages: tags, teams: tags, level: fc.integer({ min: 1, max: 3 }), capacity: fc.constant({ email: 5 }), load: fc.constant({ email: 1 }),
    status: text, location, attributes: fc.dictionary(text, fc.jsonValue({ maxDepth: 1 })), idle_seconds: fc.double({ min: 0, max: 1e5, noNaN: true }),
  }),
  now: fc.constant(NOW),
});

describe('expression fuzzing: well-typed expressions', () => {
  it('compile, and evaluate to a bool or fail with ExpressionRuntimeError only', () => {
    fc.assert(fc.property(typed('bool', 3), envArbitrary, (source, env) => {
      const result = compileSafely(source);
      if (!result.ok) assert.fail(`${source} did not compile: ${result.errors.map((e) => e.message).join('; ')}`);
      evaluateSafely(result, env, source);
    }), { numRuns: 400 });
  });

  it('near misses (a slice cut out, a token put in) never make the compiler throw', () => {
    const mutated = fc.tuple(typed('bool', 2), fc.nat(), fc.nat(6), fc.constantFrom(...TOKENS)).map(([source, at, cut, token]) => {
      const i = at % (source.length + 1);
      return source.slice(0, i) + (cut % 2 === 0 ? token : '') + source.slice(i + cut);
    });
    fc.assert(fc.property(mutated, (source) => {
      evaluateSafely(compileSafely(source), sampleEnv(), source);
    }), { numRuns: 400 });
  });

  it('values of other types evaluate or fail with ExpressionRuntimeError only', () => {
    const anyKind = fc.constantFrom<Kind>('int', 'double', 'string', 'strings', 'timestamp').chain((kind) => typed(kind, 2));
    fc.assert(fc.property(anyKind, envArbitrary, (source, env) => {
      const result = compileExpression(source, ANY_RESULT);
      if (!result.ok) assert.fail(`${source} did not compile: ${result.errors.map((e) => e.message).join('; ')}`);
      try {
        result.evaluate(env);
      } catch (error) {
        if (!(error instanceof ExpressionRuntimeError)) assert.fail(`${source} threw ${String(error)}`);
      }
    }), { numRuns: 300 });
  });
});
