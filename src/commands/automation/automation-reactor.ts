import type { CompiledAutomation } from '../../domain/automation/automation.js';
import { automationEventsOf, type KindedEvent } from '../../domain/automation/event-kinds.js';
import type { ConditionEvent } from '../../domain/escalation/condition-scope.js';
import { conditionEnv } from '../../domain/escalation/condition-scope.js';
import type { DomainEvent } from '../../domain/shared/event.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { settledTicket } from '../pipeline/commit.js';
import type { CommittedChange, Reactor } from '../pipeline/reactor.js';
import { recordEvent } from '../record-event.js';
import { conditionInput, handoffFactsOnce, type HandoffFactsOnce } from './condition-input.js';
import { loadWorkflow, type Workflow } from './workflow.js';

/** How many rounds of automations one change may set off before the chain is stopped as a loop. */
export const MAX_CHAIN_DEPTH = 5;

/**
 * Runs the automations that listen to what a round recorded on a ticket, in their order, each
 * on the ticket as the ones before it left it. A rule is not set off by its own actions; past
 * MAX_CHAIN_DEPTH rounds the rules that would fire are stopped and the stop is recorded.
 */
export const automationReactor: Reactor = {
  name: 'automations',
  stage: 'react',
  applicableEvents: 'all',
  async react(ctx, change, carryOut) {
    await markSlaEventsDispatched(ctx, change.events);
    const workflow = await loadWorkflow(ctx.tx, ctx.workspaceId, ctx.known?.workflowVersion);
    const kinded = automationEventsOf(change.events);
    if (!workflow || kinded.length === 0) return;
    const handoff = handoffFactsOnce(ctx, change.after.id);
    const stopped: string[] = [];
    const fired: string[] = [];
    for (const rule of workflow.onEvents) {
      const match = kinded.find((k) => rule.events!.has(k.kind) && !ownEvent(k.event, rule));
      if (!match) continue;
      // As the rules before this one left it: the unit of work holds every save of this transaction.
      const ticket = await settledTicket(ctx, change.after);
      if (!(await conditionHolds(ctx, workflow, rule, ticket, conditionEventOf(match), handoff))) continue;
      if (change.depth >= MAX_CHAIN_DEPTH) {
        stopped.push(rule.name);
        continue;
      }
      fired.push(rule.name);
      const cause = { depth: change.depth + 1, chain: [...change.chain, ...fired] };
      await carryOut({ kind: 'run_automation', rule, ticketId: ticket.id, event: match.kind, depth: change.depth, cause });
    }
    if (stopped.length > 0) await recordLoopStop(ctx, change, stopped);
  },
};

/** An SLA event reacted to here needs no second reaction from the worker's sweep. */
async function markSlaEventsDispatched(ctx: CommandContext, events: readonly DomainEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type === 'sla.warning' || event.type === 'sla.breached') await ctx.tx.workflow.automations.markDispatched(ctx.workspaceId, event.id, ctx.clock.now());
  }
}

/** A rule is not set off by its own actions (its events carry it as their actor). */
function ownEvent(event: DomainEvent, rule: CompiledAutomation): boolean {
  return event.actor.kind === 'rule' && event.actor.id === rule.id;
}

/** Whether the rule's condition holds; a condition that faults on this ticket does not hold. */
export async function conditionHolds(
  ctx: CommandContext, workflow: Pick<Workflow, 'escalation'>, rule: CompiledAutomation, ticket: Ticket, event: ConditionEvent, handoff?: HandoffFactsOnce,
): Promise<boolean> {
  if (!rule.when) return true;
  const env = conditionEnv(await conditionInput(ctx, workflow.escalation, ticket, event, handoff));
  try {
    return rule.when(env) === true;
  } catch {
    return false;
  }
}

function conditionEventOf(kinded: KindedEvent): ConditionEvent {
  return { type: kinded.kind, data: kinded.event.data ?? {} };
}

async function recordLoopStop(ctx: CommandContext, change: CommittedChange, stopped: string[]): Promise<void> {
  const ticketId = change.after.id;
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: ticketId, ticketId, type: 'automation.loop_stopped',
    data: {
      depth: change.depth, stopped, chain: change.chain,
      message: `Stopped ${stopped.map((name) => `"${name}"`).join(', ')}: the change set off ${change.depth} rounds of automations in a row, which looks like a loop.`,
    },
  });
}
