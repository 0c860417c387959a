import type { BinaryOperator, Expr, Literal, MapEntry } from './ast.js';
import { EXPRESSION_LIMITS, type Diagnostics, type Span } from './expression-error.js';
import type { Token } from './lexer.js';
import { buildCall } from './macros.js';

// Thrown to unwind the parser after the first syntax error; never leaves this module.
class SyntaxFailure extends Error {}

const RESERVED = new Set([
  'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop',
  'package', 'namespace', 'return', 'var', 'void', 'while',
]);

const LEVELS: ReadonlyArray<readonly BinaryOperator[]> = [
  ['||'], ['&&'], ['<', '<=', '>', '>=', '==', '!=', 'in'], ['+', '-'], ['*', '/', '%'],
];

/** Parses tokens into a tree; on a syntax error reports it and returns undefined. */
export function parseTokens(tokens: Token[], diagnostics: Diagnostics): Expr | undefined {
  const parser = new Parser(tokens, diagnostics);
  try {
    const expr = parser.parseExpression();
    parser.expectEnd();
    return expr;
  } catch (error) {
    if (error instanceof SyntaxFailure) return undefined;
    throw error;
  }
}

class Parser {
  private position = 0;
  private nesting = 0;
  private nodes = 0;

  constructor(private readonly tokens: Token[], private readonly diagnostics: Diagnostics) {}

  parseExpression(): Expr {
    this.enter();
    const test = this.parseBinary(0);
    if (!this.acceptOp('?')) {
      this.nesting--;
      return test;
    }
    const then = this.parseBinary(0);
    this.expectOp(':');
    const otherwise = this.parseExpression();
    this.nesting--;
    return this.node({ kind: 'conditional', test, then, otherwise, span: this.spanFrom(test.span.start) });
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'eof') this.fail(`unexpected ${describe(token)}`, token);
  }

  private parseBinary(level: number): Expr {
    const operators = LEVELS[level];
    if (!operators) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.peek();
      const op = operators.find((candidate) => isOperator(token, candidate));
      if (!op) return left;
      this.position++;
      const right = this.parseBinary(level + 1);
      const opSpan = { start: token.start, end: token.end };
      left = this.node({ kind: 'binary', op, left, right, opSpan, span: this.spanFrom(left.span.start) });
    }
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (!isOperator(token, '!') && !isOperator(token, '-')) return this.parseMember();
    this.position++;
    this.enter();
    const operand = this.parseUnary();
    this.nesting--;
    const op = isOperator(token, '!') ? '!' : '-';
    return this.node({ kind: 'unary', op, operand, span: this.spanFrom(token.start) });
  }

  private parseMember(): Expr {
    let expr = this.parsePrimary();
    for (;;) {
      if (this.acceptOp('.')) {
        const name = this.expectIdent();
        if (this.acceptOp('(')) {
          const args = this.parseList(')');
          expr = this.node(buildCall(name, expr, args, this.spanFrom(expr.span.start), this.diagnostics));
        } else {
          expr = this.node({ kind: 'select', target: expr, field: name.name, fieldSpan: name.span, span: this.spanFrom(expr.span.start) });
        }
      } else if (this.acceptOp('[')) {
        const index = this.parseExpression();
        this.expectOp(']');
        expr = this.node({ kind: 'index', target: expr, index, span: this.spanFrom(expr.span.start) });
      } else {
        return expr;
      }
    }
  }

  private parsePrimary(): Expr {
    const token = this.next();
    const span = { start: token.start, end: token.end };
    switch (token.kind) {
      case 'int': case 'double': return this.node({ kind: 'literal', literal: { type: token.kind, value: token.value }, span });
      case 'string': return this.node({ kind: 'literal', literal: { type: 'string', value: token.value }, span });
      case 'ident': return this.parseIdentifier(token.name, span);
      case 'op': return this.parseBracketed(token);
      case 'eof': return this.fail('unexpected end of expression', token);
    }
  }

  private parseIdentifier(name: string, span: Span): Expr {
    const literal = keywordLiteral(name);
    if (literal) return this.node({ kind: 'literal', literal, span });
    if (name === 'in') this.fail("unexpected 'in'", span);
    if (RESERVED.has(name)) this.fail(`'${name}' is a reserved word`, span);
    if (!this.acceptOp('(')) return this.node({ kind: 'ident', name, span });
    const args = this.parseList(')');
    return this.node(buildCall({ name, span }, null, args, this.spanFrom(span.start), this.diagnostics));
  }

  private parseBracketed(token: Extract<Token, { kind: 'op' }>): Expr {
    if (token.op === '(') {
      const inner = this.parseExpression();
      this.expectOp(')');
      return inner;
    }
    if (token.op === '[') {
      const elements = this.parseList(']');
      return this.node({ kind: 'list', elements, span: this.spanFrom(token.start) });
    }
    if (token.op === '{') return this.parseMap(token.start);
    if (token.op === '.') {
      // A leading dot names the root scope in CEL (`.ticket`); there are no namespaces here.
      const name = this.expectIdent();
      return this.parseIdentifier(name.name, name.span);
    }
    return this.fail(`unexpected '${token.op}'`, token);
  }

  /** Comma-separated expressions up to `close`; a trailing comma is allowed, as in CEL. */
  private parseList(close: string): Expr[] {
    const items: Expr[] = [];
    this.enter();
    while (!this.acceptOp(close)) {
      items.push(this.parseExpression());
      if (!this.acceptOp(',')) {
        this.expectOp(close);
        break;
      }
    }
    this.nesting--;
    return items;
  }

  private parseMap(start: number): Expr {
    const entries: MapEntry[] = [];
    this.enter();
    while (!this.acceptOp('}')) {
      const key = this.parseExpression();
      this.expectOp(':');
      entries.push({ key, value: this.parseExpression() });
      if (!this.acceptOp(',')) {
        this.expectOp('}');
        break;
      }
    }
    this.nesting--;
    return this.node({ kind: 'map', entries, span: this.spanFrom(start) });
  }

  private enter(): void {
    this.nesting++;
    if (this.nesting > EXPRESSION_LIMITS.maxDepth) {
      this.fail(`expression is nested too deeply (at most ${EXPRESSION_LIMITS.maxDepth} levels)`, this.peek());
    }
  }

  private node<T extends Expr>(expr: T): T {
    this.nodes++;
    if (this.nodes > EXPRESSION_LIMITS.maxNodes) {
      this.fail(`expression is too large (at most ${EXPRESSION_LIMITS.maxNodes} parts)`, expr.span);
    }
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.position] ?? this.tokens[this.tokens.length - 1] ?? { kind: 'eof', start: 0, end: 0 };
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.position++;
    return token;
  }

  private acceptOp(op: string): boolean {
    if (!isOperator(this.peek(), op)) return false;
    this.position++;
    return true;
  }

  private expectOp(op: string): void {
    const token = this.peek();
    if (!this.acceptOp(op)) this.fail(`expected '${op}' but found ${describe(token)}`, token);
  }

  private expectIdent(): { name: string; span: Span } {
    const token = this.next();
    if (token.kind !== 'ident') return this.fail(`expected a name but found ${describe(token)}`, token);
    return { name: token.name, span: { start: token.start, end: token.end } };
  }

  private spanFrom(start: number): Span {
    const previous = this.tokens[this.position - 1];
    return { start, end: previous ? previous.end : start };
  }

  private fail(message: string, span: Span): never {
    this.diagnostics.report(message, span);
    throw new SyntaxFailure(message);
  }
}

function isOperator(token: Token, op: string): boolean {
  if (op === 'in') return token.kind === 'ident' && token.name === 'in';
  return token.kind === 'op' && token.op === op;
}

function keywordLiteral(name: string): Literal | undefined {
  if (name === 'true' || name === 'false') return { type: 'bool', value: name === 'true' };
  if (name === 'null') return { type: 'null', value: null };
  return undefined;
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'eof': return 'the end of the expression';
    case 'op': return `'${token.op}'`;
    case 'ident': return `'${token.name}'`;
    case 'string': return 'a string';
    case 'int': case 'double': return 'a number';
  }
}
