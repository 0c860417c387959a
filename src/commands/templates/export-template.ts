import type { Agent, AgentDraft } from '../../domain/agent/agent.js';
import type { KbArticle, KbArticleDraft } from '../../domain/kb/article.js';
import { renameAutomationRefs, renameEscalationAgents, renameSlaHours } from '../../domain/template/template-refs.js';
import { ticketTypeDocument } from '../../domain/ticket/ticket-type.js';
import type { CommandContext } from '../context.js';
import { emptyPlan, TEMPLATE_FORMAT, type TemplateAgent, type TemplatePlan, type TemplateScenario } from './template-plan.js';

type ReadContext = Pick<CommandContext, 'tx' | 'workspaceId'>;

/** Where a workspace keeps the simulator scenario a template brought. */
export const SCENARIO_SETTING = 'template_scenario';

/**
 * The workspace's settings as a template bundle: agents become `@key` (their key in `agentKeys`
 * when given, so a diff lines them up with a template's, else a slug of their name), canned
 * responses and business hours are named by name, so the bundle applies to any workspace.
 */
export async function exportTemplateCommand(ctx: ReadContext, agentKeys: ReadonlyMap<string, string> = new Map()): Promise<TemplatePlan> {
  const { tx, workspaceId } = ctx;
  const workspace = await tx.workspaces.get(workspaceId);
  const slug = workspace?.slug ?? 'workspace';
  const title = (workspace?.name || slug).slice(0, 200);
  const plan = emptyPlan({
    // A template name starts with a letter; a workspace slug may start with a digit.
    format: TEMPLATE_FORMAT, name: (/^[a-z]/.test(slug) ? slug : `ws-${slug}`).slice(0, 40), version: '1.0.0', title,
    description: `Settings exported from the workspace "${title}".`, use_case: 'export',
  });
  plan.agents = keyedAgents(await tx.agents.listAll(workspaceId), agentKeys);
  const agentRef = rename(new Map(plan.agents.map((a) => [a.draft.name, `@${a.key}`])), await agentNames(ctx));
  const canned = await tx.workflow.cannedResponses.list(workspaceId);
  const hours = await tx.businessHours.list(workspaceId);
  plan.types = (await tx.ticketTypes.list(workspaceId)).map(ticketTypeDocument);
  plan.businessHours = hours.map(({ name, timeZone, weekly, holidays }) => ({ name, timeZone, weekly, holidays }));
  plan.slaPolicies = (await tx.slaPolicies.list(workspaceId)).map(({ name, condition, warnFraction, targets }) =>
    renameSlaHours({ name, condition, warnFraction, targets }, byId(hours.map((h) => [h.id, h.name]))));
  plan.policy = (await tx.policies.current(workspaceId))?.document ?? null;
  const escalation = await tx.workflow.escalations.config(workspaceId);
  plan.escalation = escalation ? renameEscalationAgents(escalation.document, agentRef) : null;
  const cannedRef = byId(canned.map((c) => [c.id, c.name]));
  plan.automations = (await tx.workflow.automations.list(workspaceId)).map((a) => renameAutomationRefs(a.document, agentRef, cannedRef));
  plan.cannedResponses = canned.map(({ name, body }) => ({ name, body }));
  // Articles made in one transaction share a creation time; by title, an export reads the same every time.
  plan.articles = (await allArticles(ctx)).map(articleDraft).sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  plan.scenario = (workspace?.settings[SCENARIO_SETTING] as TemplateScenario | undefined) ?? null;
  return plan;
}

/** The draft an agent would be created from again; presence is not a setting, so a sample agent starts available. */
export function agentDraft(agent: Agent): AgentDraft {
  return {
    name: agent.name, email: agent.email, skills: agent.skills, languages: agent.languages, teams: agent.teams, level: agent.level,
    capacity: agent.capacity, workingHours: agent.workingHours, location: agent.location, attributes: agent.attributes,
  };
}

/** The draft an article would be created from again. */
export function articleDraft(article: KbArticle): KbArticleDraft {
  return { title: article.title, body: article.body, tags: article.tags, language: article.language, published: article.published };
}

function keyedAgents(agents: readonly Agent[], agentKeys: ReadonlyMap<string, string>): TemplateAgent[] {
  const used = new Set<string>();
  return agents.map((agent) => {
    const base = agentKeys.get(agent.name) ?? (agent.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 36) || 'agent');
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return { key, draft: agentDraft(agent) };
  });
}

async function agentNames(ctx: ReadContext): Promise<Map<string, string>> {
  return new Map((await ctx.tx.agents.listAll(ctx.workspaceId)).map((a) => [a.id, a.name]));
}

/** Agent ids become `@key`; an id of an agent no longer there stays as it is. */
function rename(refByName: ReadonlyMap<string, string>, nameById: ReadonlyMap<string, string>): (id: string) => string {
  return (id) => refByName.get(nameById.get(id) ?? '') ?? id;
}

function byId(pairs: [string, string][]): (id: string) => string {
  const names = new Map(pairs);
  return (id) => names.get(id) ?? id;
}

async function allArticles(ctx: ReadContext): Promise<KbArticle[]> {
  const articles: KbArticle[] = [];
  let after: string | undefined;
  do {
    const page = await ctx.tx.kbArticles.list({ workspaceId: ctx.workspaceId, publishedOnly: false, after, limit: 200 });
    articles.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  return articles;
}
