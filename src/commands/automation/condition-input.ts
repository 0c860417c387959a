import { runBusinessChecks } from '../../domain/escalation/business-checks.js';
import type { ConditionEvent, ConditionInput, HandoffFacts } from '../../domain/escalation/condition-scope.js';
import type { CompiledEscalation } from '../../domain/escalation/escalation-config.js';
import { categoryOf, riskFor } from '../../domain/escalation/escalation.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';

/** What the ticket's hand-off (if any) tells conditions. */
async function handoffFacts(ctx: CommandContext, ticketId: string): Promise<HandoffFacts | null> {
  const packet = await ctx.tx.workflow.handoffs.forTicket(ctx.workspaceId, ticketId);
  return packet ? { mode: packet.mode, confidence: packet.signals.botConfidence, reason: packet.reason } : null;
}

/** Reads a ticket's hand-off facts at most once, for the several conditions checked in one round. */
export type HandoffFactsOnce = () => Promise<HandoffFacts | null>;

/** A reader of the ticket's hand-off facts that asks the store once. */
export function handoffFactsOnce(ctx: CommandContext, ticketId: string): HandoffFactsOnce {
  let facts: Promise<HandoffFacts | null> | undefined;
  return () => (facts ??= handoffFacts(ctx, ticketId));
}

/** Gathers what a trigger or automation condition sees about a ticket: its hand-off, risk and checks. */
export async function conditionInput(
  ctx: CommandContext, escalation: CompiledEscalation, ticket: Ticket, event: ConditionEvent,
  handoff: HandoffFactsOnce = handoffFactsOnce(ctx, ticket.id),
): Promise<ConditionInput> {
  const category = categoryOf(ticket);
  return {
    ticket,
    event,
    risk: riskFor(escalation, category),
    checks: runBusinessChecks(ticket, category, escalation.checks),
    handoff: await handoff(),
    now: ctx.clock.now(),
  };
}
