import { describeAction, unknownAction, type ActionDocument, type CompiledAutomation } from '../../domain/automation/automation.js';
import { setPatch } from '../../domain/automation/settable-fields.js';
import { renderTemplate, ticketTemplateValues } from '../../domain/automation/template.js';
import { DomainError, fail } from '../../domain/errors.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { JsonObject } from '../../domain/shared/json.js';
import { normalizeTags, type Ticket } from '../../domain/ticket/ticket.js';
import { addCommentCommand } from '../add-comment.js';
import { requestApprovalCommand } from '../approval/request-approval.js';
import type { CommandContext } from '../context.js';
import { escalateTicketCommand } from '../escalation/escalate-ticket.js';
import { sendToQueueCommand } from '../escalation/send-to-queue.js';
import { loadTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';
import { submitTicketCommand } from '../intake/submit-ticket.js';
import { ticketSnapshot } from '../../domain/ticket/ticket-snapshot.js';
import { updateTicketCommand } from '../update-ticket.js';
import { addWatcherCommand } from './watcher-commands.js';

/** The actor an automation acts as: kind `rule`, with the rule's id and name, in every history entry. */
function ruleActor(rule: Pick<CompiledAutomation, 'id' | 'name'>): Actor {
  return { kind: 'rule', id: rule.id, name: rule.name };
}

/**
 * Carries out an automation's actions on a ticket, as the rule. An action that fails (the queue
 * left the policy, a status move is not allowed) is recorded and ends this run of the rule; the
 * change that set it off still stands. `depth` is the round it fired in, for the history.
 */
export async function runAutomation(ctx: CommandContext, rule: CompiledAutomation, ticketId: string, eventName: string, depth: number): Promise<void> {
  const ruleCtx: CommandContext = { ...ctx, actor: ruleActor(rule) };
  await recordEvent(ruleCtx, {
    entityKind: 'ticket', entityId: ticketId, ticketId, type: 'automation.fired',
    data: { automation: rule.id, name: rule.name, event: eventName, depth, actions: rule.actions.map(describeAction) },
  });
  await runActions(ruleCtx, ticketId, rule.actions, (index, action, error) => recordEvent(ruleCtx, {
    entityKind: 'ticket', entityId: ticketId, ticketId, type: 'automation.failed',
    data: { automation: rule.id, name: rule.name, action: index, kind: action.kind, code: error.code, message: error.message },
  }));
}

/**
 * Carries out actions in order as the context's actor. An action that fails with a coded error is
 * handed to `failed` and ends the run; returns the follow-up tickets created.
 */
export async function runActions(
  ctx: CommandContext, ticketId: string, actions: readonly ActionDocument[],
  failed: (index: number, action: ActionDocument, error: DomainError) => Promise<unknown>,
): Promise<string[]> {
  const created: string[] = [];
  for (const [index, action] of actions.entries()) {
    try {
      const followUp = await runAction(ctx, ticketId, action);
      if (followUp) created.push(followUp);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await failed(index, action, error);
      break;
    }
  }
  return created;
}

/** One action; the switch covers every kind. Returns a created follow-up's id. */
async function runAction(ctx: CommandContext, ticketId: string, action: ActionDocument): Promise<string | null> {
  switch (action.kind) {
    case 'set': {
      const ticket = await loadTicket(ctx, ticketId);
      await updateTicketCommand(ctx, ticketId, setPatch(ticket, action.field, action.value));
      return null;
    }
    case 'add_tags':
    case 'remove_tags': {
      const ticket = await loadTicket(ctx, ticketId);
      const named = new Set(normalizeTags(action.tags));
      const tags = action.kind === 'add_tags' ? [...ticket.tags, ...named] : ticket.tags.filter((tag) => !named.has(tag));
      await updateTicketCommand(ctx, ticketId, { tags });
      return null;
    }
    case 'assign_queue':
      await sendToQueueCommand(ctx, ticketId, action.queue);
      return null;
    case 'assign_agent':
      await updateTicketCommand(ctx, ticketId, { assigneeId: action.agent });
      return null;
    case 'escalate':
      await escalateTicketCommand(ctx, ticketId, { level: action.level, reason: action.reason, trigger: `automation:${ctx.actor.name ?? ''}` });
      return null;
    case 'reply':
    case 'note':
      await addCommentCommand(ctx, ticketId, {
        body: await renderCanned(ctx, ticketId, action.canned_response), visibility: action.kind === 'reply' ? 'public' : 'internal',
      });
      return null;
    case 'add_watcher':
      await addWatcherCommand(ctx, ticketId, action.agent);
      return null;
    case 'notify_webhook':
      await notifyWebhook(ctx, ticketId, action.webhook);
      return null;
    case 'create_follow_up':
      return createFollowUp(ctx, ticketId, action);
    case 'request_approval': {
      const { kind: _kind, ...spec } = action;
      await requestApprovalCommand(ctx, ticketId, spec, `automation:${ctx.actor.name ?? ''}`);
      return null;
    }
    default:
      return unknownAction(action);
  }
}

/** The canned response filled in for the ticket. */
async function renderCanned(ctx: CommandContext, ticketId: string, cannedId: string): Promise<string> {
  const canned = await ctx.tx.workflow.cannedResponses.get(ctx.workspaceId, cannedId);
  if (!canned) throw fail('invalid_reference', `There is no canned response "${cannedId}".`, { path: '/canned_response' });
  const ticket = await loadTicket(ctx, ticketId);
  return renderTemplate(canned.body, ticketTemplateValues(ticket, await assigneeName(ctx, ticket)));
}

async function assigneeName(ctx: CommandContext, ticket: Ticket): Promise<string | null> {
  return ticket.assigneeId ? ((await ctx.tx.agents.get(ctx.workspaceId, ticket.assigneeId))?.name ?? null) : null;
}

/**
 * Records `automation.webhook` in the ticket's history with the payload (the ticket and its
 * hand-off packet), and in the same transaction queues it in the outbox for that one endpoint,
 * whatever event types it subscribes to.
 */
async function notifyWebhook(ctx: CommandContext, ticketId: string, webhookId: string): Promise<void> {
  // Automations saved before this action named an endpoint carry a `url` instead: they fail here until edited.
  const endpoint = typeof webhookId === 'string' ? await ctx.tx.webhooks.getEndpoint(ctx.workspaceId, webhookId) : undefined;
  if (!endpoint) throw fail('invalid_reference', `There is no webhook "${webhookId}"; name an endpoint made with POST /v1/webhooks.`, { path: '/webhook' });
  if (!endpoint.enabled) throw fail('webhook_disabled', `Webhook ${webhookId} is turned off.`, { path: '/webhook' });
  const ticket = await loadTicket(ctx, ticketId);
  const handoff = await ctx.tx.workflow.handoffs.forTicket(ctx.workspaceId, ticketId);
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: ticketId, ticketId, type: 'automation.webhook', webhook: endpoint.id,
    data: { webhook: endpoint.id, payload: { ticket: ticketSnapshot(ticket), handoff: (handoff ?? null) as JsonObject | null } },
  });
}

async function createFollowUp(ctx: CommandContext, ticketId: string, action: Extract<ActionDocument, { kind: 'create_follow_up' }>): Promise<string> {
  const ticket = await loadTicket(ctx, ticketId);
  const values = ticketTemplateValues(ticket, await assigneeName(ctx, ticket));
  const outcome = await submitTicketCommand(ctx, {
    title: renderTemplate(action.title, values),
    description: action.description === undefined ? `Follow-up of ${ticket.id}: ${ticket.title}` : renderTemplate(action.description, values),
    type: action.type ?? ticket.type,
    priority: action.priority ?? ticket.priority,
    queue: action.queue ?? null,
    customer: ticket.customer,
    channel: 'internal',
    links: [{ kind: 'blocked_by', ticketId }],
  });
  return outcome.ticket.id;
}
