import { fail } from '../errors.js';
import type { EvalEnv } from '../expression/index.js';
import type { Actor } from '../shared/actor.js';
import { DONE_STATUSES } from '../ticket/status.js';
import type { Ticket } from '../ticket/ticket.js';
import type { RiskFacts } from './condition-scope.js';
import { MAX_LEVEL, type CompiledEscalation, type CompiledTrigger, type LevelDocument, type PartyDocument } from './escalation-config.js';

/** One move of a ticket between levels, kept for the record and for escalation metrics. */
export interface EscalationRecord {
  id: string;
  workspaceId: string;
  ticketId: string;
  fromLevel: number;
  toLevel: number;
  /** `manual`, the name of the trigger that fired, or `automation:<rule name>`. */
  trigger: string;
  reason: string;
  actor: Actor;
  /** The level's queue the ticket moved to, if the level has one. */
  queue: string | null;
  owner: PartyDocument | null;
  informed: PartyDocument[];
  at: number;
  /** The first public reply by a person after this escalation; null until there is one. */
  firstResponseAt: number | null;
}

/** The category that decides a ticket's risk: its `category` field, else the AI's label, else its type. */
export function categoryOf(ticket: Ticket): string {
  const field = ticket.fields.category;
  if (typeof field === 'string' && field) return field;
  return ticket.ai?.label ?? ticket.type;
}

/** The risk level and confidence threshold for a category under the config. */
export function riskFor(escalation: CompiledEscalation, category: string): RiskFacts {
  const level = escalation.categoryRisks[category] ?? 'standard';
  const threshold = level === 'mandatory_review' ? 1 : escalation.thresholds[level];
  return { category, level, threshold, mandatory_review: level === 'mandatory_review' };
}

/** The level a manual escalation goes to: the one asked for, or the next; refuses what is not a step up. */
export function escalationTarget(ticket: Ticket, requested: number | undefined): number {
  assertOpen(ticket, 'escalated');
  const target = requested ?? ticket.escalation.level + 1;
  if (target > MAX_LEVEL) {
    throw fail('invalid_value', `The ticket is at level ${ticket.escalation.level}; levels go up to ${MAX_LEVEL}.`, { path: '/level' });
  }
  if (target <= ticket.escalation.level) {
    throw fail('invalid_value', `The ticket is already at level ${ticket.escalation.level}; to lower it, de-escalate.`, { path: '/level' });
  }
  return target;
}

/** The level a de-escalation goes to: the one asked for, or the one below; refuses what is not a step down. */
export function deEscalationTarget(ticket: Ticket, requested: number | undefined): number {
  assertOpen(ticket, 'de-escalated');
  if (ticket.escalation.level === 0) throw fail('invalid_value', 'The ticket is not escalated.', { path: '/level' });
  const target = requested ?? ticket.escalation.level - 1;
  if (target >= ticket.escalation.level || target < 0) {
    throw fail('invalid_value', `De-escalating goes below the current level ${ticket.escalation.level}.`, { path: '/level' });
  }
  return target;
}

function assertOpen(ticket: Ticket, verb: string): void {
  if (DONE_STATUSES.has(ticket.status)) {
    throw fail('invalid_value', `A ${ticket.status} ticket cannot be ${verb}; reopen it first.`, { path: '/status', status: ticket.status });
  }
}

/** The level's RACI entry, if the config has that level. */
export function levelOf(escalation: CompiledEscalation | null, level: number): LevelDocument | null {
  return escalation?.levels.get(level) ?? null;
}

/** What checking the triggers found: the one that fires (if any) and the ones that faulted. */
export interface TriggerVerdict {
  fired: CompiledTrigger | null;
  faults: { trigger: string; error: string }[];
}

/**
 * The first trigger that fires for the ticket: enabled, above the ticket's level, not fired on
 * this ticket before (a condition that stays true escalates once, and a person's de-escalation
 * sticks), and its condition holds. A trigger that faults is skipped and reported.
 */
export function firstFiringTrigger(
  ticket: Ticket, triggers: readonly CompiledTrigger[], env: EvalEnv, alreadyFired: ReadonlySet<string>,
): TriggerVerdict {
  const faults: TriggerVerdict['faults'] = [];
  if (DONE_STATUSES.has(ticket.status)) return { fired: null, faults };
  for (const trigger of triggers) {
    if (trigger.level <= ticket.escalation.level || alreadyFired.has(trigger.name)) continue;
    try {
      if (trigger.evaluate(env) === true) return { fired: trigger, faults };
    } catch (error) {
      faults.push({ trigger: trigger.name, error: (error as Error).message });
    }
  }
  return { fired: null, faults };
}
