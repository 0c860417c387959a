import { checkApprovalSpec, planApproval } from '../approval/approval-spec.js';
import { checkAction } from '../automation/action-checks.js';
import { compileExpression, type Evaluator, type ExpressionScope } from '../expression/index.js';
import { AGENT_TYPE, TICKET_TYPE } from '../expression/shapes.js';
import {
  DEFAULT_AGING_MINUTES, DEFAULT_OFFER_TIMEOUT_MS, DEFAULT_WEIGHTS,
  type CompiledPolicy, type CompiledQueue, type CompiledRule, type CompiledTarget,
} from './compiled-policy.js';
import { parseDuration, type PolicyDocument, type PolicyError, type QueueDocument, type TargetDocument } from './policy.js';

const BOOL = { kind: 'bool' } as const;
const AGENT_SCOPE: ExpressionScope = { variables: { agent: AGENT_TYPE }, result: BOOL };
const TICKET_SCOPE: ExpressionScope = { variables: { ticket: TICKET_TYPE }, result: BOOL };
const PAIR_SCOPE: ExpressionScope = { variables: { ticket: TICKET_TYPE, agent: AGENT_TYPE }, result: BOOL };

export type PolicyCompilation = { ok: true; policy: CompiledPolicy } | { ok: false; errors: PolicyError[] };

/**
 * Checks a whole policy and compiles it. Every mistake is reported (path, message and, for
 * expressions, the position in the text), not just the first: unknown queues, repeated queues
 * in one rule's steps, durations that do not parse, expressions that do not type-check.
 */
export function compilePolicy(document: PolicyDocument, version: number): PolicyCompilation {
  const errors: PolicyError[] = [];
  const queues = new Map<string, CompiledQueue>();
  document.queues.forEach((queue, i) => {
    const path = `/queues/${i}`;
    if (queues.has(queue.id)) errors.push({ path: `${path}/id`, message: `Queue "${queue.id}" is defined twice.` });
    const compiled = compileQueue(queue, path, errors);
    if (compiled) queues.set(queue.id, compiled);
  });
  const names = new Set<string>();
  const rules: CompiledRule[] = [];
  document.rules.forEach((rule, index) => {
    const path = `/rules/${index}`;
    if (names.has(rule.name)) errors.push({ path: `${path}/name`, message: `Rule "${rule.name}" is defined twice.` });
    names.add(rule.name);
    const when = expression(rule.when, TICKET_SCOPE, `${path}/when`, errors);
    const seen = new Set<string>();
    const targets = rule.targets.map((target, t) => {
      if (seen.has(target.queue)) {
        errors.push({ path: `${path}/targets/${t}/queue`, message: `Queue "${target.queue}" comes twice in this rule's steps: the ticket would go round in a cycle.` });
      }
      seen.add(target.queue);
      return compileTarget(target, `${path}/targets/${t}`, queues, document, errors);
    });
    if (rule.targets.length === 0) errors.push({ path: `${path}/targets`, message: 'A rule needs at least one target.' });
    // References (agents, canned responses) are checked when the held actions run: the policy is saved without reading the store.
    if (rule.approval) checkApprovalSpec(rule.approval, `${path}/approval`, null, errors, checkAction);
    const approval = rule.approval ? planApproval(rule.approval) : null;
    if (when) rules.push({ name: rule.name, index, when, set: rule.set ?? {}, targets: targets as CompiledTarget[], approval });
  });
  const fallback = compileTarget(document.default, '/default', queues, document, errors);
  if (errors.length > 0 || !fallback) return { ok: false, errors };
  return {
    ok: true,
    policy: {
      version,
      document,
      queues,
      rules,
      fallback,
      ticketSizes: document.ticket_sizes ?? {},
      agingMs: (document.aging_minutes ?? DEFAULT_AGING_MINUTES) * 60_000,
      hasApprovals: rules.some((rule) => rule.approval !== null),
    },
  };
}

function compileQueue(queue: QueueDocument, path: string, errors: PolicyError[]): CompiledQueue | undefined {
  const trimmed = queue.agents.trim();
  const members = trimmed === 'true' ? null : expression(queue.agents, AGENT_SCOPE, `${path}/agents`, errors);
  const offerTimeoutMs = queue.offer_timeout === undefined ? DEFAULT_OFFER_TIMEOUT_MS : duration(queue.offer_timeout, `${path}/offer_timeout`, errors);
  const strategy = queue.strategy ?? 'round_robin';
  if ((strategy === 'most_skilled') && !queue.skill) {
    errors.push({ path: `${path}/skill`, message: 'most_skilled needs the skill to rank by ("skill": "billing").' });
  }
  if (members === undefined || offerTimeoutMs === undefined) return undefined;
  return {
    id: queue.id,
    members,
    strategy,
    mode: queue.mode ?? 'direct',
    offerTimeoutMs,
    ordering: queue.ordering ?? 'priority_age',
    skill: queue.skill ?? null,
    weights: { ...DEFAULT_WEIGHTS, ...queue.weights },
    maxDistanceKm: queue.max_distance_km ?? 100,
  };
}

function compileTarget(
  target: TargetDocument,
  path: string,
  queues: Map<string, CompiledQueue>,
  document: PolicyDocument,
  errors: PolicyError[],
): CompiledTarget | undefined {
  if (!queues.has(target.queue) && !document.queues.some((q) => q.id === target.queue)) {
    errors.push({ path: `${path}/queue`, message: `There is no queue "${target.queue}".` });
  }
  const agents = target.agents === undefined ? null : expression(target.agents, PAIR_SCOPE, `${path}/agents`, errors);
  const timeoutMs = target.timeout === undefined ? null : duration(target.timeout, `${path}/timeout`, errors);
  if (agents === undefined || timeoutMs === undefined) return undefined;
  return { queue: target.queue, agents, timeoutMs };
}

function expression(source: string, scope: ExpressionScope, path: string, errors: PolicyError[]): Evaluator | undefined {
  const result = compileExpression(source, scope);
  if (result.ok) return result.evaluate;
  for (const error of result.errors) {
    errors.push({
      path,
      message: error.message,
      position: { offset: error.offset, line: error.line, column: error.column, length: error.length },
    });
  }
  return undefined;
}

function duration(text: string, path: string, errors: PolicyError[]): number | undefined {
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) {
    errors.push({ path, message: `"${text}" is not a duration; write e.g. "90s", "2m", "1h" or "1d".` });
    return undefined;
  }
  return ms;
}
