import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { Static } from 'typebox';
import type { ExpressionEnvironmentOutput } from '../../../src/surfaces/wire/expressions/expression-schemas';
import type { ApiClient } from './api';

export type ExpressionEnvironment = Static<typeof ExpressionEnvironmentOutput>;

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

function fieldOption(name: string, field: ExpressionEnvironment['fields'][number]): Completion {
  const detail = field.custom ? `${field.custom.kind} · ${field.custom.ticket_types.join(', ')}` : field.type;
  return { label: name, detail, type: field.path.includes('.') ? 'property' : 'variable' };
}

function functionOption(fn: { name: string }, method: boolean): Completion {
  return { label: fn.name, apply: `${fn.name}(`, detail: '()', type: method ? 'method' : 'function' };
}

/** What may follow `base.` (fields one level down, and methods), or what may start an expression. */
export function completionsAfter(environment: ExpressionEnvironment, base: string | null, variables: readonly string[]): Completion[] {
  if (base === null) {
    return [
      ...environment.fields.filter((f) => variables.includes(f.path)).map((f) => fieldOption(f.path, f)),
      ...environment.functions.filter((fn) => fn.style !== 'receiver').map((fn) => functionOption(fn, false)),
      ...environment.macros.filter((name) => name === 'has').map((name) => functionOption({ name }, false)),
    ];
  }
  const prefix = `${base}.`;
  const fields = environment.fields
    .filter((f) => f.path.startsWith(prefix) && !f.path.slice(prefix.length).includes('.'))
    .map((f) => fieldOption(f.path.slice(prefix.length), f));
  const methods = [...environment.functions.filter((fn) => fn.style !== 'global'), ...environment.macros.filter((name) => name !== 'has').map((name) => ({ name }))];
  return [...fields, ...methods.map((fn) => functionOption(fn, true))];
}

/** Completes variables, field paths (custom fields too), functions and macros as they are typed. */
export function expressionCompletion(environment: () => ExpressionEnvironment | undefined, variables: readonly string[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const known = environment();
    const typed = context.matchBefore(TYPED_PATH);
    if (!known || (!typed && !context.explicit)) return null;
    const text = typed?.text ?? '';
    const dot = text.lastIndexOf('.');
    const base = dot < 0 ? null : text.slice(0, dot);
    const from = (typed?.from ?? context.pos) + dot + 1;
    return { from, options: completionsAfter(known, base, variables), validFor: /^\w*$/ };
  };
}
