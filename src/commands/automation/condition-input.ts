import { runBusinessChecks } from '../../domain/escalation/business-checks.js';
import type { ConditionEvent, ConditionInput } from '../../domain/escalation/condition-scope.js';
import type { CompiledEscalation } from '../../domain/escalation/escalation-config.js';
import { categoryOf, riskFor } from '../../domain/escalation/escalation.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';

/** Gathers what a trigger or automation condition sees about a ticket: its hand-off, risk and checks. */
export async function conditionInput(ctx: CommandContext, escalation: CompiledEscalation, ticket: Ticket, event: ConditionEvent): Promise<ConditionInput> {
  const packet = await ctx.tx.workflow.handoffs.forTicket(ctx.workspaceId, ticket.id);
  const category = categoryOf(ticket);
  return {
    ticket,
    event,
    risk: riskFor(escalation, category),
    checks: runBusinessChecks(ticket, category, escalation.checks),
    handoff: packet ? { mode: packet.mode, confidence: packet.signals.botConfidence, reason: packet.reason } : null,
    now: ctx.clock.now(),
  };
}
