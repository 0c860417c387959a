import { fail } from '../errors.js';
import { isApprover, requiredApprovals, type Approval, type VoteDecision, type Voter } from './approval.js';

export interface VoteInput {
  decision: VoteDecision;
  comment: string | null;
}

/**
 * Counts one vote: a rejection by any approver rejects; the approval is approved when enough
 * distinct approvers approved. Refuses (coded) a decided approval, someone who is not an
 * approver, a second vote by the same approver, and a rejection without a reason. Pure: returns
 * the approval as it is after the vote.
 */
export function castVote(approval: Approval, voter: Voter, input: VoteInput, now: number): Approval {
  if (approval.status !== 'awaiting') {
    throw fail('approval_not_awaiting', `Approval ${approval.id} is ${approval.status}.`, { status: approval.status });
  }
  if (!isApprover(approval.approvers, voter)) throw fail('not_an_approver', `${voter.name ?? voter.key} is not among the approvers of ${approval.id}.`);
  if (approval.votes.some((vote) => vote.voter === voter.key)) {
    throw fail('approval_already_voted', `${voter.name ?? voter.key} already answered approval ${approval.id}.`);
  }
  const comment = input.comment?.trim() || null;
  if (input.decision === 'reject' && comment === null) {
    throw fail('invalid_value', 'A rejection needs a reason in "comment".', { path: '/comment' });
  }
  const votes = [...approval.votes, { voter: voter.key, agentId: voter.agentId, name: voter.name, decision: input.decision, comment, at: now }];
  const approvals = votes.filter((vote) => vote.decision === 'approve').length;
  const status = input.decision === 'reject' ? 'rejected' : approvals >= requiredApprovals(approval.approvers) ? 'approved' : 'awaiting';
  return { ...approval, votes, status, decidedAt: status === 'awaiting' ? null : now, version: approval.version + 1 };
}
