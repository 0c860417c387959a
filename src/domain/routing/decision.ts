import type { AssignmentMode, Strategy } from './policy.js';

export const EXCLUSION_REASONS = [
  'not_available', 'off_shift', 'no_capacity_for_channel', 'at_capacity', 'declined', 'no_location',
  'filtered_out', 'filter_error', 'ranked_lower',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface RankedCandidate {
  agentId: string;
  agentName: string;
  score: number;
  parts: Record<string, number | null>;
}

export interface RuleCheck {
  name: string;
  result: 'matched' | 'no_match' | 'error' | 'resumed';
  error?: string;
}

/**
 * What the router decided and why: the rule and step, the queue, the best candidates in order
 * with their scores, and how many agents were left out for each reason. Pure data, stored with
 * the ticket as its explanation.
 */
export interface RoutingDecision {
  policyVersion: number;
  rule: string | null;
  ruleIndex: number | null;
  step: number;
  queue: string;
  strategy: Strategy;
  mode: AssignmentMode;
  offerTimeoutMs: number;
  stepTimeoutMs: number | null;
  hasNextStep: boolean;
  set: { priority?: string; tags?: string[]; fields?: Record<string, unknown> };
  rulesChecked: RuleCheck[];
  candidates: RankedCandidate[];
  excluded: Partial<Record<ExclusionReason, number>>;
  members: number;
  sticky: { agentId: string; used: boolean; reason: string } | null;
}
