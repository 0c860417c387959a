import { childrenOf, type Expr } from '../expression/index.js';

/** What a condition says about one variable that grows with time (a ticket's idle hours). */
interface Bound {
  /** The variable appears in the condition. */
  mentioned: boolean;
  /** The condition cannot hold while the variable is below this. */
  atLeast: number;
}

const NONE: Bound = { mentioned: false, atLeast: -Infinity };

/**
 * Promises the smallest value of `variable` from which the condition can hold as the variable
 * grows, read from its parse tree: `idle_hours >= 48` (or `48 < idle_hours`) says 48, `a && b`
 * the larger bound, `a || b` the smaller. 0 when the variable is read some other way (anything
 * could hold); null when the condition never reads it.
 */
export function lowerBoundOf(tree: Expr, variable: string): number | null {
  const bound = boundOf(tree, variable);
  return bound.mentioned ? Math.max(0, bound.atLeast) : null;
}

/** True when the condition reads any of the variables, named by their paths (`idle_hours`, `ticket.reroutes`). */
export function reads(tree: Expr, paths: readonly string[]): boolean {
  return paths.some((path) => mentions(tree, path));
}

function boundOf(tree: Expr, variable: string): Bound {
  if (tree.kind === 'binary') {
    const compared = comparison(tree, variable);
    if (compared !== null) return { mentioned: true, atLeast: compared };
    if (tree.op === '&&' || tree.op === '||') {
      const left = boundOf(tree.left, variable);
      const right = boundOf(tree.right, variable);
      const atLeast = tree.op === '&&' ? Math.max(left.atLeast, right.atLeast) : Math.min(left.atLeast, right.atLeast);
      return { mentioned: left.mentioned || right.mentioned, atLeast };
    }
  }
  return mentions(tree, variable) ? { mentioned: true, atLeast: -Infinity } : NONE;
}

/** The number `variable` is compared with in `variable >= n`, `variable > n`, `n <= variable` or `n < variable`. */
function comparison(tree: Extract<Expr, { kind: 'binary' }>, variable: string): number | null {
  const { op, left, right } = tree;
  if ((op === '>=' || op === '>') && isIdent(left, variable)) return numberOf(right);
  if ((op === '<=' || op === '<') && isIdent(right, variable)) return numberOf(left);
  return null;
}

function isIdent(tree: Expr, name: string): boolean {
  return pathOf(tree) === name;
}

/** `a.b.c` for a chain of field reads on a variable; null for anything else. */
function pathOf(tree: Expr): string | null {
  if (tree.kind === 'ident') return tree.name;
  if (tree.kind !== 'select') return null;
  const target = pathOf(tree.target);
  return target === null ? null : `${target}.${tree.field}`;
}

function numberOf(tree: Expr): number | null {
  return tree.kind === 'literal' && (tree.literal.type === 'int' || tree.literal.type === 'double') ? tree.literal.value : null;
}

function mentions(tree: Expr, path: string): boolean {
  return pathOf(tree) === path || childrenOf(tree).some((child) => mentions(child, path));
}
