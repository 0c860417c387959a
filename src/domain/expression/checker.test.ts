import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileExpression } from './compile-expression.js';
import { AGENT_TYPE, TICKET_TYPE } from './shapes.js';
import { ANY_RESULT, SCOPE, compileErrors, onlyError } from './test-support.js';

function typeOf(source: string): string {
  const result = compileExpression(source, ANY_RESULT);
  if (!result.ok) return assert.fail(result.errors.map((e) => e.message).join('; '));
  const { type } = result;
  return type.kind === 'list' ? `list<${type.of.kind}>` : type.kind === 'object' ? type.name : type.kind;
}

describe('expression checker: names and fields', () => {
  it("reports a misspelt field with the offset of the field: ticket.custmer.tier", () => {
    assert.equal(onlyError("ticket.custmer.tier == 'vip'"), "Ticket has no field 'custmer' @7+7");
  });

  it('reports unknown fields on nested objects and unknown variables', () => {
    assert.equal(onlyError("ticket.customer.level == 'x'"), "Customer has no field 'level' @16+5");
    assert.equal(onlyError('tickt.priority == "high"'), "unknown variable 'tickt' @0+5");
    assert.equal(onlyError('agent.skills.billing > ticket.ai.score'), "Ai has no field 'score' @33+5");
  });

  it('does not let inherited names through as fields', () => {
    assert.equal(onlyError('ticket.__proto__ == null'), "Ticket has no field '__proto__' @7+9");
    assert.equal(onlyError('ticket.constructor == null'), "Ticket has no field 'constructor' @7+11");
    assert.equal(onlyError('has(ticket.toString)'), "Ticket has no field 'toString' @11+8");
    assert.equal(onlyError('constructor == null'), "unknown variable 'constructor' @0+11");
  });

  it('refuses member access on values that have no fields', () => {
    assert.equal(onlyError('ticket.priority.level == 1'), "string has no fields (looking for 'level') @16+5");
    assert.equal(onlyError("ticket.title[0] == 'a'"), 'string cannot be indexed with [ ] @0+12');
    assert.equal(onlyError("agent.languages['x'] == 'sv'"), 'index must be int, got string @16+3');
  });

  it('knows the implicit `now` and the types of every shape field', () => {
    assert.equal(typeOf('now'), 'timestamp');
    assert.equal(typeOf('ticket.created_at'), 'timestamp');
    assert.equal(typeOf('ticket.customer'), 'Customer');
    assert.equal(typeOf("agent.skills['billing']"), 'int');
    assert.equal(typeOf('agent.skills.billing'), 'int');
    assert.equal(typeOf('ticket.fields.plan'), 'dyn');
    assert.equal(typeOf('ticket.fields.nested.region'), 'dyn');
    assert.equal(typeOf('ticket.tags.filter(t, t != "x")'), 'list<string>');
    assert.equal(typeOf('agent.skills.map(k, agent.skills[k])'), 'list<int>');
    assert.equal(typeOf('1 + 2.0'), 'double');
    assert.equal(typeOf('7 / 2'), 'int');
    assert.equal(typeOf('true ? 1 : 2.5'), 'double');
    assert.equal(typeOf("[1, 'a']"), 'list<dyn>');
  });
});

describe('expression checker: operators', () => {
  it("refuses comparing incompatible types: ticket.priority == 3", () => {
    assert.equal(onlyError('ticket.priority == 3'), 'cannot compare string with int @0+20');
    assert.equal(onlyError("ticket.created_at < '2024-01-01'"), "cannot compare timestamp with string using '<' @0+32");
    assert.equal(onlyError('ticket.tags == agent.skills'), 'cannot compare list<string> with map<string, int> @0+27');
    assert.equal(onlyError('ticket.customer == agent.location'), 'cannot compare Customer with Location @0+33');
  });

  it('allows int with double, null with objects and strings, dyn with anything', () => {
    for (const source of [
      'ticket.ai.confidence > 0', 'ticket.escalation_level == 1.0', 'ticket.customer == null', 'ticket.customer.tier != null',
      'ticket.due_at == null', 'ticket.fields.amount > 100', "ticket.fields.plan == 'gold'", 'ticket.fields.tags == ticket.tags',
    ]) {
      assert.equal(compileExpression(source, SCOPE).ok, true, source);
    }
  });

  it('refuses arithmetic and membership that do not fit', () => {
    assert.equal(onlyError("ticket.priority + 1 == 'x'"), "operator '+' cannot combine string and int @0+19");
    assert.equal(onlyError('ticket.ai.confidence % 2 == 0'), "operator '%' cannot combine double and int @0+24");
    assert.equal(onlyError("-ticket.title == 'x'"), 'cannot negate string @0+13');
    assert.equal(onlyError("'x' in ticket.title"), "'in' needs a list or map on its right, got string @7+12");
    assert.equal(onlyError('1 in ticket.tags'), "'in' looks for string in list<string>, got int @0+16");
    assert.equal(onlyError("{1: 'a'}.size() > 0"), 'map keys must be strings, got int @1+1');
    assert.equal(onlyError("{'a': 1, 'a': 2}.size() > 0"), "duplicate map key 'a' @9+3");
  });

  it('requires bool where bool is needed, pointing at the operand', () => {
    assert.equal(onlyError("ticket.priority && true"), "the left side of '&&' must be bool, got string @0+15");
    assert.equal(onlyError("true || ticket.reroutes"), "the right side of '||' must be bool, got int @8+15");
    assert.equal(onlyError("!ticket.title"), "the operand of '!' must be bool, got string @1+12");
    assert.equal(onlyError("ticket.reroutes ? true : false"), 'the condition of ?: must be bool, got int @0+15');
    assert.equal(onlyError('ticket.tags.exists(t, t)'), 'the predicate of exists() must be bool, got string @22+1');
    assert.equal(onlyError('ticket.tags.map(t, size(t), t)[0] == "a"'), 'the filter of map() must be bool, got int @19+7');
  });

  it('requires the whole expression to produce the scope result', () => {
    assert.equal(onlyError('ticket.priority'), 'the expression must produce bool, got string @0+15');
    assert.equal(onlyError('null'), 'the expression must produce bool, got null @0+4');
    assert.equal(compileExpression('ticket.fields.vip', SCOPE).ok, true, 'dyn is checked when it runs');
    const stringScope = { variables: { ticket: TICKET_TYPE }, result: { kind: 'string' } } as const;
    assert.equal(compileExpression('ticket.priority', stringScope).ok, true);
  });

  it('reports several independent errors at once', () => {
    const errors = compileErrors("ticket.custmer.tier == 'vip' && agent.skils.billing > 3 || ticket.priority == 3");
    assert.deepEqual(errors.map((e) => [e.message, e.offset]), [
      ["Ticket has no field 'custmer'", 7],
      ["Agent has no field 'skils'", 38],
      ['cannot compare string with int', 59],
    ]);
  });
});

describe('expression checker: functions and macros', () => {
  it('checks names, call style and argument counts', () => {
    assert.equal(onlyError('nope(1)'), "unknown function 'nope' @0+4");
    assert.equal(onlyError('contains(ticket.title, "x")'), 'contains() is a method; call it on a value, like text.contains(…) @0+8');
    assert.equal(onlyError('ticket.location.distance_km(agent.location) < 5'), 'distance_km() is not a method; call it as distance_km(…) @16+11');
    assert.equal(onlyError('ticket.title.contains("a", "b")'), 'contains() takes 1 argument, got 2 @0+31');
    assert.equal(onlyError('has_skill(agent, "billing") '), 'has_skill() takes 3 arguments, got 2 @0+27');
  });

  it('checks argument types, pointing at the argument', () => {
    assert.equal(onlyError('ticket.title.contains(1)'), 'contains() expects string as argument 1, got int @22+1');
    assert.equal(onlyError('ticket.reroutes.contains("a")'), 'contains() must be called on string, got int @0+15');
    assert.equal(onlyError('distance_km(ticket.location, ticket.title) < 5'), 'distance_km() expects a location {lat, lon} as argument 2, got string @29+12');
    assert.equal(onlyError('has_skill(ticket, "billing", 3)'), 'has_skill() expects an agent as argument 1, got Ticket @10+6');
    assert.equal(onlyError('has_skill(agent, "billing", "3")'), 'has_skill() expects int as argument 3, got string @28+3');
    assert.equal(onlyError("ticket.text.contains_any('refund')"), 'contains_any() expects list<string> as argument 1, got string @25+8');
    assert.equal(onlyError('size(ticket.reroutes) > 0'), 'size() expects string, list or map as argument 1, got int @5+15');
    assert.equal(onlyError('hours_since(ticket.title) > 1.0'), 'hours_since() expects timestamp as argument 1, got string @12+12');
  });

  it('checks timestamp and number literals at compile time', () => {
    assert.equal(onlyError("ticket.created_at > timestamp('2024-02-30T00:00:00Z')"), "timestamp() cannot parse '2024-02-30T00:00:00Z' @30+22");
    assert.equal(onlyError("ticket.created_at > timestamp('2024-01-01T10:00:00')"), "timestamp() cannot parse '2024-01-01T10:00:00' @30+21");
    assert.equal(onlyError("int('12x') > 0"), "int() cannot convert '12x' @4+5");
  });

  it('explains why matches() is left out', () => {
    assert.match(onlyError("ticket.title.matches('a+')"), /matches\(\) is not supported: .*ReDoS/);
  });

  it('scopes macro variables to their body', () => {
    assert.equal(onlyError('ticket.tags.exists(t, t == "a") && t == "a"'), "unknown variable 't' @35+1");
    assert.equal(onlyError('ticket.title.exists(c, true)'), 'exists() needs a list or map, got string @0+12');
    assert.equal(compileExpression('agent.languages.exists(ticket, ticket == "sv")', SCOPE).ok, true, 'a loop variable may shadow');
  });

  it('accepts the documented examples of the design brief', () => {
    for (const source of [
      'agent.skills.billing >= 3', "ticket.customer.tier == 'enterprise'", 'agent.level >= 2', 'true',
      'distance_km(ticket.location, agent.location) < 50',
    ]) {
      const scope = { variables: { ticket: TICKET_TYPE, agent: AGENT_TYPE }, result: { kind: 'bool' } } as const;
      assert.equal(compileExpression(source, scope).ok, true, source);
    }
  });
});
