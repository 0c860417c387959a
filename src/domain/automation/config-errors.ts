import { compileExpression, type Evaluator, type Expr, type ExpressionScope } from '../expression/index.js';
import type { PolicyError } from '../routing/policy.js';

/** One mistake in a workflow document: its JSON pointer, what is wrong, and for expressions where. */
export type ConfigError = PolicyError;

/**
 * What a workflow document may refer to, looked up by the command before the domain checks it;
 * null when recompiling a saved document, whose references were checked when it was saved.
 */
export interface ConfigReferences {
  /** The routing policy's queues, or null when the workspace has no policy. */
  queues: ReadonlySet<string> | null;
  agents: ReadonlySet<string>;
  cannedResponses: ReadonlySet<string>;
  /** Webhook endpoints of the workspace. */
  webhooks: ReadonlySet<string>;
}

/** Compiles a condition, adding its errors (with positions) under `path`; undefined when it does not compile. */
export function compileCondition(source: string, scope: ExpressionScope, path: string, errors: ConfigError[]): Evaluator | undefined {
  return compileConditionTree(source, scope, path, errors)?.evaluate;
}

/** `compileCondition`, keeping the parse tree too (for what a condition says beyond true or false). */
export function compileConditionTree(
  source: string, scope: ExpressionScope, path: string, errors: ConfigError[],
): { evaluate: Evaluator; tree: Expr } | undefined {
  const result = compileExpression(source, scope);
  if (result.ok) return { evaluate: result.evaluate, tree: result.tree };
  for (const error of result.errors) {
    errors.push({ path, message: error.message, position: { offset: error.offset, line: error.line, column: error.column, length: error.length } });
  }
  return undefined;
}

/** Adds an error unless the routing policy has the queue. */
export function checkQueue(queue: string, path: string, refs: ConfigReferences | null, errors: ConfigError[]): void {
  if (refs === null) return;
  if (refs.queues === null) errors.push({ path, message: `The workspace has no routing policy, so there is no queue "${queue}".` });
  else if (!refs.queues.has(queue)) errors.push({ path, message: `The routing policy has no queue "${queue}".` });
}

/** Adds an error unless the agent exists in the workspace. */
export function checkAgent(agentId: string, path: string, refs: ConfigReferences | null, errors: ConfigError[]): void {
  if (refs !== null && !refs.agents.has(agentId)) errors.push({ path, message: `There is no agent "${agentId}".` });
}
