import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileExpression } from './compile-expression.js';
import { EXPRESSION_LIMITS } from './expression-error.js';
import { ANY_RESULT, SCOPE, compileErrors, run, runtimeFault, sampleEnv } from './test-support.js';

describe('expression safety: nothing beyond the given variables', () => {
  it('refuses prototype names as fields of typed objects', () => {
    for (const field of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']) {
      const [error] = compileErrors(`ticket.${field} == null`);
      assert.equal(error?.message, `Ticket has no field '${field}'`);
    }
  });

  it('finds nothing inherited in dyn maps: fields["__proto__"] and friends', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      assert.equal(run(`'${key}' in ticket.fields`), false, `'${key}' in`);
      assert.equal(run(`has(ticket.fields.${key})`), false, `has(${key})`);
      assert.equal(runtimeFault(`ticket.fields['${key}'] == null`), `no such key: '${key}'`);
      assert.equal(runtimeFault(`ticket.fields.${key} == null`), `no such key: '${key}'`);
      assert.equal(runtimeFault(`agent.skills['${key}'] > 0`), `no such key: '${key}'`);
    }
  });

  it('reads a JSON "__proto__" key that the data really has', () => {
    const fields = JSON.parse('{"__proto__": "own", "constructor": 1}') as Record<string, unknown>;
    const env = sampleEnv({ fields });
    assert.equal(run("ticket.fields['__proto__'] == 'own' && ticket.fields.constructor == 1", env), true);
  });

  it('reads a declared field that the data lacks as null', () => {
    const env = sampleEnv({ customer: { id: 'c' } });
    assert.equal(run('ticket.customer.tier == null', env), true);
    assert.equal(run('has(ticket.customer.tier)', env), false);
  });

  it('never hands out a function value', () => {
    const env = sampleEnv({ fields: { items: [] } });
    assert.equal(runtimeFault('ticket.fields.items.map == null', env), "expected a map or object, got list");
    assert.equal(runtimeFault('ticket.fields.items.length == 0', env), 'expected a map or object, got list');
    const weird = sampleEnv({ ai: { label: 'x', confidence: 0.5, priority: () => 'high' } });
    assert.equal(runtimeFault("ticket.ai.priority == 'high'", weird), 'unsupported value');
  });

  it('has no eval-like function and no way to define one', () => {
    for (const source of ['eval("1")', 'Function("x")', 'this.x', 'globalThis.process', 'require("fs")', 'import("fs")']) {
      assert.equal(compileExpression(source, SCOPE).ok, false, source);
    }
  });
});

describe('expression safety: bounded evaluation', () => {
  it('caps macro iterations per evaluation, even for nested loops over literals', () => {
    const list = `[${Array.from({ length: 50 }, (_, i) => i).join(', ')}]`;
    const bomb = `${list}.exists(a, ${list}.exists(b, ${list}.exists(c, ${list}.exists(d, a + b + c + d < 0))))`;
    const compiled = compileExpression(bomb, ANY_RESULT);
    assert.ok(compiled.ok);
    assert.throws(() => compiled.evaluate(sampleEnv()), new RegExp(`more than ${EXPRESSION_LIMITS.maxIterations} macro iterations`));
  });

  it('resets the budget for every evaluation', () => {
    const compiled = compileExpression('ticket.tags.map(t, ticket.tags.map(u, t + u)).size() == 2', SCOPE);
    assert.ok(compiled.ok);
    for (let i = 0; i < 100_000 / 4; i++) assert.equal(compiled.evaluate(sampleEnv()), true);
  });

  it('does not hang compiling a constant that would run past the budget; it faults when evaluated', () => {
    const list = `[${Array.from({ length: 60 }, (_, i) => i).join(',')}]`;
    const source = `${list}.all(a, ${list}.all(b, ${list}.all(c, a + b + c >= 0)))`;
    const started = process.hrtime.bigint();
    const compiled = compileExpression(source, SCOPE);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 1_000);
    assert.ok(compiled.ok);
    assert.throws(() => compiled.evaluate(sampleEnv()), /macro iterations/);
  });

  it('compares deeply nested data without exhausting the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const env = sampleEnv({ fields: { deep } });
    assert.equal(runtimeFault('ticket.fields.deep == ticket.fields.deep.a', env), 'values are nested too deeply to compare');
  });
});
