import { approvalActor, requiredApprovals, type Approval, type Voter } from '../../domain/approval/approval.js';
import { castVote, type VoteInput } from '../../domain/approval/approval-tally.js';
import { fail } from '../../domain/errors.js';
import type { Role } from '../../domain/auth/roles.js';
import { runActions } from '../automation/run-actions.js';
import type { CommandContext } from '../context.js';
import { inUnitOfWork } from '../pipeline/unit-of-work.js';
import { releaseHold } from './approval-hold.js';
import { recordApprovalEvent } from './open-approval.js';

/** The approval, or `approval_not_found` (also for ids of other workspaces). */
export async function loadApproval(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, id: string): Promise<Approval> {
  const approval = await ctx.tx.approvals.get(ctx.workspaceId, id);
  if (!approval) throw fail('approval_not_found', `No approval ${id}.`);
  return approval;
}

/** Who is voting as the surface knows them; teams are read from their agent. */
export async function resolveVoter(ctx: CommandContext, who: { key: string; agentId: string | null; role: Role; name: string | null }): Promise<Voter> {
  const agent = who.agentId ? await ctx.tx.agents.get(ctx.workspaceId, who.agentId) : undefined;
  return { ...who, key: who.agentId ?? who.key, teams: agent && agent.removedAt === null ? agent.teams : [] };
}

/**
 * One approver's answer. Records `approval.voted`; when it decides the approval, records
 * `approval.approved` or `approval.rejected`, runs the actions held for that outcome as the
 * approval, and lets go of the ticket's hold. Refusals (not an approver, a second vote, decided
 * already, a rejection without a reason) change nothing.
 */
export async function voteApprovalCommand(ctx: CommandContext, approvalId: string, voter: Voter, input: VoteInput): Promise<Approval> {
  const approval = await loadApproval(ctx, approvalId);
  const voted = castVote(approval, voter, input, ctx.clock.now());
  const vote = voted.votes[voted.votes.length - 1]!;
  return inUnitOfWork(ctx, async (ctx) => {
    await saveApproval(ctx, voted, approval.version);
    await ctx.tx.approvals.addVote(ctx.workspaceId, approval.id, vote);
    await recordApprovalEvent(ctx, voted, 'approval.voted', {
      decision: vote.decision, comment: vote.comment, approvals: voted.votes.filter((v) => v.decision === 'approve').length,
      needed: requiredApprovals(voted.approvers),
    });
    if (voted.status !== 'awaiting') await settle(ctx, voted);
    return loadApproval(ctx, approval.id);
  });
}

/** Withdraws an awaiting approval: nothing it holds runs, and the ticket is let go. */
export async function cancelApprovalCommand(ctx: CommandContext, approvalId: string, reason: string | null): Promise<Approval> {
  const approval = await loadApproval(ctx, approvalId);
  if (approval.status !== 'awaiting') throw fail('approval_not_awaiting', `Approval ${approval.id} is ${approval.status}.`, { status: approval.status });
  const cancelled: Approval = { ...approval, status: 'cancelled', decidedAt: ctx.clock.now(), version: approval.version + 1 };
  return inUnitOfWork(ctx, async (ctx) => {
    await saveApproval(ctx, cancelled, approval.version);
    await recordApprovalEvent(ctx, cancelled, 'approval.cancelled', { comment: reason });
    await releaseHold(ctx, cancelled);
    return cancelled;
  });
}

async function saveApproval(ctx: CommandContext, approval: Approval, previousVersion: number): Promise<void> {
  if (!(await ctx.tx.approvals.update(approval, previousVersion))) {
    throw fail('version_conflict', `Approval ${approval.id} was answered by someone else meanwhile.`, { id: approval.id });
  }
}

/** The decision's consequences: its history entry, the held actions of that outcome, the hold let go. */
async function settle(ctx: CommandContext, approval: Approval): Promise<void> {
  const approved = approval.status === 'approved';
  await recordApprovalEvent(ctx, approval, approved ? 'approval.approved' : 'approval.rejected', {
    voters: approval.votes.map((vote) => vote.name ?? vote.voter),
  });
  const actor = approvalActor(approval);
  const asApproval: CommandContext = { ...ctx, actor };
  await runActions(asApproval, approval.ticketId, approved ? approval.onApprove : approval.onReject, (index, action, error) =>
    recordApprovalEvent(asApproval, approval, 'approval.action_failed', { action: index, kind: action.kind, code: error.code, message: error.message }));
  await releaseHold(ctx, approval);
}
