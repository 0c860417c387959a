import type { ValidationIssue } from '../http/validation.js';
import { withoutNull, type JsonSchema } from './json-schema.js';

// Ajv reports a failed `Nullable(…)` or union three ways; only the first says what is wrong.
const ECHOES = new Set(['must be null', 'must match a schema in anyOf']);

/**
 * The one problem a report line shows for a rejected row: the first real issue, with a list of
 * the allowed values where the field is a choice, and how many other fields are wrong too.
 */
export function rowProblem(issues: readonly ValidationIssue[], schema: JsonSchema): { path: string; message: string } {
  const causes = issues.filter((issue) => !ECHOES.has(issue.message ?? ''));
  const byPath = new Map<string, string[]>();
  for (const issue of causes.length > 0 ? causes : issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue.message ?? 'is not valid']);
  const [path, messages] = [...byPath.entries()][0] ?? ['', ['is not valid']];
  const choices = messages.includes('must be equal to constant') ? choicesAt(schema, path) : undefined;
  const message = choices ? `must be one of ${choices.join(', ')}` : messages[0]!;
  const others = byPath.size - 1;
  return { path, message: others > 0 ? `${message} (and ${others} more ${others === 1 ? 'field' : 'fields'})` : message };
}

function choicesAt(schema: JsonSchema, path: string): string[] | undefined {
  let node: JsonSchema | undefined = schema;
  for (const key of path.split('/').slice(1)) node = node && withoutNull(node).properties?.[key];
  const members = node && withoutNull(node).anyOf;
  return members?.every((member) => member.const !== undefined) ? members.map((member) => String(member.const)) : undefined;
}
