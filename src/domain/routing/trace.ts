import type { RoutingDecision } from './decision.js';
import type { JsonObject } from '../shared/json.js';

/** A decision as stored and shown: the explanation of where a ticket went and why. */
export function traceOf(decision: RoutingDecision, outcome: string, agentId: string | null): JsonObject {
  return {
    outcome,
    agent: agentId,
    policy_version: decision.policyVersion,
    rule: decision.rule,
    rule_index: decision.ruleIndex,
    step: decision.step,
    queue: decision.queue,
    strategy: decision.strategy,
    mode: decision.mode,
    rules_checked: decision.rulesChecked.map((check) => ({ name: check.name, result: check.result, ...(check.error ? { error: check.error } : {}) })),
    candidates: decision.candidates.map((c) => ({ agent: c.agentId, name: c.agentName, score: c.score, parts: c.parts })),
    excluded: decision.excluded,
    queue_members: decision.members,
    sticky: decision.sticky ? { agent: decision.sticky.agentId, used: decision.sticky.used, reason: decision.sticky.reason } : null,
    set: decision.set as JsonObject,
  } as JsonObject;
}
