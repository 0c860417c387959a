import { conditionEnv, type ConditionEvent } from '../../domain/escalation/condition-scope.js';
import type { CompiledEscalation, CompiledTrigger } from '../../domain/escalation/escalation-config.js';
import { firstFiringTrigger } from '../../domain/escalation/escalation.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { conditionInput, type HandoffFactsOnce } from '../automation/condition-input.js';
import type { CommandContext } from '../context.js';

/**
 * The escalation trigger that fires for a ticket on an event: the first above the ticket's level
 * whose condition holds and that has not escalated it before. Null when none does. Decides only;
 * the escalation itself is the caller's (an intent, or the worker's scheduled check).
 */
export async function firingTrigger(
  ctx: CommandContext, escalation: CompiledEscalation, ticket: Ticket, event: ConditionEvent, handoff?: HandoffFactsOnce,
): Promise<CompiledTrigger | null> {
  const candidates = escalation.triggers.filter((t) => t.level > ticket.escalation.level && (!event.type.startsWith('schedule') || t.scheduled));
  if (candidates.length === 0) return null;
  const env = conditionEnv(await conditionInput(ctx, escalation, ticket, event, handoff));
  let verdict = firstFiringTrigger(ticket, candidates, env, new Set());
  // Most tickets were never escalated by a trigger: read that record only when one would fire.
  if (verdict.fired) verdict = firstFiringTrigger(ticket, candidates, env, await ctx.tx.workflow.escalations.firedTriggers(ctx.workspaceId, ticket.id));
  return verdict.fired;
}

/** The actor a trigger escalates as. */
export function triggerActor(trigger: Pick<CompiledTrigger, 'name'>): CommandContext['actor'] {
  return { kind: 'system', id: null, name: `escalation trigger "${trigger.name}"` };
}
