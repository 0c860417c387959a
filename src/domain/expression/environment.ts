import { typeName, type ExprType } from './expr-type.js';
import { lookupFunction, functionNames } from './function-registry.js';

/** A name an expression may read: a variable or a field path below one (`ticket.customer.tier`). */
export interface EnvironmentField {
  path: string;
  type: string;
  /** For a custom field: its kind and the ticket types that define it. */
  custom?: { kind: string; ticket_types: string[] };
}

export interface EnvironmentFunction {
  name: string;
  /** `global` is called as `f(x)`, `receiver` as `x.f()`, `both` either way. */
  style: 'global' | 'receiver' | 'both';
  /** Arguments, the receiver included. */
  arity: number;
}

/** What expressions may use: every field path of each scope, the functions and the macros. */
export interface ExpressionEnvironment<Scope extends string = string> {
  scopes: Record<Scope, EnvironmentField[]>;
  functions: EnvironmentFunction[];
  macros: string[];
}

/** A custom field as the workspace's ticket types define it, kept in `ticket.fields[key]`. */
export interface CustomFieldUse {
  key: string;
  kind: string;
  ticketType: string;
}

/** The variables of one kind of expression (routing, workflow conditions), by name. */
export type ScopeVariables = Readonly<Record<string, ExprType>>;

/** `has` and the comprehension macros, which the parser handles rather than the function registry. */
const MACROS = ['has', 'all', 'exists', 'exists_one', 'filter', 'map'];

function pathsOf(path: string, type: ExprType): EnvironmentField[] {
  const own: EnvironmentField = { path, type: typeName(type) };
  if (type.kind !== 'object') return [own];
  return [own, ...Object.entries(type.fields).flatMap(([name, field]) => pathsOf(`${path}.${name}`, field))];
}

function customFields(uses: readonly CustomFieldUse[]): EnvironmentField[] {
  const byKey = new Map<string, EnvironmentField & { custom: { kind: string; ticket_types: string[] } }>();
  for (const use of uses) {
    const known = byKey.get(use.key);
    if (known) known.custom.ticket_types.push(use.ticketType);
    else byKey.set(use.key, { path: `ticket.fields.${use.key}`, type: 'dyn', custom: { kind: use.kind, ticket_types: [use.ticketType] } });
  }
  return [...byKey.values()].sort((a, b) => a.path.localeCompare(b.path));
}

function scopeFields(variables: ScopeVariables, custom: EnvironmentField[]): EnvironmentField[] {
  const all = { ...variables, now: { kind: 'timestamp' } as ExprType };
  const fields = Object.entries(all).flatMap(([name, type]) => pathsOf(name, type));
  return 'ticket' in variables ? [...fields, ...custom] : fields;
}

/**
 * Every variable and field path of each scope (with `now`, which every expression sees, and the
 * workspace's custom fields below `ticket.fields`), the functions and macros, in a stable order.
 */
export function expressionEnvironment<Scope extends string>(
  scopes: Readonly<Record<Scope, ScopeVariables>>, uses: readonly CustomFieldUse[],
): ExpressionEnvironment<Scope> {
  const custom = customFields(uses);
  const functions = functionNames().sort().flatMap((name) => {
    const definition = lookupFunction(name);
    return definition ? [{ name, style: definition.style, arity: definition.arity }] : [];
  });
  return {
    scopes: Object.fromEntries(Object.entries<ScopeVariables>(scopes).map(([name, variables]) => [name, scopeFields(variables, custom)])) as Record<Scope, EnvironmentField[]>,
    functions,
    macros: MACROS,
  };
}
