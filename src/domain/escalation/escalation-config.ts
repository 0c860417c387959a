import type { ApprovalSpecDocument } from '../approval/approval.js';
import type { Role } from '../auth/roles.js';
import type { Evaluator } from '../expression/index.js';
import type { ChecksConfig, FieldFormat } from './business-checks.js';
import type { PresetName } from './presets.js';

export const MAX_LEVEL = 3;

/** How much a category's mistakes cost, which decides how sure the AI must be. */
export const RISK_LEVELS = ['low', 'standard', 'strict', 'mandatory_review'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** An accountable, consulted or informed party: one agent, or everyone of a role. */
export type PartyDocument = { agent: string } | { role: Role };

/** One level of the RACI: the queue that does the work, who answers for it, who hears of it. */
export interface LevelDocument {
  level: number;
  name?: string;
  /** Responsible: the queue escalated tickets move to. */
  queue: string;
  /** Accountable: the owner of escalations at this level. */
  owner: PartyDocument;
  consulted?: PartyDocument[];
  /** Informed: told of each escalation to this level (informed agents watch the ticket). */
  informed?: PartyDocument[];
  /** Escalating to this level waits for this approval first (held action: the escalation itself). */
  approval?: ApprovalSpecDocument;
}

export interface TriggerDocument {
  name: string;
  /** A built-in trigger (see presets.ts) … */
  preset?: PresetName;
  params?: Record<string, unknown>;
  /** … or a CEL condition over the workflow scope. */
  when?: string;
  /** The level the trigger escalates to (default 1); it fires only for tickets below it. */
  level?: number;
  reason?: string;
  enabled?: boolean;
}

export interface ChecksDocument {
  required_fields?: Record<string, string[]>;
  formats?: Record<string, FieldFormat>;
  policy_flags?: string[];
  min_words?: number;
}

/** The escalation configuration of a workspace: levels, category risks, business checks, triggers. */
export interface EscalationDocument {
  levels: LevelDocument[];
  categories?: Record<string, RiskLevel>;
  thresholds?: Partial<Record<Exclude<RiskLevel, 'mandatory_review'>, number>>;
  checks?: ChecksDocument;
  triggers: TriggerDocument[];
}

/** Billing money, legal and compliance mistakes cost most: a stricter bar, or a person always. */
export const DEFAULT_CATEGORY_RISKS: Readonly<Record<string, RiskLevel>> = {
  billing: 'strict',
  legal: 'mandatory_review',
  compliance: 'mandatory_review',
};

export const DEFAULT_THRESHOLDS: Readonly<Record<Exclude<RiskLevel, 'mandatory_review'>, number>> = {
  low: 0.3,
  standard: 0.6,
  strict: 0.85,
};

/** A workspace that never configured escalation: no levels, no triggers, the default risks. */
export const EMPTY_ESCALATION: EscalationDocument = { levels: [], triggers: [] };

export interface CompiledTrigger {
  name: string;
  level: number;
  reason: string;
  /** The condition as it runs (a preset's expansion, or the author's expression). */
  source: string;
  evaluate: Evaluator;
  /** Worth checking on a schedule, not only on events (idle time, re-routes). */
  scheduled: boolean;
  /** The idle hours from which it can fire, read from its condition; null when it does not read idle time. */
  idleHours: number | null;
}

/** A checked escalation config, ready to evaluate. */
export interface CompiledEscalation {
  document: EscalationDocument;
  levels: ReadonlyMap<number, LevelDocument>;
  categoryRisks: Readonly<Record<string, RiskLevel>>;
  thresholds: Readonly<Record<Exclude<RiskLevel, 'mandatory_review'>, number>>;
  checks: ChecksConfig;
  triggers: CompiledTrigger[];
}
