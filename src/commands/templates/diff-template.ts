import { createAgent, type AgentDraft } from '../../domain/agent/agent.js';
import type { EscalationDocument } from '../../domain/escalation/escalation-config.js';
import { createArticle, type KbArticleDraft } from '../../domain/kb/article.js';
import type { PolicyDocument } from '../../domain/routing/policy.js';
import { canonical, diffByKey, type DiffItem, type DiffStatus } from '../../domain/template/template-merge.js';
import type { CommandContext } from '../context.js';
import { agentDraft, articleDraft, exportTemplateCommand } from './export-template.js';
import type { ApplyOptions, TEMPLATE_SECTIONS, TemplatePlan } from './template-plan.js';

export type DiffSection = (typeof TEMPLATE_SECTIONS)[number];

/** What applying a template would do, section by section, and how many items of each status. */
export interface TemplateDiff {
  sections: Record<DiffSection, DiffItem<unknown>[]>;
  counts: Record<DiffStatus, number>;
}

/**
 * Compares a (checked) template with the workspace without changing anything: per section, each
 * item is added, changed (with before and after), unchanged, kept (only in the workspace), or
 * removed (only in the workspace, when the template replaces and holds that section: a section the
 * bundle leaves out is never emptied).
 */
export async function diffTemplateCommand(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, plan: TemplatePlan, options: ApplyOptions = {}): Promise<TemplateDiff> {
  const replacing = (section: DiffSection) => options.replace === true && plan.given.has(section);
  const current = await exportTemplateCommand(ctx, new Map(plan.agents.map((a) => [a.draft.name.trim(), a.key])));
  const sections: Record<DiffSection, DiffItem<unknown>[]> = {
    types: diffByKey(plan.types, current.types, (t) => t.name, replacing('types')),
    business_hours: diffByKey(plan.businessHours, current.businessHours, (h) => h.name, replacing('business_hours')),
    sla_policies: diffByKey(plan.slaPolicies, current.slaPolicies, (p) => p.name, replacing('sla_policies')),
    policy: plan.policy ? diffPolicy(plan.policy, current.policy, replacing('policy')) : [],
    escalation: plan.escalation ? diffEscalation(plan.escalation, current.escalation, replacing('escalation')) : [],
    automations: diffByKey(plan.automations, current.automations, (a) => a.name, replacing('automations')),
    canned_responses: diffByKey(plan.cannedResponses, current.cannedResponses, (c) => c.name, replacing('canned_responses')),
    articles: diffByKey(plan.articles.map(normalArticle), current.articles, (a) => a.title, replacing('articles')),
    agents: diffByKey(plan.agents.map((a) => normalAgent(a.draft)), current.agents.map((a) => a.draft), (a) => a.name, replacing('agents')),
    scenario: plan.scenario ? diffByKey([plan.scenario.body], current.scenario ? [current.scenario.body] : [], () => 'scenario', replacing('scenario')) : [],
  };
  const counts: Record<DiffStatus, number> = { added: 0, changed: 0, unchanged: 0, kept: 0, removed: 0 };
  for (const items of Object.values(sections)) for (const item of items) counts[item.status]++;
  return { sections, counts };
}

/** True when applying would change nothing. */
export function diffIsEmpty(diff: TemplateDiff): boolean {
  return diff.counts.added + diff.counts.changed + diff.counts.removed === 0;
}

/** An agent draft as the workspace would hold it (defaults filled, skills and lists normalised), without presence. */
export function normalAgent(draft: AgentDraft): AgentDraft {
  return agentDraft(createAgent(draft, 'template', 'template', 0));
}

/** An article draft as the workspace would hold it (title trimmed, tags normalised, defaults filled). */
export function normalArticle(draft: KbArticleDraft): KbArticleDraft {
  return articleDraft(createArticle(draft, 'template', 'template', 0));
}

/** The policy's queues by id and rules by name, and its default target. */
function diffPolicy(template: PolicyDocument, current: PolicyDocument | null, replace: boolean): DiffItem<unknown>[] {
  const prefixed = <T>(prefix: string, items: DiffItem<T>[]) => items.map((item) => ({ ...item, key: `${prefix}${item.key}` }));
  return [
    ...prefixed('queue:', diffByKey(template.queues, current?.queues ?? [], (q) => q.id, replace)),
    ...prefixed('rule:', diffByKey(template.rules, current?.rules ?? [], (r) => r.name, replace)),
    single('default', template.default, current?.default),
    ...(template.ticket_sizes ? [single('ticket_sizes', template.ticket_sizes, current?.ticket_sizes)] : []),
    ...(template.aging_minutes !== undefined ? [single('aging_minutes', template.aging_minutes, current?.aging_minutes)] : []),
  ];
}

/** The escalation config's levels by number and triggers by name, and its risks, thresholds and checks. */
function diffEscalation(template: EscalationDocument, current: EscalationDocument | null, replace: boolean): DiffItem<unknown>[] {
  const prefixed = <T>(prefix: string, items: DiffItem<T>[]) => items.map((item) => ({ ...item, key: `${prefix}${item.key}` }));
  return [
    ...prefixed('L', diffByKey(template.levels, current?.levels ?? [], (l) => String(l.level), replace)),
    ...prefixed('trigger:', diffByKey(template.triggers, current?.triggers ?? [], (t) => t.name, replace)),
    ...(template.categories ? [single('categories', { ...current?.categories, ...template.categories }, current?.categories)] : []),
    ...(template.thresholds ? [single('thresholds', { ...current?.thresholds, ...template.thresholds }, current?.thresholds)] : []),
    ...(template.checks ? [single('checks', template.checks, current?.checks)] : []),
  ];
}

function single<T>(key: string, after: T, before: T | undefined): DiffItem<T> {
  const status: DiffStatus = before === undefined ? 'added' : canonical(before) === canonical(after) ? 'unchanged' : 'changed';
  return { key, status, before: before ?? null, after };
}
