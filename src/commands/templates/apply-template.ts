import type { DiffItem } from '../../domain/template/template-merge.js';
import { canonical, mergeEscalation, mergePolicy } from '../../domain/template/template-merge.js';
import { renameEscalationAgents } from '../../domain/template/template-refs.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { CommandContext } from '../context.js';
import { escalationConfigCommand, saveEscalationConfigCommand } from '../escalation/escalation-config-commands.js';
import { savePolicyCommand } from '../routing/policy-commands.js';
import {
  agentRef, applyAgents, applyArticles, applyAutomations, applyCanned, applyHours, applyRemovals, applySla, applyTypes,
  type AppliedRefs, type Removals,
} from './apply-sections.js';
import { assertTemplateCommand } from './check-template.js';
import { diffTemplateCommand, type TemplateDiff } from './diff-template.js';
import { SCENARIO_SETTING } from './export-template.js';
import type { ApplyOptions, ReadTemplate, TemplatePlan } from './template-plan.js';

/** Checks a bundle and tells what applying it would change; nothing is written. */
export async function previewTemplateCommand(ctx: CommandContext, read: ReadTemplate, options: ApplyOptions = {}): Promise<TemplateDiff> {
  await assertTemplateCommand(ctx, read, options);
  return diffTemplateCommand(ctx, read.plan, options);
}

/**
 * Checks a bundle and applies it through each setting's own command, in the caller's one
 * transaction: a mistake or a failure half-way leaves the workspace as it was. Items already as
 * the template has them are not written again, so applying twice changes nothing the second time.
 * Returns the diff it applied.
 */
export async function applyTemplateCommand(ctx: CommandContext, read: ReadTemplate, options: ApplyOptions = {}): Promise<TemplateDiff> {
  // Without the routing runtime, agent changes reach the in-memory router through the agents
  // counter after commit, so a rolled-back apply leaves no phantom agent behind.
  const plain: CommandContext = { actor: ctx.actor, workspaceId: ctx.workspaceId, clock: ctx.clock, ids: ctx.ids, tx: ctx.tx, reactions: ctx.reactions };
  const diff = await previewTemplateCommand(plain, read, options);
  const { plan } = read;
  const removals = await removalsOf(plain, diff);
  const articleIds = await articleIdsByTitle(plain);
  const refs: AppliedRefs = { agents: new Map(), canned: new Map(), hours: new Map() };
  await applyAgents(plain, plan, diff, refs);
  await applyTypes(plain, plan, diff);
  await applyHours(plain, plan, diff, refs);
  await applySla(plain, plan, diff, refs);
  await applyCanned(plain, plan, diff, refs);
  await applyPolicy(plain, plan, options);
  await applyEscalation(plain, plan, refs, options);
  await applyAutomations(plain, plan, diff, refs);
  await applyArticles(plain, plan, diff, articleIds);
  await applyScenario(plain, plan);
  await applyRemovals(plain, removals);
  return diff;
}

async function applyPolicy(ctx: CommandContext, plan: TemplatePlan, options: ApplyOptions): Promise<void> {
  if (!plan.policy) return;
  const current = (await ctx.tx.policies.current(ctx.workspaceId))?.document ?? null;
  const merged = mergePolicy(current, plan.policy, options.replace === true);
  if (canonical(merged) !== canonical(current)) await savePolicyCommand(ctx, merged);
}

async function applyEscalation(ctx: CommandContext, plan: TemplatePlan, refs: AppliedRefs, options: ApplyOptions): Promise<void> {
  if (!plan.escalation) return;
  const current = await escalationConfigCommand(ctx);
  const merged = mergeEscalation(current.version === 0 ? null : current.document, renameEscalationAgents(plan.escalation, agentRef(refs)), options.replace === true);
  if (canonical(merged) !== canonical(current.document)) await saveEscalationConfigCommand(ctx, merged);
}

/** The scenario is kept with the workspace's settings, so it can be exported and run again. */
async function applyScenario(ctx: CommandContext, plan: TemplatePlan): Promise<void> {
  if (!plan.scenario) return;
  const workspace = await ctx.tx.workspaces.get(ctx.workspaceId);
  if (!workspace || canonical(workspace.settings[SCENARIO_SETTING]) === canonical(plan.scenario)) return;
  await ctx.tx.workspaces.updateSettings(ctx.workspaceId, { ...workspace.settings, [SCENARIO_SETTING]: plan.scenario as unknown as JsonObject });
}

async function articleIdsByTitle(ctx: CommandContext): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let after: string | undefined;
  do {
    const page = await ctx.tx.kbArticles.list({ workspaceId: ctx.workspaceId, publishedOnly: false, after, limit: 200 });
    for (const article of page.items) ids.set(article.title, article.id);
    after = page.nextCursor ?? undefined;
  } while (after);
  return ids;
}

/** Looks up the ids of what the diff removes, before apply renames or adds anything. */
async function removalsOf(ctx: CommandContext, diff: TemplateDiff): Promise<Removals> {
  const removed = (items: readonly DiffItem<unknown>[]) => new Set(items.filter((i) => i.status === 'removed').map((i) => i.key));
  const pick = <T>(rows: readonly T[], keyOf: (row: T) => string, idOf: (row: T) => string, items: readonly DiffItem<unknown>[]) => {
    const keys = removed(items);
    return rows.filter((row) => keys.has(keyOf(row))).map(idOf);
  };
  const { tx, workspaceId } = ctx;
  const articles = await articleIdsByTitle(ctx);
  return {
    automations: pick(await tx.workflow.automations.list(workspaceId), (a) => a.document.name, (a) => a.id, diff.sections.automations),
    slaPolicies: pick(await tx.slaPolicies.list(workspaceId), (p) => p.name, (p) => p.id, diff.sections.sla_policies),
    hours: pick(await tx.businessHours.list(workspaceId), (h) => h.name, (h) => h.id, diff.sections.business_hours),
    canned: pick(await tx.workflow.cannedResponses.list(workspaceId), (c) => c.name, (c) => c.id, diff.sections.canned_responses),
    types: [...removed(diff.sections.types)],
    articles: [...removed(diff.sections.articles)].map((title) => articles.get(title)!),
    agents: pick(await tx.agents.listAll(workspaceId), (a) => a.name, (a) => a.id, diff.sections.agents),
  };
}
