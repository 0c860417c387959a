import { compileAutomation } from '../../domain/automation/automation-compiler.js';
import type { Automation, CompiledAutomation } from '../../domain/automation/automation.js';
import { DONE_STATUSES } from '../../domain/ticket/status.js';
import type { PendingEvent } from '../../domain/store/workflow-store.js';
import type { CommandContext } from '../context.js';
import { changeLevel } from '../escalation/escalate-ticket.js';
import { firingTrigger, triggerActor } from '../escalation/escalation-triggers.js';
import { inUnitOfWork } from '../pipeline/unit-of-work.js';
import { conditionHolds } from './automation-reactor.js';
import { runAutomation } from './run-actions.js';
import { loadWorkflow } from './workflow.js';

const SCHEDULE: { type: string; data: Record<string, never> } = { type: 'schedule', data: {} };

/** Reacts once to an SLA event a timer recorded; null when another node (or the inline path) already did. */
export async function reactToPendingEvent(ctx: CommandContext, event: PendingEvent): Promise<string | null> {
  if (!(await ctx.tx.workflow.automations.markDispatched(ctx.workspaceId, event.id, ctx.clock.now()))) return null;
  const recorded = (await ctx.tx.events.listForTicket(ctx.workspaceId, event.ticketId, event.id - 1, 1)).items[0];
  if (recorded?.id !== event.id) return null;
  const unit = await inUnitOfWork(ctx, async (ctx) => {
    ctx.unit!.noteEvent(ctx.cause, recorded);
    return ctx.unit!;
  });
  return unit.carriedOut > 0 ? `${event.type} on ${event.ticketId}: reacted` : null;
}

/** Checks the triggers that become true by waiting (idle time, re-routes made elsewhere) on one ticket. */
export async function checkScheduledTriggers(ctx: CommandContext, ticketId: string): Promise<string | null> {
  const workflow = await loadWorkflow(ctx.tx, ctx.workspaceId);
  const ticket = await ctx.tx.tickets.get(ctx.workspaceId, ticketId);
  if (!workflow || !ticket || DONE_STATUSES.has(ticket.status)) return null;
  const trigger = await firingTrigger(ctx, workflow.escalation, ticket, SCHEDULE);
  if (!trigger) return null;
  const request = { level: trigger.level, reason: trigger.reason, trigger: trigger.name };
  await changeLevel({ ...ctx, actor: triggerActor(trigger) }, ticket, trigger.level, request, workflow.escalation);
  return `${ticketId} escalated to L${trigger.level} by "${trigger.name}"`;
}

/**
 * Takes this run of a due scheduled automation (moving its next run on), or null when another
 * node took it or it no longer compiles.
 */
export async function claimScheduledRun(ctx: CommandContext, automation: Automation): Promise<CompiledAutomation | null> {
  const compiled = compileAutomation(automation.id, automation.document, null);
  if (!compiled.ok || !compiled.automation.schedule || automation.nextRunAt === null) return null;
  const next = ctx.clock.now() + compiled.automation.schedule.everyMs;
  return (await ctx.tx.workflow.automations.claimSchedule(automation.id, automation.nextRunAt, next)) ? compiled.automation : null;
}

/**
 * Runs a scheduled automation on one ticket when its condition holds. It acts on a ticket at most
 * once per idle period (or per interval without one), so "remind after 48 idle hours" reminds
 * every 48 idle hours, not at every run.
 */
export async function runScheduledAutomation(ctx: CommandContext, automation: CompiledAutomation, ticketId: string): Promise<string | null> {
  const ticket = await ctx.tx.tickets.get(ctx.workspaceId, ticketId);
  if (!ticket || DONE_STATUSES.has(ticket.status) || !automation.schedule) return null;
  const now = ctx.clock.now();
  const last = await ctx.tx.workflow.automations.lastFired(automation.id, ticketId);
  if (last !== null && now - last < (automation.schedule.idleForMs ?? automation.schedule.everyMs)) return null;
  const workflow = await loadWorkflow(ctx.tx, ctx.workspaceId);
  if (!workflow || !(await conditionHolds(ctx, workflow, automation, ticket, SCHEDULE))) return null;
  await ctx.tx.workflow.automations.markFired(ctx.workspaceId, automation.id, ticketId, now);
  await inUnitOfWork(ctx, (ctx) => runAutomation(ctx, automation, ticketId, 'schedule', 0));
  return `"${automation.name}" acted on ${ticketId}`;
}
