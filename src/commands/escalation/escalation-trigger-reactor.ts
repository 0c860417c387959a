import { automationEventsOf, leadingEvent } from '../../domain/automation/event-kinds.js';
import { handoffFactsOnce } from '../automation/condition-input.js';
import { loadWorkflow } from '../automation/workflow.js';
import type { Reactor } from '../pipeline/reactor.js';
import { firingTrigger } from './escalation-triggers.js';

/**
 * Checks the escalation triggers once per round of a ticket's changes, against the round's leading
 * event (an SLA breach over a warning over a hand-off over the rest), and asks for the escalation
 * when one fires.
 */
export const escalationTriggerReactor: Reactor = {
  name: 'escalation-triggers',
  stage: 'react',
  applicableEvents: 'all',
  async react(ctx, change, carryOut) {
    const lead = leadingEvent(automationEventsOf(change.events));
    const workflow = lead && (await loadWorkflow(ctx.tx, ctx.workspaceId, ctx.known?.workflowVersion));
    const ticket = workflow && (await ctx.tx.tickets.get(ctx.workspaceId, change.after.id));
    if (!lead || !workflow || !ticket) return;
    const event = { type: lead.kind, data: lead.event.data ?? {} };
    const trigger = await firingTrigger(ctx, workflow.escalation, ticket, event, handoffFactsOnce(ctx, ticket.id));
    if (!trigger) return;
    await carryOut({ kind: 'escalate', ticket, trigger, escalation: workflow.escalation, cause: { depth: change.depth + 1, chain: change.chain } });
  },
};
