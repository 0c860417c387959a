import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileExpression } from './compile-expression.js';
import { NOW, SCOPE, run, runtimeFault, sampleEnv } from './test-support.js';

describe('expression evaluation: numbers', () => {
  it('does int arithmetic exactly: truncating division, sign of the dividend for %', () => {
    assert.equal(run('7 / 2'), 3);
    assert.equal(run('-7 / 2'), -3);
    assert.equal(run('-7 % 3'), -1);
    assert.equal(run('7 % -3'), 1);
    assert.equal(run('ticket.escalation_level * 10 + 5'), 15);
    assert.equal(run('0x10 - 1'), 15);
  });

  it('mixes ints and doubles as doubles', () => {
    assert.equal(run('7 / 2.0'), 3.5);
    assert.equal(run('ticket.ai.confidence * 100 > 80'), true);
    assert.equal(run('1 == 1.0'), true);
    assert.equal(run('ticket.escalation_level < 1.5'), true);
  });

  it('faults on int division by zero and overflow; doubles follow IEEE 754', () => {
    assert.equal(runtimeFault('ticket.reroutes / 0 > 1'), 'division by zero');
    assert.equal(runtimeFault('5 % ticket.reroutes == 0'), 'division by zero');
    assert.equal(runtimeFault('9007199254740991 + ticket.escalation_level > 0'), 'int overflow');
    assert.equal(run('1.0 / 0.0'), Number.POSITIVE_INFINITY);
  });
});

describe('expression evaluation: strings', () => {
  it('concatenates, measures in code points and compares by value', () => {
    assert.equal(run("ticket.language + '-' + ticket.channel"), 'sv-email');
    assert.equal(run("size('héllo😀')"), 6);
    assert.equal(run("'😀'.size()"), 1);
    assert.equal(run("'abc' < 'abd' && 'b' > 'a'"), true);
  });

  it('offers contains, startsWith, endsWith, trim and ASCII case mapping', () => {
    assert.equal(run("ticket.title.contains('order')"), true);
    assert.equal(run("ticket.title.startsWith('Refund')"), true);
    assert.equal(run("ticket.title.endsWith('42')"), true);
    assert.equal(run("'  x \\n'.trim()"), 'x');
    assert.equal(run("'MiXeD Åsa'.lowerAscii()"), 'mixed Åsa');
    assert.equal(run("'straße'.upperAscii()"), 'STRAßE');
  });

  it('contains_any ignores case, with constant or computed needles', () => {
    assert.equal(run("ticket.text.contains_any(['NEVER ARRIVED', 'cancel'])"), true);
    assert.equal(run("ticket.text.contains_any(['lawyer', 'cancel'])"), false);
    assert.equal(run('ticket.text.contains_any(ticket.tags)'), true);
    assert.equal(run("ticket.text.contains_any([])"), false);
    const env = sampleEnv({ text: 'I will CANCEL' });
    assert.equal(run("ticket.text.contains_any(['cancel'])", env), true);
  });
});

describe('expression evaluation: null and presence', () => {
  const noCustomer = sampleEnv({ customer: null });
  const noTier = sampleEnv({ customer: { id: null, name: null, email: null, organization: null, tier: null } });

  it('compares null unequal to any string, equal to null', () => {
    assert.equal(run("ticket.customer.tier == 'vip'", noTier), false);
    assert.equal(run("ticket.customer.tier != 'vip'", noTier), true);
    assert.equal(run('ticket.customer.tier == null', noTier), true);
    assert.equal(run('ticket.customer == null', noCustomer), true);
    assert.equal(run('ticket.due_at == null'), true);
  });

  it('faults on member access through null and on string functions of null', () => {
    assert.equal(runtimeFault("ticket.customer.tier == 'vip'", noCustomer), "cannot read 'tier' of null");
    assert.equal(runtimeFault("ticket.customer.tier.startsWith('v')", noTier), 'expected a string, got null');
    assert.equal(runtimeFault('ticket.due_at < now'), "cannot apply '<' to null and timestamp");
    assert.equal(runtimeFault('ticket.due_at > timestamp("2026-01-01")'), "cannot apply '>' to null and timestamp");
  });

  it('has(): map key present, object field set, false on a null object', () => {
    assert.equal(run('has(ticket.fields.plan)'), true);
    assert.equal(run('has(ticket.fields.missing)'), false);
    assert.equal(run('has(ticket.fields.nested.region)'), true);
    assert.equal(run('has(agent.skills.billing) && !has(agent.skills.legal)'), true);
    assert.equal(run('has(ticket.customer)'), true);
    assert.equal(run('has(ticket.customer)', noCustomer), false);
    assert.equal(run('has(ticket.customer.tier)', noCustomer), false);
    assert.equal(run('has(ticket.customer.tier)', noTier), false);
    assert.equal(run('has(ticket.customer) && ticket.customer.tier == "vip"', noCustomer), false);
  });
});

describe('expression evaluation: && and || with errors, ?:', () => {
  const fault = 'ticket.fields.missing == 1';
  it('false && error is false, in either order', () => {
    assert.equal(run(`ticket.reroutes > 5 && ${fault}`), false);
    assert.equal(run(`${fault} && ticket.reroutes > 5`), false);
  });

  it('true || error is true, in either order', () => {
    assert.equal(run(`ticket.reroutes == 0 || ${fault}`), true);
    assert.equal(run(`${fault} || ticket.reroutes == 0`), true);
  });

  it('the error stands when the other side does not decide', () => {
    assert.equal(runtimeFault(`${fault} && ticket.reroutes == 0`), "no such key: 'missing'");
    assert.equal(runtimeFault(`ticket.reroutes == 0 && ${fault}`), "no such key: 'missing'");
    assert.equal(runtimeFault(`${fault} || ticket.reroutes > 5`), "no such key: 'missing'");
  });

  it('folds constant sides and evaluates only the chosen branch of ?:', () => {
    assert.equal(run('false && 1 / 0 == 1'), false);
    assert.equal(run('1 / 0 == 1 || true'), true);
    assert.equal(run("ticket.reroutes == 0 ? 'first' : string(10 / ticket.reroutes)"), 'first');
    assert.equal(run("ticket.priority == 'low' ? 1 : 2"), 2);
  });
});

describe('expression evaluation: collections', () => {
  it('in: constant and computed lists, map keys, dyn', () => {
    assert.equal(run("ticket.priority in ['urgent', 'high']"), true);
    assert.equal(run("ticket.priority in ['low']"), false);
    assert.equal(run('ticket.language in agent.languages'), true);
    assert.equal(run("'billing' in agent.skills"), true);
    assert.equal(run("'legal' in agent.skills"), false);
    assert.equal(run("'plan' in ticket.fields && 'eu' in [ticket.fields.nested.region]"), true);
    assert.equal(run('[1, 2] in [[1, 2], [3]]'), true);
    assert.equal(run('ticket.escalation_level in [1.0, 2.0]'), true);
  });

  it('indexes lists and maps, faulting outside them', () => {
    assert.equal(run('agent.languages[1]'), 'en');
    assert.equal(run("agent.skills['billing']"), 7);
    assert.equal(run("ticket.fields['plan'] == 'gold'"), true);
    assert.equal(runtimeFault('agent.languages[2] == "x"'), 'index 2 out of range for a list of size 2');
    assert.equal(runtimeFault('agent.languages[-1] == "x"'), 'index -1 out of range for a list of size 2');
    assert.equal(runtimeFault('agent.skills.sales >= 3'), "no such key: 'sales'");
  });

  it('compares lists and maps by value and concatenates lists', () => {
    assert.equal(run("ticket.tags == ['billing', 'refund']"), true);
    assert.equal(run("ticket.fields.nested == {'region': 'eu'}"), true);
    assert.equal(run("{'a': [1, {'b': 2}]} == {'a': [1, {'b': 2}]}"), true);
    assert.equal(run("{'a': 1} != {'a': 1, 'b': 2}"), true);
    assert.deepEqual(run("ticket.tags + ['x']"), ['billing', 'refund', 'x']);
    assert.equal(run('size(agent.skills) == 2 && agent.skills.size() == 2'), true);
  });

  it('returns maps without a prototype, so "__proto__" is an ordinary key', () => {
    const value = run("{'__proto__': 1, 'b': ticket.reroutes}") as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), null);
    assert.deepEqual(Object.keys(value), ['__proto__', 'b']);
  });
});

describe('expression evaluation: macros', () => {
  it('exists, all, exists_one over lists', () => {
    assert.equal(run("ticket.tags.exists(t, t == 'refund')"), true);
    assert.equal(run("ticket.tags.exists(t, t.startsWith('ref'))"), true);
    assert.equal(run("ticket.tags.all(t, t.size() > 3)"), true);
    assert.equal(run("ticket.tags.exists_one(t, t.contains('i'))"), true);
    assert.equal(run("ticket.tags.exists_one(t, t.size() > 1)"), false);
    assert.equal(run('[].exists(x, true) || [].all(x, false)'), true);
  });

  it('filter and map (also with a filter) build new lists', () => {
    assert.deepEqual(run("ticket.tags.filter(t, t != 'billing')"), ['refund']);
    assert.deepEqual(run('[1, 2, 3].map(x, x * x)'), [1, 4, 9]);
    assert.deepEqual(run('[1, 2, 3, 4].map(x, x % 2 == 0, x * 10)'), [20, 40]);
    assert.deepEqual(run('agent.languages.map(l, l.upperAscii()).filter(l, l != "EN")'), ['SV']);
  });

  it('loops over the keys of maps', () => {
    assert.equal(run('agent.skills.exists(k, agent.skills[k] > 5)'), true);
    assert.equal(run('agent.skills.all(k, agent.skills[k] >= 3)'), true);
    assert.deepEqual(run('agent.skills.filter(k, agent.skills[k] > 5)'), ['billing']);
    assert.equal(run("ticket.fields.exists(k, k == 'plan')"), true);
  });

  it('nests loops, each with its own variable', () => {
    assert.equal(run('agent.languages.exists(l, ticket.tags.exists(t, size(t) > size(l)))'), true);
    assert.deepEqual(run('[1, 2].map(a, [10, 20].map(b, a + b))'), [[11, 21], [12, 22]]);
  });

  it('lets an element decide despite faults on other elements, like && and ||', () => {
    const env = sampleEnv({ fields: { items: [{ ok: true }, { other: 1 }] } });
    assert.equal(run('ticket.fields.items.exists(i, i.ok == true)', env), true);
    assert.equal(run('ticket.fields.items.all(i, i.ok == false)', env), false);
    assert.equal(runtimeFault('ticket.fields.items.all(i, i.ok == true)', env), "no such key: 'ok'");
    assert.equal(runtimeFault('ticket.fields.items.exists(i, i.ok == false)', env), "no such key: 'ok'");
  });
});

describe('expression evaluation: dyn values are checked when they run', () => {
  it('works with JSON values of the right type', () => {
    assert.equal(run('ticket.fields.amount > 100 && ticket.fields.seats == 12'), true);
    assert.equal(run('ticket.fields.vip && ticket.fields.plan == "gold"'), true);
    assert.equal(run('ticket.fields.amount / 2'), 60.25);
    assert.equal(run('ticket.fields.seats / 5'), 2.4);
    assert.equal(run('agent.attributes.senior'), true);
  });

  it('faults on the wrong type', () => {
    assert.equal(runtimeFault('ticket.fields.plan > 3'), "cannot apply '>' to string and int");
    assert.equal(runtimeFault('ticket.fields.plan && true'), 'expected a bool, got string');
    assert.equal(runtimeFault('ticket.fields.plan.size() > 1 && ticket.fields.amount.size() > 1'), 'size() needs a string, list or map, got double');
    assert.equal(runtimeFault('ticket.fields.plan - 1 > 0'), "operator '-' cannot combine string and int");
    const compiled = compileExpression('ticket.fields.plan', SCOPE);
    assert.ok(compiled.ok);
    assert.throws(() => compiled.evaluate(sampleEnv()), /expected a bool, got string/);
  });
});

describe('expression evaluation: helpers', () => {
  it('distance_km: Stockholm to Helsinki is about 396 km', () => {
    const km = run('distance_km(ticket.location, agent.location)') as number;
    assert.ok(Math.abs(km - 396) < 1, `got ${km}`);
    assert.equal(run('distance_km(ticket.location, ticket.location)'), 0);
    assert.equal(run("distance_km({'lat': 0.0, 'lon': 0.0}, {'lat': 0.0, 'lon': 180.0}) > 20015"), true);
  });

  it('distance_km faults on a missing location', () => {
    assert.equal(runtimeFault('distance_km(ticket.location, agent.location) < 500', sampleEnv({ location: null })),
      'distance_km() argument 1 is null, not a location');
  });

  it('has_skill compares the level and treats a missing skill as false', () => {
    assert.equal(run("has_skill(agent, 'billing', 7)"), true);
    assert.equal(run("has_skill(agent, 'billing', 8)"), false);
    assert.equal(run("has_skill(agent, 'legal', 1)"), false);
    assert.equal(run("has_skill(agent, 'constructor', 1)"), false);
    assert.equal(run('has_skill(agent, ticket.ai.label, ticket.escalation_level)'), true);
    assert.equal(run("has_skill(agent, 'toString', 0)"), false);
  });

  it('hours_since measures from the evaluation time', () => {
    assert.equal(run('hours_since(ticket.created_at)'), 3);
    assert.equal(run('hours_since(ticket.created_at) > 2.5', { ...sampleEnv(), now: NOW - 3_600_000 }), false);
    assert.equal(runtimeFault('hours_since(ticket.due_at) > 1.0'), 'hours_since() needs a timestamp, got null');
  });

  it('timestamp() reads ISO 8601 and is folded when given a literal', () => {
    assert.equal(run("timestamp('2026-01-15T12:00:00Z') == now"), true);
    assert.equal(run("timestamp('2026-01-15T14:00:00+02:00') == now"), true);
    assert.equal(run("timestamp('2026-01-15T12:00:00.250Z')"), NOW + 250);
    assert.equal(run("timestamp('2026-01-15')"), Date.UTC(2026, 0, 15));
    assert.equal(run("timestamp('0050-06-01')"), new Date('0050-06-01T00:00:00Z').getTime());
    assert.equal(run('ticket.created_at < now && ticket.created_at > timestamp("2020-02-29T00:00:00Z")'), true);
    assert.equal(runtimeFault("timestamp(ticket.title) > now"), "timestamp() cannot parse 'Refund for order 42'");
  });

  it('int(), double() and string() convert', () => {
    assert.equal(run("int('42') + int(2.9) + int(-2.9)"), 42);
    assert.equal(run("int(timestamp('1970-01-01T00:01:00Z'))"), 60);
    assert.equal(run("double('2.5') + double(1)"), 3.5);
    assert.equal(run("string(12) + string(true) + string(2.5)"), '12true2.5');
    assert.equal(run('string(now)'), '2026-01-15T12:00:00.000Z');
    assert.equal(run('int(ticket.fields.seats) + int(ticket.fields.amount)'), 132);
    assert.equal(runtimeFault("int(ticket.fields.plan) > 0"), "int() cannot convert 'gold'");
    assert.equal(runtimeFault('int(1e300) > 0'), 'int() of 1e+300 is out of range');
  });
});

describe('expression evaluation: environment', () => {
  it('reads `now` and faults on a variable the caller did not set', () => {
    assert.equal(run('ticket.created_at < now'), true);
    assert.equal(runtimeFault('agent.level > 1', { ticket: {}, now: NOW }), "variable 'agent' is not set");
  });

  it('returns frozen constants, so one caller cannot change what the next one sees', () => {
    const compiled = compileExpression("['a', 'b']", { variables: {}, result: { kind: 'dyn' } });
    assert.ok(compiled.ok);
    const first = compiled.evaluate({ now: NOW }) as string[];
    assert.ok(Object.isFrozen(first));
    assert.throws(() => first.push('c'));
    assert.deepEqual(compiled.evaluate({ now: NOW }), ['a', 'b']);
  });

  it('gives the same answer whichever side the constant is on', () => {
    for (const priority of ['high', 'low']) {
      const env = sampleEnv({ priority });
      assert.equal(run("ticket.priority == 'high'", env), run("'high' == ticket.priority", env));
      assert.equal(run("ticket.priority != 'high'", env), run("'high' != ticket.priority", env));
    }
  });
});
