import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileExpression } from './compile-expression.js';
import { expressionEnvironment } from './environment.js';
import { ANY_RESULT } from './test-support.js';

describe('expressionEnvironment', () => {
  const environment = expressionEnvironment([
    { key: 'amount', kind: 'number', ticketType: 'refund' },
    { key: 'amount', kind: 'number', ticketType: 'invoice' },
  ]);

  it('lists every field path with its type, and each one compiles', () => {
    const tier = environment.fields.find((field) => field.path === 'ticket.customer.tier');
    assert.deepEqual(tier, { path: 'ticket.customer.tier', type: 'string' });
    for (const field of environment.fields) assert.equal(compileExpression(field.path, ANY_RESULT).ok, true, field.path);
  });

  it('gives a custom field once, with every ticket type that defines it', () => {
    assert.deepEqual(environment.fields.filter((field) => field.path.startsWith('ticket.fields.')), [
      { path: 'ticket.fields.amount', type: 'dyn', custom: { kind: 'number', ticket_types: ['refund', 'invoice'] } },
    ]);
  });

  it('names the functions with how they are called', () => {
    assert.deepEqual(environment.functions.find((fn) => fn.name === 'has_skill'), { name: 'has_skill', style: 'global', arity: 3 });
    assert.ok(environment.macros.includes('exists'));
  });
});
