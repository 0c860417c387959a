import type { ApprovalPlan } from '../approval/approval.js';
import type { Evaluator } from '../expression/index.js';
import type { Priority } from '../ticket/ticket.js';
import type { AssignmentMode, PolicyDocument, Strategy, StrategyWeights, WaitingOrder } from './policy.js';

export interface CompiledQueue {
  id: string;
  /** Membership over `agent`; null when every agent belongs (`true`). */
  members: Evaluator | null;
  strategy: Strategy;
  mode: AssignmentMode;
  offerTimeoutMs: number;
  ordering: WaitingOrder;
  skill: string | null;
  weights: Required<StrategyWeights>;
  maxDistanceKm: number;
}

export interface CompiledTarget {
  queue: string;
  /** Narrows the queue for one ticket (over `ticket` and `agent`); null when absent. */
  agents: Evaluator | null;
  timeoutMs: number | null;
}

export interface CompiledRule {
  name: string;
  index: number;
  when: Evaluator;
  set: { priority?: Priority; tags?: string[]; fields?: Record<string, unknown> };
  targets: CompiledTarget[];
  /** The approval matching tickets wait for before routing; null when the rule asks for none. */
  approval: ApprovalPlan | null;
}

/** A validated policy ready to run: expressions compiled to closures, durations in milliseconds. */
export interface CompiledPolicy {
  version: number;
  document: PolicyDocument;
  queues: Map<string, CompiledQueue>;
  rules: CompiledRule[];
  fallback: CompiledTarget;
  ticketSizes: Record<string, number>;
  agingMs: number;
  /** True when some rule asks for approval, so routing looks for approvals only then. */
  hasApprovals: boolean;
}

export const DEFAULT_OFFER_TIMEOUT_MS = 60_000;
export const DEFAULT_AGING_MINUTES = 60;
export const DEFAULT_WEIGHTS: Required<StrategyWeights> = { skill: 1, load: 1, performance: 1, distance: 0 };
