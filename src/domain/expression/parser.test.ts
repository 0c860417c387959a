import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileExpression } from './compile-expression.js';
import { EXPRESSION_LIMITS } from './expression-error.js';
import { SCOPE, compileErrors, parsed } from './test-support.js';

describe('expression parser: constructs', () => {
  it('parses literals of every type', () => {
    assert.equal(parsed('42'), '42');
    assert.equal(parsed('0x1F'), '31');
    assert.equal(parsed('2.5'), '2.5d');
    assert.equal(parsed('.5'), '0.5d');
    assert.equal(parsed('1e3'), '1000d');
    assert.equal(parsed('1.5E-2'), '0.015d');
    assert.equal(parsed('true'), 'true');
    assert.equal(parsed('false'), 'false');
    assert.equal(parsed('null'), 'null');
    assert.equal(parsed('"text"'), '"text"');
    assert.equal(parsed("'text'"), '"text"');
  });

  it('parses lists and maps, with trailing commas allowed', () => {
    assert.equal(parsed('[]'), '[]');
    assert.equal(parsed('[1, 2, 3,]'), '[1, 2, 3]');
    assert.equal(parsed('{}'), '{}');
    assert.equal(parsed("{'a': 1, 'b': [true],}"), '{"a": 1, "b": [true]}');
  });

  it('parses identifiers, member access, indexing and calls', () => {
    assert.equal(parsed('ticket.customer.tier'), 'ticket.customer.tier');
    assert.equal(parsed("ticket.fields['plan']"), 'ticket.fields["plan"]');
    assert.equal(parsed('agent.languages[0]'), 'agent.languages[0]');
    assert.equal(parsed('size(ticket.tags)'), 'size(ticket.tags)');
    assert.equal(parsed("ticket.title.contains('x')"), 'ticket.title.contains("x")');
    assert.equal(parsed('distance_km(a, b)'), 'distance_km(a, b)');
    assert.equal(parsed('f()'), 'f()');
    assert.equal(parsed('.ticket.id'), 'ticket.id');
  });

  it('parses unary operators, repeated', () => {
    assert.equal(parsed('!x'), '(!x)');
    assert.equal(parsed('!!x'), '(!(!x))');
    assert.equal(parsed('-x'), '(-x)');
    assert.equal(parsed('--1'), '(-(-1))');
    assert.equal(parsed('-a.b'), '(-a.b)');
  });

  it('expands the macros at parse time', () => {
    assert.equal(parsed('has(ticket.customer)'), 'has(ticket.customer)');
    assert.equal(parsed("l.exists(x, x == 'a')"), 'l.exists(x, (x == "a"))');
    assert.equal(parsed('l.all(x, x > 0)'), 'l.all(x, (x > 0))');
    assert.equal(parsed('l.exists_one(x, x)'), 'l.exists_one(x, x)');
    assert.equal(parsed('l.filter(x, x > 1)'), 'l.filter(x, (x > 1))');
    assert.equal(parsed('l.map(x, x * 2)'), 'l.map(x, (x * 2))');
    assert.equal(parsed('l.map(x, x > 1, x * 2)'), 'l.map(x, (x > 1), (x * 2))');
    assert.equal(parsed('l.map(x, x).filter(y, y)'), 'l.map(x, x).filter(y, y)');
  });

  it('skips whitespace of every kind and // comments', () => {
    assert.equal(parsed('a\n&&\tb // why\r\n|| c'), '((a && b) || c)');
  });
});

describe('expression parser: precedence and associativity', () => {
  const cases: Array<[string, string]> = [
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['7 % 3 * 2', '((7 % 3) * 2)'],
    ['-a * b', '((-a) * b)'],
    ['!a && b', '((!a) && b)'],
    ['a || b && c', '(a || (b && c))'],
    ['a && b || c && d', '((a && b) || (c && d))'],
    ['a || b || c', '((a || b) || c)'],
    ['a + 1 < b * 2', '((a + 1) < (b * 2))'],
    ['a < b == c', '((a < b) == c)'],
    ['a == b && c != d', '((a == b) && (c != d))'],
    ["x in ['a'] && y", '((x in ["a"]) && y)'],
    ['a + b in l', '((a + b) in l)'],
    ['a ? b : c ? d : e', '(a ? b : (c ? d : e))'],
    ['a || b ? c : d', '((a || b) ? c : d)'],
    ['a ? b || c : d && e', '(a ? (b || c) : (d && e))'],
    ['a.b[c].d(e)', 'a.b[c].d(e)'],
    ['-a.size()', '(-a.size())'],
  ];
  for (const [source, tree] of cases) {
    it(`${source}  ⇒  ${tree}`, () => assert.equal(parsed(source), tree));
  }
});

describe('expression parser: strings', () => {
  it('decodes every escape CEL defines', () => {
    assert.equal(parsed(String.raw`'\a\b\f\n\r\t\v'`), JSON.stringify('\x07\b\f\n\r\t\v'));
    assert.equal(parsed(String.raw`"\\ \? \" \' \`"`), JSON.stringify('\\ ? " \' `'));
    assert.equal(parsed(String.raw`'\x41\u00e9\U0001F600\101'`), JSON.stringify('Aé😀A'));
  });

  it('keeps raw strings as written and lets triple quotes span lines', () => {
    assert.equal(parsed(String.raw`r'\n\d'`), JSON.stringify('\\n\\d'));
    assert.equal(parsed(String.raw`R"a\"`), JSON.stringify('a\\'));
    assert.equal(parsed("'''one\ntwo's'''"), JSON.stringify("one\ntwo's"));
    assert.equal(parsed('"""say "hi" """'), JSON.stringify('say "hi" '));
    assert.equal(parsed("r'''a\\b'''"), JSON.stringify('a\\b'));
  });

  it('reports bad escapes, unterminated strings and bytes with positions', () => {
    assert.equal(parsed(String.raw`'a\qb'`), "error: invalid escape sequence '\\q' @2");
    assert.equal(parsed(String.raw`'\x4'`), 'error: escape needs 2 hex digits @1');
    assert.equal(parsed(String.raw`'\uD800'`), 'error: escape is not a valid Unicode code point @1');
    assert.equal(parsed("'abc"), 'error: unterminated string literal @0');
    assert.equal(parsed("'line\nbreak'"), 'error: unterminated string literal @0; unterminated string literal @11');
    assert.equal(parsed("b'bytes'"), 'error: bytes literals are not supported @0');
  });
});

describe('expression parser: syntax errors', () => {
  it('points at the token that does not fit', () => {
    assert.equal(parsed('1 +'), 'error: unexpected end of expression @3');
    assert.equal(parsed('a b'), "error: unexpected 'b' @2");
    assert.equal(parsed('(a'), "error: expected ')' but found the end of the expression @2");
    assert.equal(parsed('a ? b'), "error: expected ':' but found the end of the expression @5");
    assert.equal(parsed('[1, 2'), "error: expected ']' but found the end of the expression @5");
    assert.equal(parsed('{1 2}'), "error: expected ':' but found a number @3");
    assert.equal(parsed('a.'), 'error: expected a name but found the end of the expression @2');
    assert.equal(parsed('a = b'), "error: unexpected character '=' @2");
    assert.equal(parsed('a & b'), "error: unexpected character '&' @2");
    assert.equal(parsed('in'), "error: unexpected 'in' @0");
  });

  it('refuses reserved words, unsigned and out-of-range numbers', () => {
    assert.equal(parsed('if'), "error: 'if' is a reserved word @0");
    assert.equal(parsed('1u'), 'error: unsigned integers are not supported; use an int @0');
    assert.equal(parsed('12abc'), "error: invalid number '12abc' @0");
    assert.equal(parsed('9007199254740993'), 'error: integer literal is out of range (at most 2^53 - 1) @0');
  });

  it('rejects macros called the wrong way', () => {
    assert.equal(parsed('has(x)'), 'error: has() needs a field selection, like has(ticket.customer) @4');
    assert.equal(parsed('l.exists(1, true)'), 'error: the first argument of exists() must be a variable name @9');
    assert.equal(parsed('l.all(x)'), 'error: all() takes a variable and an expression: list.all(x, predicate) @0');
  });

  it('gives line and column as well as the offset', () => {
    const [error] = compileErrors("ticket.priority == 'high' &&\n  ticket.nope");
    assert.deepEqual(error, { message: "Ticket has no field 'nope'", offset: 38, line: 2, column: 10, length: 4 });
  });
});

describe('expression parser: bounded cost', () => {
  it(`refuses sources longer than ${EXPRESSION_LIMITS.maxSourceLength} characters`, () => {
    const source = `${'true && '.repeat(600)}true`;
    const [error] = compileErrors(source);
    assert.match(error?.message ?? '', /too long/);
    assert.equal(error?.offset, EXPRESSION_LIMITS.maxSourceLength);
  });

  it('refuses nesting deeper than the limit, in parentheses, unary chains and operator chains', () => {
    const limit = EXPRESSION_LIMITS.maxDepth;
    const ok = compileExpression(`${'('.repeat(limit - 1)}true${')'.repeat(limit - 1)}`, SCOPE);
    assert.equal(ok.ok, true);
    for (const source of [`${'('.repeat(limit + 1)}true${')'.repeat(limit + 1)}`, `${'!'.repeat(limit + 1)}true`, `${'1 + '.repeat(limit + 1)}1 > 0`]) {
      const [error] = compileErrors(source);
      assert.match(error?.message ?? '', /nested too deeply/);
    }
  });

  it('refuses expressions with more parts than the limit', () => {
    const source = `[${Array.from({ length: EXPRESSION_LIMITS.maxNodes + 1 }, () => '1').join(',')}].size() > 0`;
    const [error] = compileErrors(source);
    assert.match(error?.message ?? '', /too large/);
  });

  it('survives a wall of 4,000 opening brackets without exhausting the stack', () => {
    for (const open of ['(', '[', '{', '-', '!']) {
      const result = compileExpression(open.repeat(EXPRESSION_LIMITS.maxSourceLength), SCOPE);
      assert.equal(result.ok, false);
    }
  });
});
