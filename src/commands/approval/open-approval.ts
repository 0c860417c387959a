import type { DomainEvent } from '../../domain/shared/event.js';
import type { Approval, ApprovalPlan } from '../../domain/approval/approval.js';
import { describeApprovers, requiredApprovals } from '../../domain/approval/approval.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/**
 * Saves a new awaiting approval for a checked plan, records `approval.requested` in the ticket's
 * history and sets its reminder and escalation timers. Holding the ticket is the caller's part.
 */
export async function openApproval(ctx: CommandContext, ticket: Ticket, plan: ApprovalPlan, source: string): Promise<Approval> {
  const now = ctx.clock.now();
  const approval: Approval = {
    id: ctx.ids.next('apr'), workspaceId: ctx.workspaceId, ticketId: ticket.id, status: 'awaiting', ...plan, source,
    requestedBy: ctx.actor, requestedAt: now, decidedAt: null, votes: [], version: 1,
  };
  await ctx.tx.approvals.insert(approval);
  await recordApprovalEvent(ctx, approval, 'approval.requested', {
    approvers: approval.approvers as JsonObject, needed: requiredApprovals(approval.approvers), who: describeApprovers(approval.approvers),
    source, hold: approval.hold,
  });
  await armApprovalTimer(ctx, approval, 'approval_reminder', approval.remindAfterMs);
  await armApprovalTimer(ctx, approval, 'approval_escalation', approval.escalateAfterMs);
  return approval;
}

/** Sets a reminder or escalation timer `afterMs` from now, when the approval asks for one. */
export async function armApprovalTimer(
  ctx: CommandContext, approval: Approval, kind: 'approval_reminder' | 'approval_escalation', afterMs: number | null,
): Promise<void> {
  if (afterMs === null) return;
  await ctx.tx.timers.insert({
    id: ctx.ids.next('tmr'), workspaceId: ctx.workspaceId, kind, ticketId: approval.ticketId, ref: approval.id, dueAt: ctx.clock.now() + afterMs, firedAt: null,
  });
}

/** Records one step of an approval in its ticket's history; every entry names the approval and its reason. */
export async function recordApprovalEvent(ctx: CommandContext, approval: Approval, type: string, data: JsonObject = {}): Promise<DomainEvent> {
  return recordEvent(ctx, {
    entityKind: 'ticket', entityId: approval.ticketId, ticketId: approval.ticketId, type,
    data: { approval_id: approval.id, reason: approval.reason, status: approval.status, ...data },
  });
}
