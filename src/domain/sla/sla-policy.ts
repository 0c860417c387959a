import { BOOL } from '../expression/expr-type.js';
import { compileExpression, type Evaluator, type ExpressionScope } from '../expression/index.js';
import { TICKET_TYPE } from '../expression/shapes.js';
import { ticketVars } from '../routing/views.js';
import { PRIORITIES, type Priority, type Ticket } from '../ticket/ticket.js';
import type { SettingsError } from './business-hours.js';
import { SLA_METRICS, type SlaMetric } from './sla-state.js';

/** The share of a target after which a warning fires, unless a policy says otherwise. */
export const DEFAULT_WARN_FRACTION = 0.75;
/** The longest target accepted: ten years of minutes. */
export const MAX_TARGET_MINUTES = 5_256_000;

/** One target: minutes, counted in a business-hours calendar or (null) around the clock. */
export interface SlaTarget {
  minutes: number;
  businessHoursId: string | null;
}

export type SlaTargets = Partial<Record<Priority, Partial<Record<SlaMetric, SlaTarget>>>>;

/** What a client gives to define an SLA policy. */
export interface SlaPolicyDocument {
  name: string;
  /** CEL over `ticket`; the first policy (in order) whose condition holds applies. */
  condition: string;
  /** The share of each target after which `sla.warning` fires, between 0 and 1. */
  warnFraction: number;
  targets: SlaTargets;
}

/** A saved policy and its place in the workspace's order. */
export interface SlaPolicy extends SlaPolicyDocument {
  id: string;
  workspaceId: string;
  position: number;
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** A policy ready to match tickets. */
export interface CompiledSlaPolicy {
  policy: SlaPolicy;
  matches: Evaluator;
}

const TICKET_SCOPE: ExpressionScope = { variables: { ticket: TICKET_TYPE }, result: BOOL };

/**
 * Every mistake in a policy document: a condition that does not parse or type-check (with its
 * position), a warning fraction outside (0, 1), a target of zero or less, a calendar that does
 * not exist. Empty when the policy is sound.
 */
export function checkSlaPolicy(document: SlaPolicyDocument, calendarExists: (id: string) => boolean): SettingsError[] {
  const errors: SettingsError[] = [];
  const compiled = compileExpression(document.condition, TICKET_SCOPE);
  if (!compiled.ok) {
    for (const e of compiled.errors) {
      errors.push({ path: '/condition', message: e.message, position: { offset: e.offset, line: e.line, column: e.column, length: e.length } });
    }
  }
  if (!(document.warnFraction > 0 && document.warnFraction < 1)) {
    errors.push({ path: '/warn_at', message: `The warning comes at a share of the target between 0 and 1 (e.g. 0.75), not ${document.warnFraction}.` });
  }
  for (const [priority, metrics] of Object.entries(document.targets)) {
    if (!(PRIORITIES as readonly string[]).includes(priority)) {
      errors.push({ path: `/targets/${priority}`, message: `"${priority}" is not a priority; use ${PRIORITIES.join(', ')}.` });
      continue;
    }
    for (const [metric, target] of Object.entries(metrics ?? {})) {
      checkTarget(`/targets/${priority}/${metric}`, metric, target, calendarExists, errors);
    }
  }
  return errors;
}

function checkTarget(path: string, metric: string, target: SlaTarget, calendarExists: (id: string) => boolean, errors: SettingsError[]): void {
  if (!(SLA_METRICS as readonly string[]).includes(metric)) {
    errors.push({ path, message: `"${metric}" is not a metric; use ${SLA_METRICS.join(', ')}.` });
    return;
  }
  if (!Number.isFinite(target.minutes) || target.minutes <= 0) {
    errors.push({ path: `${path}/minutes`, message: `A target must be more than 0 minutes, not ${target.minutes}.` });
  } else if (target.minutes > MAX_TARGET_MINUTES) {
    errors.push({ path: `${path}/minutes`, message: `A target may be at most ${MAX_TARGET_MINUTES} minutes (ten years).` });
  }
  if (target.businessHoursId !== null && !calendarExists(target.businessHoursId)) {
    errors.push({ path: `${path}/business_hours`, message: `There are no business hours "${target.businessHoursId}".` });
  }
}

/** Compiles saved policies in their order; a policy whose condition no longer compiles is left out. */
export function compileSlaPolicies(policies: readonly SlaPolicy[]): CompiledSlaPolicy[] {
  const compiled: CompiledSlaPolicy[] = [];
  for (const policy of policies) {
    const result = compileExpression(policy.condition, TICKET_SCOPE);
    if (result.ok) compiled.push({ policy, matches: result.evaluate });
  }
  return compiled;
}

/** The first policy whose condition holds for the ticket; a condition that faults counts as not holding. */
export function selectSlaPolicy(policies: readonly CompiledSlaPolicy[], ticket: Ticket, now: number): SlaPolicy | null {
  if (policies.length === 0) return null;
  const env = { ticket: ticketVars(ticket), now };
  for (const { policy, matches } of policies) {
    try {
      if (matches(env) === true) return policy;
    } catch {
      // A condition that faults on this ticket (say, a missing custom field) does not apply.
    }
  }
  return null;
}

/** The policy's target for a metric at a priority, if it sets one. */
export function targetOf(policy: SlaPolicyDocument, priority: Priority, metric: SlaMetric): SlaTarget | undefined {
  return policy.targets[priority]?.[metric];
}
