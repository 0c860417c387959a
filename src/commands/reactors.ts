import { automationReactor } from './automation/automation-reactor.js';
import { firstResponseReactor } from './automation/first-response-reactor.js';
import { runAutomation } from './automation/run-actions.js';
import type { CommandContext } from './context.js';
import { changeLevel } from './escalation/escalate-ticket.js';
import { escalationTriggerReactor } from './escalation/escalation-trigger-reactor.js';
import { triggerActor } from './escalation/escalation-triggers.js';
import type { Intent } from './pipeline/intents.js';
import type { Reactions } from './pipeline/reactor.js';
import { routingReactor } from './routing/routing-reactor.js';

/** Carries out a reactor's intent with the command that does it, as the rule or trigger, one round deeper. */
async function carryOut(ctx: CommandContext, intent: Intent): Promise<void> {
  switch (intent.kind) {
    case 'run_automation':
      await runAutomation({ ...ctx, cause: intent.cause }, intent.rule, intent.ticketId, intent.event, intent.depth);
      return;
    case 'escalate': {
      const { trigger } = intent;
      const request = { level: trigger.level, reason: trigger.reason, trigger: trigger.name };
      await changeLevel({ ...ctx, actor: triggerActor(trigger), cause: intent.cause }, intent.ticket, trigger.level, request, intent.escalation);
      return;
    }
  }
}

/**
 * The composition root of reactions: every reactor of the process, in the order they run, and
 * how their intents are carried out. Surfaces put it in the contexts they build; commands reach
 * it only through the context, so no command imports another's follow-ups.
 */
export const REACTIONS: Reactions = Object.freeze({
  reactors: [routingReactor, firstResponseReactor, escalationTriggerReactor, automationReactor],
  carryOut,
});
