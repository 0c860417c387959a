import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileExpression } from './compile-expression.js';
import { expressionEnvironment } from './environment.js';
import { AGENT_TYPE, TICKET_TYPE } from './shapes.js';
import { ANY_RESULT } from './test-support.js';

describe('expressionEnvironment', () => {
  const environment = expressionEnvironment({ routing: { ticket: TICKET_TYPE, agent: AGENT_TYPE }, agents: { agent: AGENT_TYPE } }, [
    { key: 'amount', kind: 'number', ticketType: 'refund' },
    { key: 'amount', kind: 'number', ticketType: 'invoice' },
  ]);
  const routing = environment.scopes.routing;

  it('lists every field path with its type, and each one compiles', () => {
    const tier = routing.find((field) => field.path === 'ticket.customer.tier');
    assert.deepEqual(tier, { path: 'ticket.customer.tier', type: 'string' });
    assert.ok(routing.some((field) => field.path === 'now'));
    for (const field of routing) assert.equal(compileExpression(field.path, ANY_RESULT).ok, true, field.path);
  });

  it('gives a custom field once, with every ticket type that defines it, where there is a ticket', () => {
    assert.equal(environment.scopes.agents.some((field) => field.path.startsWith('ticket')), false);
    assert.deepEqual(routing.filter((field) => field.path.startsWith('ticket.fields.')), [
      { path: 'ticket.fields.amount', type: 'dyn', custom: { kind: 'number', ticket_types: ['refund', 'invoice'] } },
    ]);
  });

  it('names the functions with how they are called', () => {
    assert.deepEqual(environment.functions.find((fn) => fn.name === 'has_skill'), { name: 'has_skill', style: 'global', arity: 3 });
    assert.ok(environment.macros.includes('exists'));
  });
});
