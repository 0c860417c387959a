import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { Static } from 'typebox';
import type { ExpressionEnvironmentOutput } from '../../../src/surfaces/wire/expressions/expression-schemas';
import type { ApiClient } from './api';

export type ExpressionEnvironment = Static<typeof ExpressionEnvironmentOutput>;
export type ExpressionScopeName = keyof ExpressionEnvironment['scopes'];
type Field = ExpressionEnvironment['scopes'][ExpressionScopeName][number];

/** Where an expression is used: its scope on the server, and the variables of it this place sees (all when absent). */
export interface ExpressionPlace {
  scope: ExpressionScopeName;
  variables?: readonly string[];
}

/** A name being typed, with the dots that lead to it: `ticket.customer.ti`. */
const TYPED_PATH = /[A-Za-z_][\w.]*$|\.\w*$/;

const loaded = new WeakMap<ApiClient, Promise<ExpressionEnvironment>>();

/** The workspace's expression environment, asked for once per session (its custom fields change rarely). */
export function loadExpressionEnvironment(api: ApiClient): Promise<ExpressionEnvironment> {
  let environment = loaded.get(api);
  if (!environment) {
    environment = api.get<ExpressionEnvironment>('/v1/expressions/environment');
    environment.catch(() => loaded.delete(api));
    loaded.set(api, environment);
  }
  return environment;
}

function fieldOption(name: string, field: Field): Completion {
  const detail = field.custom ? `${field.custom.kind} · ${field.custom.ticket_types.join(', ')}` : field.type;
  return { label: name, detail, type: field.path.includes('.') ? 'property' : 'variable' };
}

function functionOption(fn: { name: string }, method: boolean): Completion {
  return { label: fn.name, apply: `${fn.name}(`, detail: '()', type: method ? 'method' : 'function' };
}

/** What may follow `base.` (fields one level down, and methods), or what may start an expression. */
export function completionsAfter(environment: ExpressionEnvironment, base: string | null, place: ExpressionPlace): Completion[] {
  const fields = environment.scopes[place.scope];
  if (base === null) {
    const seen = (path: string) => !path.includes('.') && (!place.variables || place.variables.includes(path));
    return [
      ...fields.filter((f) => seen(f.path)).map((f) => fieldOption(f.path, f)),
      ...environment.functions.filter((fn) => fn.style !== 'receiver').map((fn) => functionOption(fn, false)),
      ...environment.macros.filter((name) => name === 'has').map((name) => functionOption({ name }, false)),
    ];
  }
  const prefix = `${base}.`;
  const below = fields
    .filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('.'))
    .map((f) => fieldOption(f.path.slice(prefix.length), f));
  const methods = [...environment.functions.filter((fn) => fn.style !== 'global'), ...environment.macros.filter((name) => name !== 'has').map((name) => ({ name }))];
  return [...below, ...methods.map((fn) => functionOption(fn, true))];
}

/** Completes variables, field paths (custom fields too), functions and macros as they are typed. */
export function expressionCompletion(environment: () => ExpressionEnvironment | undefined, place: ExpressionPlace): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const known = environment();
    const typed = context.matchBefore(TYPED_PATH);
    if (!known || (!typed && !context.explicit)) return null;
    const text = typed?.text ?? '';
    const dot = text.lastIndexOf('.');
    const base = dot < 0 ? null : text.slice(0, dot);
    const from = (typed?.from ?? context.pos) + dot + 1;
    return { from, options: completionsAfter(known, base, place), validFor: /^\w*$/ };
  };
}
