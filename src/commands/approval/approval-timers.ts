import type { Timer } from '../../domain/scheduling/timer.js';
import { DomainError } from '../../domain/errors.js';
import { DONE_STATUSES } from '../../domain/ticket/status.js';
import type { Approval } from '../../domain/approval/approval.js';
import type { CommandContext } from '../context.js';
import { escalateTicketCommand } from '../escalation/escalate-ticket.js';
import type { TimerHandler } from '../scheduling/timer-handler.js';
import { armApprovalTimer, recordApprovalEvent } from './open-approval.js';

/** Approvals' timers: a reminder to the approvers, the escalation of an approval nobody answered. */
export const approvalTimers: TimerHandler = {
  kinds: new Set(['approval_reminder', 'approval_escalation']),
  fire: (ctx, timer) => fireApprovalTimerCommand(ctx, timer),
};

/** The reason recorded when an approval's silence escalates its ticket. */
export const UNANSWERED_REASON = 'approval not answered';

/**
 * Fires an approval's reminder or escalation timer. Either does nothing once the approval is
 * decided. A reminder records `approval.reminded`, makes the named agents watch the ticket and
 * comes again after the same time; an escalation moves the ticket up one level, once. Neither
 * does anything once the ticket is resolved or closed.
 */
export async function fireApprovalTimerCommand(ctx: CommandContext, timer: Timer): Promise<string> {
  const approval = await ctx.tx.approvals.get(ctx.workspaceId, timer.ref);
  if (!approval || approval.status !== 'awaiting') return `approval ${timer.ref} was already decided`;
  // Finished work needs no more reminders; its approval stays awaiting for the record.
  const ticket = await ctx.tx.tickets.get(ctx.workspaceId, approval.ticketId);
  if (!ticket || DONE_STATUSES.has(ticket.status)) return `approval ${approval.id}: ticket ${approval.ticketId} is done`;
  return timer.kind === 'approval_reminder' ? remind(ctx, approval) : escalateUnanswered(ctx, approval);
}

async function remind(ctx: CommandContext, approval: Approval): Promise<string> {
  const agents = await approverAgents(ctx, approval);
  for (const agentId of agents) await ctx.tx.workflow.watchers.add(ctx.workspaceId, approval.ticketId, agentId, ctx.clock.now());
  await recordApprovalEvent(ctx, approval, 'approval.reminded', { waiting_s: Math.round((ctx.clock.now() - approval.requestedAt) / 1000), agents });
  await armApprovalTimer(ctx, approval, 'approval_reminder', approval.remindAfterMs);
  return `approval ${approval.id}: reminded ${agents.length} agent(s)`;
}

/** The agents who can answer and can be told by name: the listed ones, or the team's members. */
async function approverAgents(ctx: CommandContext, approval: Approval): Promise<string[]> {
  const { approvers } = approval;
  if ('agents' in approvers) return approvers.agents;
  if (!('team' in approvers)) return [];
  const team = approvers.team.toLowerCase();
  return (await ctx.tx.agents.listAll(ctx.workspaceId)).filter((agent) => agent.teams.includes(team)).map((agent) => agent.id);
}

async function escalateUnanswered(ctx: CommandContext, approval: Approval): Promise<string> {
  try {
    const outcome = await escalateTicketCommand(ctx, approval.ticketId, { reason: UNANSWERED_REASON, trigger: `approval:${approval.id}` });
    const level = outcome.escalation?.toLevel ?? null;
    await recordApprovalEvent(ctx, approval, 'approval.escalated', { escalated: level !== null, to_level: level });
    return `approval ${approval.id}: ticket escalated${level === null ? ' (waiting for the level\'s own approval)' : ` to level ${level}`}`;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await recordApprovalEvent(ctx, approval, 'approval.escalated', { escalated: false, code: error.code, message: error.message });
    return `approval ${approval.id}: could not escalate: ${error.message}`;
  }
}
