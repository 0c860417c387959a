import { CONDITION_SCOPE } from '../../../domain/escalation/condition-scope.js';
import type { ScopeVariables } from '../../../domain/expression/environment.js';
import { AGENT_TYPE, TICKET_TYPE } from '../../../domain/expression/index.js';

/**
 * The kinds of expression editors offer completion for: `routing` (policy rules, queues, targets
 * and SLA conditions, each using part of it) and `workflow` (escalation triggers, automations).
 */
export const EDITOR_SCOPES: Readonly<Record<'routing' | 'workflow', ScopeVariables>> = {
  routing: { ticket: TICKET_TYPE, agent: AGENT_TYPE },
  workflow: CONDITION_SCOPE.variables,
};
