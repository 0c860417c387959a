import type { CompiledEscalation, PartyDocument } from '../../domain/escalation/escalation-config.js';
import { deEscalationTarget, escalationTarget, levelOf, type EscalationRecord } from '../../domain/escalation/escalation.js';
import { isApprovalActor, type Approval, type ApprovalSpecDocument, type HeldAction } from '../../domain/approval/approval.js';
import { planApproval } from '../../domain/approval/approval-spec.js';
import type { JsonObject } from '../../domain/shared/json.js';
import { holdTicket } from '../approval/approval-hold.js';
import { openApproval } from '../approval/open-approval.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { DEFAULT_ESCALATION } from '../../domain/escalation/escalation-compiler.js';
import { loadWorkflow } from '../automation/workflow.js';
import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';
import { commit } from '../pipeline/commit.js';
import { inUnitOfWork } from '../pipeline/unit-of-work.js';
import { sendToQueueCommand } from './send-to-queue.js';

export interface EscalationRequest {
  /** The level to go to; by default one up (escalate) or one down (de-escalate). */
  level?: number;
  reason: string;
  /** `manual`, a trigger's name, or `automation:<rule>`. */
  trigger: string;
}

export interface EscalationOutcome {
  ticket: Ticket;
  /** The move made; null while the level's approval is awaited. */
  escalation: EscalationRecord | null;
  /** The approval the move waits for, when the level asks for one. */
  approval: Approval | null;
}

/**
 * Moves a ticket up to a level: records who, why, by which trigger and when, makes the level's
 * owner and informed agents watch it, and sends it to the level's queue to be routed there.
 */
export async function escalateTicketCommand(ctx: CommandContext, ticketId: string, request: EscalationRequest): Promise<EscalationOutcome> {
  const ticket = await loadTicket(ctx, ticketId);
  return changeLevel(ctx, ticket, escalationTarget(ticket, request.level), request);
}

/** Moves a ticket down a level (to 0: no longer escalated); a level with a queue takes the ticket back. */
export async function deEscalateTicketCommand(ctx: CommandContext, ticketId: string, request: EscalationRequest): Promise<EscalationOutcome> {
  const ticket = await loadTicket(ctx, ticketId);
  return changeLevel(ctx, ticket, deEscalationTarget(ticket, request.level), request);
}

/** The level change itself, for a target already checked; also used by triggers inside a dispatch. */
export async function changeLevel(ctx: CommandContext, ticket: Ticket, target: number, request: EscalationRequest, config?: CompiledEscalation): Promise<EscalationOutcome> {
  const escalation = config ?? (await loadWorkflow(ctx.tx, ctx.workspaceId))?.escalation ?? DEFAULT_ESCALATION;
  const level = levelOf(escalation, target);
  if (level?.approval && target > ticket.escalation.level && !isApprovalActor(ctx.actor)) {
    return { ticket: await loadTicket(ctx, ticket.id), escalation: null, approval: await escalationApproval(ctx, ticket, target, level.approval, request) };
  }
  // A level whose queue has since left the routing policy still escalates; the ticket just stays put.
  const queue = level && (await policyHasQueue(ctx, level.queue)) ? level.queue : null;
  const now = ctx.clock.now();
  const record: EscalationRecord = {
    id: ctx.ids.next('esc'), workspaceId: ctx.workspaceId, ticketId: ticket.id, fromLevel: ticket.escalation.level, toLevel: target,
    trigger: request.trigger, reason: request.reason, actor: ctx.actor, queue, owner: level?.owner ?? null,
    informed: level?.informed ?? [], at: now, firstResponseAt: null,
  };
  await inUnitOfWork(ctx, async (ctx) => {
    await ctx.tx.workflow.escalations.insert(record);
    const changed: Ticket = { ...ticket, escalation: { level: target, reason: request.reason }, version: ticket.version + 1, updatedAt: now };
    await commit(ctx, {
      before: ticket,
      after: changed,
      events: [{
        type: target > ticket.escalation.level ? 'ticket.escalated' : 'ticket.de_escalated',
        before: { escalation: { ...ticket.escalation } }, after: { escalation: { ...changed.escalation } }, data: escalationData(record),
      }],
    });
    for (const agentId of watchingAgents(record)) await ctx.tx.workflow.watchers.add(ctx.workspaceId, ticket.id, agentId, now);
    if (record.queue && record.queue !== changed.queue) await sendToQueueCommand(ctx, ticket.id, record.queue);
  });
  return { ticket: await loadTicket(ctx, ticket.id), escalation: record, approval: null };
}

/**
 * A level that asks for approval: the escalation itself becomes the approval's first held action,
 * run as the approval once approved. One awaiting approval per ticket and level, and a rejection
 * stands against triggers; by default the ticket is not held, since it stays worked on where it is
 * until the move is approved.
 */
async function escalationApproval(ctx: CommandContext, ticket: Ticket, target: number, spec: ApprovalSpecDocument, request: EscalationRequest): Promise<Approval> {
  const source = `escalation:${target}`;
  const asked = (await ctx.tx.approvals.forTicket(ctx.workspaceId, ticket.id)).filter((a) => a.source === source);
  // A trigger's condition may stay true: once rejected, it does not ask again (a person still may).
  const standing = asked.find((a) => a.status === 'awaiting' || (a.status === 'rejected' && request.trigger !== 'manual'));
  if (standing) return standing;
  const plan = planApproval({ ...spec, hold: spec.hold ?? false });
  const escalate: HeldAction = { kind: 'escalate', level: target, reason: request.reason };
  const approval = await openApproval(ctx, ticket, { ...plan, onApprove: [escalate, ...plan.onApprove] }, source);
  if (approval.hold) await holdTicket(ctx, ticket.id, approval.id);
  return approval;
}

async function policyHasQueue(ctx: CommandContext, queue: string): Promise<boolean> {
  const policy = await ctx.tx.policies.current(ctx.workspaceId);
  return policy?.document.queues.some((q) => q.id === queue) ?? false;
}

/** The level's accountable owner and informed agents (roles are told through notifications, not watching). */
function watchingAgents(record: EscalationRecord): string[] {
  const parties: PartyDocument[] = [...(record.owner ? [record.owner] : []), ...record.informed];
  return [...new Set(parties.flatMap((party) => ('agent' in party ? [party.agent] : [])))];
}

function escalationData(record: EscalationRecord): JsonObject {
  return {
    escalation_id: record.id, from_level: record.fromLevel, to_level: record.toLevel, trigger: record.trigger, reason: record.reason,
    queue: record.queue, owner: record.owner as JsonObject | null, informed: record.informed as unknown as JsonObject[],
  };
}
