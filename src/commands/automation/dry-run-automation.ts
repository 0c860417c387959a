import { compileAutomation } from '../../domain/automation/automation-compiler.js';
import { describeAction, unknownAction, type ActionDocument } from '../../domain/automation/automation.js';
import { setPatch } from '../../domain/automation/settable-fields.js';
import { renderTemplate, ticketTemplateValues } from '../../domain/automation/template.js';
import { conditionEnv } from '../../domain/escalation/condition-scope.js';
import { DEFAULT_ESCALATION } from '../../domain/escalation/escalation-compiler.js';
import { fail } from '../../domain/errors.js';
import type { JsonObject, JsonValue } from '../../domain/shared/json.js';
import { normalizeTags, type Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';
import { loadAutomation } from './automation-commands.js';
import { conditionInput } from './condition-input.js';
import { loadWorkflow } from './workflow.js';

export interface DryRunResult {
  automation: { id: string; name: string };
  ticketId: string;
  event: string;
  matched: boolean;
  condition: { source: string | null; result: boolean | null; error: string | null };
  actions: { kind: string; description: string; preview: JsonObject }[];
}

/**
 * What the automation would do to the ticket now, and why: the condition's verdict (or its
 * fault) and a preview of each action. Reads only; changes nothing.
 */
export async function dryRunAutomationCommand(ctx: CommandContext, automationId: string, ticketId: string, event?: string): Promise<DryRunResult> {
  const automation = await loadAutomation(ctx, automationId);
  const ticket = await loadTicket(ctx, ticketId);
  const compiled = compileAutomation(automation.id, automation.document, null);
  if (!compiled.ok) throw fail('invalid_automation', 'The saved automation no longer compiles.', { errors: compiled.errors });
  const eventName = event ?? automation.document.events?.[0] ?? 'schedule';
  const escalation = (await loadWorkflow(ctx.tx, ctx.workspaceId))?.escalation ?? DEFAULT_ESCALATION;
  const condition = { source: automation.document.when ?? null, result: null as boolean | null, error: null as string | null };
  if (compiled.automation.when) {
    try {
      condition.result = compiled.automation.when(conditionEnv(await conditionInput(ctx, escalation, ticket, { type: eventName, data: {} }))) === true;
    } catch (error) {
      condition.error = (error as Error).message;
    }
  } else condition.result = true;
  const actions = [];
  for (const action of automation.document.actions) {
    actions.push({ kind: action.kind, description: describeAction(action), preview: await preview(ctx, ticket, action) });
  }
  return { automation: { id: automation.id, name: automation.document.name }, ticketId, event: eventName, matched: condition.result === true, condition, actions };
}

/** What one action would change; the switch covers every kind. */
async function preview(ctx: CommandContext, ticket: Ticket, action: ActionDocument): Promise<JsonObject> {
  switch (action.kind) {
    case 'set': {
      const custom = action.field.startsWith('fields.') ? action.field.slice('fields.'.length) : null;
      const key = Object.keys(setPatch(ticket, action.field, action.value))[0]!;
      const from = custom === null ? (ticket as unknown as Record<string, JsonValue>)[key] : ticket.fields[custom];
      return { field: action.field, from: from ?? null, to: action.value };
    }
    case 'add_tags': return { tags: normalizeTags([...ticket.tags, ...action.tags]) };
    case 'remove_tags': {
      const named = new Set(normalizeTags(action.tags));
      return { tags: ticket.tags.filter((tag) => !named.has(tag)) };
    }
    case 'assign_queue': return { queue: action.queue, from: ticket.queue };
    case 'assign_agent': return { assignee: action.agent, from: ticket.assigneeId };
    case 'escalate': return { level: action.level ?? ticket.escalation.level + 1, from: ticket.escalation.level, reason: action.reason };
    case 'reply':
    case 'note': {
      const canned = await ctx.tx.workflow.cannedResponses.get(ctx.workspaceId, action.canned_response);
      const assignee = ticket.assigneeId ? await ctx.tx.agents.get(ctx.workspaceId, ticket.assigneeId) : undefined;
      return { visibility: action.kind === 'reply' ? 'public' : 'internal', body: canned ? renderTemplate(canned.body, ticketTemplateValues(ticket, assignee?.name ?? null)) : null };
    }
    case 'add_watcher': return { agent: action.agent };
    case 'notify_webhook': return { webhook: action.webhook };
    case 'create_follow_up': return { title: renderTemplate(action.title, ticketTemplateValues(ticket, null)), blocked_by: ticket.id };
    case 'request_approval': return { approvers: action.approvers as JsonObject, reason: action.reason, hold: action.hold ?? true };
    default: return unknownAction(action);
  }
}
