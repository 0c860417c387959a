import type { ApprovalSpecDocument } from '../approval/approval.js';
import type { Priority } from '../ticket/ticket.js';

export const STRATEGIES = [
  'round_robin', 'least_busy', 'longest_idle', 'most_skilled', 'best_performer', 'nearest', 'weighted',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const ASSIGNMENT_MODES = ['direct', 'offer'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export const WAITING_ORDERS = ['priority_age', 'sla_deadline'] as const;
export type WaitingOrder = (typeof WAITING_ORDERS)[number];

/** Weights of the `weighted` strategy; each part is scaled to 0..1 before weighting. */
export interface StrategyWeights {
  skill?: number;
  load?: number;
  performance?: number;
  distance?: number;
}

/** A queue as a lead writes it: who belongs, how one of them is chosen, how work is handed over. */
export interface QueueDocument {
  id: string;
  /** Expression over `agent`: who belongs to the queue. */
  agents: string;
  strategy?: Strategy;
  mode?: AssignmentMode;
  /** How long an offer waits for an answer (mode `offer`), e.g. "45s". */
  offer_timeout?: string;
  ordering?: WaitingOrder;
  /** The skill `most_skilled` and `weighted` rank by. */
  skill?: string;
  weights?: StrategyWeights;
  /** Distance at which `weighted` gives no distance credit (default 100 km). */
  max_distance_km?: number;
}

export interface TargetDocument {
  queue: string;
  /** Expression over `ticket` and `agent` that narrows the queue for this ticket. */
  agents?: string;
  /** How long the ticket waits at this step before moving to the next, e.g. "2m". */
  timeout?: string;
}

export interface RuleSetDocument {
  priority?: Priority;
  tags?: string[];
  fields?: Record<string, unknown>;
}

export interface RuleDocument {
  name: string;
  /** Expression over `ticket`. */
  when: string;
  set?: RuleSetDocument;
  targets: TargetDocument[];
  /** Matching tickets wait for this approval before they are routed. */
  approval?: ApprovalSpecDocument;
}

/** The routing policy document of DESIGN §3: queues, ordered rules (first match wins), a default. */
export interface PolicyDocument {
  queues: QueueDocument[];
  rules: RuleDocument[];
  default: TargetDocument;
  /** Capacity units a ticket of a type takes (default 1). */
  ticket_sizes?: Record<string, number>;
  /** Minutes of waiting that raise a ticket by one priority class (default 60). */
  aging_minutes?: number;
}

/** One mistake in a policy: where (JSON pointer), what, and for expressions the place in the text. */
export interface PolicyError {
  path: string;
  message: string;
  position?: { offset: number; line: number; column: number; length: number };
}

const DURATION = /^(\d{1,9})(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses "90s", "2m", "1h", "1d" (or "500ms") into milliseconds; undefined when it does not parse. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}
