import type { Agent } from '../../domain/agent/agent.js';
import type { DiffItem, DiffStatus } from '../../domain/template/template-merge.js';
import { agentKeyOf, renameAutomationRefs, renameSlaHours } from '../../domain/template/template-refs.js';
import { createAgentCommand, removeAgentCommand, updateAgentCommand } from '../agent-commands.js';
import { createAutomationCommand, deleteAutomationCommand, replaceAutomationCommand } from '../automation/automation-commands.js';
import { createCannedResponseCommand, deleteCannedResponseCommand, updateCannedResponseCommand } from '../automation/canned-response-commands.js';
import type { CommandContext } from '../context.js';
import { createArticleCommand, deleteArticleCommand, updateArticleCommand } from '../kb/article-commands.js';
import { createBusinessHoursCommand, deleteBusinessHoursCommand, replaceBusinessHoursCommand } from '../sla/business-hours-commands.js';
import { createSlaPolicyCommand, deleteSlaPolicyCommand, replaceSlaPolicyCommand } from '../sla/sla-policy-commands.js';
import { deleteTicketTypeCommand, saveTicketTypeCommand } from '../ticket-types/ticket-type-commands.js';
import { normalAgent, normalArticle, type TemplateDiff } from './diff-template.js';
import type { TemplatePlan } from './template-plan.js';

/** The workspace ids the template's references resolve to, filled as sections are applied. */
export interface AppliedRefs {
  agents: Map<string, string>;
  canned: Map<string, string>;
  hours: Map<string, string>;
}

/** Resolves `@key` to the agent's id; anything else is already an id of the workspace. */
export const agentRef = (refs: AppliedRefs) => (reference: string): string => refs.agents.get(agentKeyOf(reference) ?? '') ?? reference;
const named = (map: ReadonlyMap<string, string>) => (reference: string): string => map.get(reference) ?? reference;

/** Each key's status in a section's diff: what apply has to do with the item. */
function statuses(items: readonly DiffItem<unknown>[]): Map<string, DiffStatus> {
  return new Map(items.map((item) => [item.key, item.status]));
}

/** Creates the added agents and updates the changed ones (presence is not a setting: it is left as it is); `@key` then names their ids. */
export async function applyAgents(ctx: CommandContext, plan: TemplatePlan, diff: TemplateDiff, refs: AppliedRefs): Promise<void> {
  const status = statuses(diff.sections.agents);
  const existing = new Map((await ctx.tx.agents.listAll(ctx.workspaceId)).map((a): [string, Agent] => [a.name, a]));
  for (const { key, draft } of plan.agents) {
    const name = draft.name.trim();
    const current = existing.get(name);
    let id = current?.id;
    if (!current) id = (await createAgentCommand(ctx, { ...draft, status: draft.status ?? 'available' })).id;
    // The whole draft as the template means it (defaults filled), so a field it leaves out is reset, not kept.
    else if (status.get(name) === 'changed') await updateAgentCommand(ctx, current.id, normalAgent(draft));
    refs.agents.set(key, id!);
  }
}

/** Saves the added and changed ticket types. */
export async function applyTypes(ctx: CommandContext, plan: TemplatePlan, diff: TemplateDiff): Promise<void> {
  const status = statuses(diff.sections.types);
  for (const type of plan.types) if (status.get(type.name) !== 'unchanged') await saveTicketTypeCommand(ctx, type);
}

/** Creates or replaces business hours by name; their names then resolve to ids. */
export async function applyHours(ctx: CommandContext, plan: TemplatePlan, diff: TemplateDiff, refs: AppliedRefs): Promise<void> {
  const status = statuses(diff.sections.business_hours);
  const existing = await ctx.tx.businessHours.list(ctx.workspaceId);
  for (const hours of existing) refs.hours.set(hours.name, hours.id);
  for (const hours of plan.businessHours) {
    const id = refs.hours.get(hours.name);
    if (id === undefined) refs.hours.set(hours.name, (await createBusinessHoursCommand(ctx, hours)).id);
    else if (status.get(hours.name) === 'changed') await replaceBusinessHoursCommand(ctx, id, hours);
  }
}

/** Creates (at the end of the order) or replaces SLA policies by name, their calendars resolved to ids. */
export async function applySla(ctx: CommandContext, plan: TemplatePlan, diff: TemplateDiff, refs: AppliedRefs): Promise<void> {
  const status = statuses(diff.sections.sla_policies);
  const existing = new Map((await ctx.tx.slaPolicies.list(ctx.workspaceId)).map((p) => [p.name, p.id]));
  for (const policy of plan.slaPolicies) {
    const document = renameSlaHours(policy, named(refs.hours));
    const id = existing.get(policy.name);
    if (id === undefined) await createSlaPolicyCommand(ctx, document);
    else if (status.get(policy.name) === 'changed') await replaceSlaPolicyCommand(ctx, id, document);
  }
}

/** Creates or updates canned responses by name; their names then resolve to ids. */
export async function applyCanned(ctx: CommandContext, plan: TemplatePlan, diff: TemplateDiff, refs: AppliedRefs): Promise<void> {
  const status = statuses(diff.sections.canned_responses);
  for (const canned of await ctx.tx.workflow.cannedResponses.list(ctx.workspaceId)) refs.canned.set(canned.name, canned.id);
  for (const canned of plan.cannedResponses) {
    const id = refs.canned.get(canned.name);
    if (id === undefined) refs.canned.set(canned.name, (await createCannedResponseCommand(ctx, canned)).id);
    else if (status.get(canned.name) === 'changed') await updateCannedResponseCommand(ctx, id, canned);
  }
}

/** Creates or replaces automations by name, with their agents and canned responses resolved. */
export async function applyAutomations(ctx: CommandContext, plan: TemplatePlan, diff: TemplateDiff, refs: AppliedRefs): Promise<void> {
  const status = statuses(diff.sections.automations);
  const existing = new Map((await ctx.tx.workflow.automations.list(ctx.workspaceId)).map((a) => [a.document.name, a.id]));
  for (const automation of plan.automations) {
    const document = renameAutomationRefs(automation, agentRef(refs), named(refs.canned));
    const id = existing.get(automation.name);
    if (id === undefined) await createAutomationCommand(ctx, document);
    else if (status.get(automation.name) === 'changed') await replaceAutomationCommand(ctx, id, document);
  }
}

/** Creates or updates knowledge-base articles by title. */
export async function applyArticles(ctx: CommandContext, plan: TemplatePlan, diff: TemplateDiff, existing: ReadonlyMap<string, string>): Promise<void> {
  const status = statuses(diff.sections.articles);
  for (const article of plan.articles) {
    const id = existing.get(article.title.trim());
    if (id === undefined) await createArticleCommand(ctx, article);
    else if (status.get(article.title.trim()) === 'changed') await updateArticleCommand(ctx, id, normalArticle(article));
  }
}

/** Ids by key of what a replacing template removes, looked up before anything changes. */
export interface Removals {
  automations: string[];
  slaPolicies: string[];
  hours: string[];
  canned: string[];
  types: string[];
  articles: string[];
  agents: string[];
}

/** Removes what the diff marks removed, users before what they use (automations before canned responses, SLA policies before hours). */
export async function applyRemovals(ctx: CommandContext, removals: Removals): Promise<void> {
  for (const id of removals.automations) await deleteAutomationCommand(ctx, id);
  for (const id of removals.slaPolicies) await deleteSlaPolicyCommand(ctx, id);
  for (const id of removals.hours) await deleteBusinessHoursCommand(ctx, id);
  for (const id of removals.canned) await deleteCannedResponseCommand(ctx, id);
  for (const name of removals.types) await deleteTicketTypeCommand(ctx, name);
  for (const id of removals.articles) await deleteArticleCommand(ctx, id);
  for (const id of removals.agents) await removeAgentCommand(ctx, id);
}
