import { conditionEnv, type ConditionEvent } from '../../domain/escalation/condition-scope.js';
import type { CompiledEscalation } from '../../domain/escalation/escalation-config.js';
import { firstFiringTrigger, type EscalationRecord } from '../../domain/escalation/escalation.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { conditionInput, type HandoffFactsOnce } from '../automation/condition-input.js';
import type { CommandContext } from '../context.js';
import { changeLevel } from './escalate-ticket.js';

/**
 * Checks the escalation triggers against a ticket for an event and, when one fires, escalates
 * the ticket to the trigger's level, recording the trigger and its reason. Returns the
 * escalation, or null when no trigger fired.
 */
export async function applyTriggers(
  ctx: CommandContext, escalation: CompiledEscalation, ticket: Ticket, event: ConditionEvent, handoff?: HandoffFactsOnce,
): Promise<EscalationRecord | null> {
  const candidates = escalation.triggers.filter((t) => t.level > ticket.escalation.level && (!event.type.startsWith('schedule') || t.scheduled));
  if (candidates.length === 0) return null;
  const env = conditionEnv(await conditionInput(ctx, escalation, ticket, event, handoff));
  let verdict = firstFiringTrigger(ticket, candidates, env, new Set());
  // Most tickets were never escalated by a trigger: read that record only when one would fire.
  if (verdict.fired) verdict = firstFiringTrigger(ticket, candidates, env, await ctx.tx.workflow.escalations.firedTriggers(ctx.workspaceId, ticket.id));
  const trigger = verdict.fired;
  if (!trigger) return null;
  const actor = { kind: 'system' as const, id: null, name: `escalation trigger "${trigger.name}"` };
  const outcome = await changeLevel({ ...ctx, actor }, ticket, trigger.level, { level: trigger.level, reason: trigger.reason, trigger: trigger.name }, escalation);
  return outcome.escalation;
}
