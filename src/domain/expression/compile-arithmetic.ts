import type { Closure, CompileContext } from './compile-context.js';
import { checkedInt, describeValue, expectList, expectNumber, expectString, fail } from './runtime.js';
import type { ArithmeticOperator, TypedExpr } from './typed-ast.js';

type NodeOf<K extends TypedExpr['kind']> = Extract<TypedExpr, { kind: K }>;
type Operation = (a: unknown, b: unknown) => unknown;

/** `-n`. */
export function compileNegate(node: NodeOf<'negate'>, ctx: CompileContext): Closure {
  const operand = ctx.compile(node.operand).run;
  if (node.mode === 'int') return (env) => checkedInt(-expectNumber(operand(env)));
  return (env) => -expectNumber(operand(env));
}

/** `+ - * / %` with the representation the checker chose; ints stay exact or fail. */
export function compileArithmetic(node: NodeOf<'arithmetic'>, ctx: CompileContext): Closure {
  const left = ctx.compile(node.left).run;
  const right = ctx.compile(node.right).run;
  const operation = operationFor(node);
  return (env) => operation(left(env), right(env));
}

function operationFor(node: NodeOf<'arithmetic'>): Operation {
  switch (node.mode) {
    case 'int': return INT_OPERATIONS[node.op];
    case 'double': return DOUBLE_OPERATIONS[node.op];
    case 'string': return (a, b) => expectString(a) + expectString(b);
    case 'list': return (a, b) => [...expectList(a), ...expectList(b)];
    case 'dyn': return dynamicOperation(node.op);
  }
}

function intDivisor(value: unknown): number {
  const divisor = expectNumber(value);
  return divisor === 0 ? fail('division by zero') : divisor;
}

const INT_OPERATIONS: Record<ArithmeticOperator, Operation> = {
  '+': (a, b) => checkedInt(expectNumber(a) + expectNumber(b)),
  '-': (a, b) => checkedInt(expectNumber(a) - expectNumber(b)),
  '*': (a, b) => checkedInt(expectNumber(a) * expectNumber(b)),
  '/': (a, b) => { const d = intDivisor(b); return checkedInt(Math.trunc(expectNumber(a) / d)); },
  // JS `%` truncates like CEL's; `+ 0` turns -0 into 0.
  '%': (a, b) => { const d = intDivisor(b); return (expectNumber(a) % d) + 0; },
};

// Doubles follow IEEE 754 as CEL does: 1.0 / 0.0 is infinity, not a fault.
const DOUBLE_OPERATIONS: Record<ArithmeticOperator, Operation> = {
  '+': (a, b) => expectNumber(a) + expectNumber(b),
  '-': (a, b) => expectNumber(a) - expectNumber(b),
  '*': (a, b) => expectNumber(a) * expectNumber(b),
  '/': (a, b) => expectNumber(a) / expectNumber(b),
  '%': () => fail("'%' needs ints"),
};

/** Numbers from `dyn` (JSON) are doubles in arithmetic; `+` also joins strings and lists. */
function dynamicOperation(op: ArithmeticOperator): Operation {
  return (a, b) => {
    if (typeof a === 'number' && typeof b === 'number') {
      if (op === '%') return Number.isInteger(a) && Number.isInteger(b) ? INT_OPERATIONS['%'](a, b) : fail("'%' needs ints");
      return DOUBLE_OPERATIONS[op](a, b);
    }
    if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
    if (op === '+' && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    return fail(`operator '${op}' cannot combine ${describeValue(a)} and ${describeValue(b)}`);
  };
}
