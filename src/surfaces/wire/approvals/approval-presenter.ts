import { requiredApprovals, type Approval } from '../../../domain/approval/approval.js';
import { iso } from '../time.js';

/** An approval as clients see it: who may answer, how many must, the votes so far, what it holds. */
export function presentApproval(approval: Approval) {
  return {
    id: approval.id,
    ticket_id: approval.ticketId,
    status: approval.status,
    reason: approval.reason,
    approvers: approval.approvers,
    needed: requiredApprovals(approval.approvers),
    hold: approval.hold,
    on_approve: approval.onApprove,
    on_reject: approval.onReject,
    remind_after_s: approval.remindAfterMs === null ? null : approval.remindAfterMs / 1000,
    escalate_after_s: approval.escalateAfterMs === null ? null : approval.escalateAfterMs / 1000,
    source: approval.source,
    requested_by: approval.requestedBy,
    requested_at: iso(approval.requestedAt),
    decided_at: iso(approval.decidedAt),
    votes: approval.votes.map((vote) => ({
      voter: vote.voter, agent_id: vote.agentId, name: vote.name, decision: vote.decision, comment: vote.comment, at: iso(vote.at),
    })),
  };
}
