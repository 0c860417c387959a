import { assertValidWorkingHours } from '../../domain/agent/working-hours.js';
import { compileAutomation } from '../../domain/automation/automation-compiler.js';
import type { ConfigReferences } from '../../domain/automation/config-errors.js';
import { checkTemplate as checkCannedBody } from '../../domain/automation/template.js';
import { compileEscalation } from '../../domain/escalation/escalation-compiler.js';
import { DomainError, fail } from '../../domain/errors.js';
import { compilePolicy } from '../../domain/routing/policy-compiler.js';
import type { PolicyDocument } from '../../domain/routing/policy.js';
import { checkBusinessHours, type SettingsError } from '../../domain/sla/business-hours.js';
import { checkSlaPolicy } from '../../domain/sla/sla-policy.js';
import { mergePolicy } from '../../domain/template/template-merge.js';
import { checkTicketType } from '../../domain/ticket/ticket-type.js';
import type { CommandContext } from '../context.js';
import { resolveScenario } from '../simulation/prepare-scenario.js';
import { TEMPLATE_FORMAT, type ApplyOptions, type ReadTemplate, type TemplatePlan } from './template-plan.js';

const NAME = /^[a-z][a-z0-9-]{0,39}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** What a bundle may refer to beyond itself: the workspace's own settings (none when replacing them). */
interface WorkspaceFacts {
  policy: PolicyDocument | null;
  hours: Set<string>;
  agents: Set<string>;
  canned: Set<string>;
  webhooks: Set<string>;
}

/**
 * Checks a whole bundle against itself and the workspace with each section's own checks, their
 * paths prefixed with the section's place in the bundle, plus the references between sections.
 * Any mistake (including those found while reading it) is one `invalid_template` listing them all.
 */
export async function assertTemplateCommand(ctx: CommandContext, read: ReadTemplate, options: ApplyOptions = {}): Promise<void> {
  const { plan } = read;
  const facts = await workspaceFacts(ctx, plan, options.replace === true);
  const policy = plan.policy ? mergePolicy(facts.policy, plan.policy, options.replace === true) : facts.policy;
  const policyErrors = checkPolicy(plan);
  // A scenario runs on the policy; its mistakes would only repeat those already listed under /policy.
  const scenarioErrors = checkScenario(plan, policy).filter((e) => policyErrors.length === 0 || !e.path.startsWith('/scenario/policy'));
  const errors = [
    ...read.errors, ...checkMeta(plan), ...checkTypes(plan), ...checkHours(plan), ...checkSla(plan, facts), ...policyErrors,
    ...checkWorkflows(plan, facts, policy), ...checkCanned(plan), ...checkArticles(plan), ...checkAgents(plan), ...scenarioErrors,
  ];
  if (errors.length > 0) throw fail('invalid_template', `The template has ${errors.length} mistake(s); nothing was applied.`, { errors });
}

/** What the workspace holds that the bundle may name; a section the template replaces offers nothing of the workspace's. */
async function workspaceFacts(ctx: CommandContext, plan: TemplatePlan, replace: boolean): Promise<WorkspaceFacts> {
  const { tx, workspaceId } = ctx;
  const kept = (section: string) => !(replace && plan.given.has(section));
  const canned = kept('canned_responses') ? await tx.workflow.cannedResponses.list(workspaceId) : [];
  return {
    policy: (await tx.policies.current(workspaceId))?.document ?? null,
    hours: new Set(kept('business_hours') ? (await tx.businessHours.list(workspaceId)).map((h) => h.name) : []),
    agents: new Set(kept('agents') ? (await tx.agents.listAll(workspaceId)).map((a) => a.id) : []),
    canned: new Set([...canned.map((c) => c.id), ...canned.map((c) => c.name)]),
    webhooks: new Set((await tx.webhooks.listEndpoints(workspaceId)).map((e) => e.id)),
  };
}

const under = (prefix: string, errors: readonly SettingsError[]): SettingsError[] => errors.map((e) => ({ ...e, path: `${prefix}${e.path}` }));

/** An error for every name given to two items of one section (names are how apply finds an item again). */
function duplicates<T>(items: readonly T[], nameOf: (item: T) => string, path: (i: number) => string): SettingsError[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const name = nameOf(item);
    const twice = seen.has(name);
    seen.add(name);
    return twice ? [{ path: path(i), message: `"${name}" appears twice in this section.` }] : [];
  });
}

function checkMeta({ meta }: TemplatePlan): SettingsError[] {
  const errors: SettingsError[] = [];
  if (meta.format !== TEMPLATE_FORMAT) errors.push({ path: '/format', message: `This server reads template format ${TEMPLATE_FORMAT}, not ${meta.format}.` });
  if (!NAME.test(meta.name)) errors.push({ path: '/name', message: 'A template name is lower-case letters, digits and dashes, starting with a letter.' });
  if (!SEMVER.test(meta.version)) errors.push({ path: '/version', message: `"${meta.version}" is not a semantic version such as 1.0.0.` });
  return errors;
}

function checkTypes(plan: TemplatePlan): SettingsError[] {
  return [...plan.types.flatMap((type, i) => checkTicketType(type, `/types/${i}`)), ...duplicates(plan.types, (t) => t.name, (i) => `/types/${i}/name`)];
}

function checkHours(plan: TemplatePlan): SettingsError[] {
  return [
    ...plan.businessHours.flatMap((hours, i) => under(`/business_hours/${i}`, checkBusinessHours(hours))),
    ...duplicates(plan.businessHours, (h) => h.name, (i) => `/business_hours/${i}/name`),
  ];
}

function checkSla(plan: TemplatePlan, facts: WorkspaceFacts): SettingsError[] {
  const hours = new Set([...facts.hours, ...plan.businessHours.map((h) => h.name)]);
  return [
    ...plan.slaPolicies.flatMap((policy, i) => under(`/sla_policies/${i}`, checkSlaPolicy(policy, (name) => hours.has(name)))),
    ...duplicates(plan.slaPolicies, (p) => p.name, (i) => `/sla_policies/${i}/name`),
  ];
}

function checkPolicy(plan: TemplatePlan): SettingsError[] {
  if (!plan.policy) return [];
  const compiled = compilePolicy(plan.policy, 1);
  return compiled.ok ? [] : under('/policy', compiled.errors);
}

/** Escalation levels and automations, with their queues, `@agents` and canned responses looked up in the bundle and the workspace. */
function checkWorkflows(plan: TemplatePlan, facts: WorkspaceFacts, policy: PolicyDocument | null): SettingsError[] {
  const refs: ConfigReferences = {
    queues: policy ? new Set(policy.queues.map((q) => q.id)) : null,
    agents: new Set([...facts.agents, ...plan.agents.map((a) => `@${a.key}`)]),
    cannedResponses: new Set([...facts.canned, ...plan.cannedResponses.map((c) => c.name)]),
    webhooks: facts.webhooks,
  };
  const escalation = plan.escalation ? compileEscalation(plan.escalation, refs) : null;
  return [
    ...(escalation && !escalation.ok ? under('/escalation', escalation.errors) : []),
    ...plan.automations.flatMap((automation, i) => {
      const compiled = compileAutomation(`template-${i}`, automation, refs);
      return compiled.ok ? [] : under(`/automations/${i}`, compiled.errors);
    }),
    ...duplicates(plan.automations, (a) => a.name, (i) => `/automations/${i}/name`),
  ];
}

function checkCanned(plan: TemplatePlan): SettingsError[] {
  return [
    ...plan.cannedResponses.flatMap((canned, i) => checkCannedBody(canned.body).map((e) => ({ path: `/canned_responses/${i}/body`, message: e.message }))),
    ...duplicates(plan.cannedResponses, (c) => c.name, (i) => `/canned_responses/${i}/name`),
  ];
}

function checkArticles(plan: TemplatePlan): SettingsError[] {
  return duplicates(plan.articles, (a) => a.title.trim(), (i) => `/articles/${i}/title`);
}

function checkAgents(plan: TemplatePlan): SettingsError[] {
  const errors = [
    ...duplicates(plan.agents, (a) => a.key, (i) => `/agents/${i}/key`),
    ...duplicates(plan.agents, (a) => a.draft.name.trim(), (i) => `/agents/${i}/name`),
  ];
  plan.agents.forEach((agent, i) => {
    if (agent.draft.workingHours) collect(errors, () => assertValidWorkingHours(agent.draft.workingHours!, `/agents/${i}/working_hours`));
  });
  return errors;
}

/** The scenario runs on the policy the workspace will have once the template is applied. */
function checkScenario(plan: TemplatePlan, policy: PolicyDocument | null): SettingsError[] {
  if (!plan.scenario) return [];
  const errors: SettingsError[] = [];
  collect(errors, () => resolveScenario(plan.scenario!.input, { current: policy, history: null }), '/scenario');
  return errors;
}

/** Runs a check that throws, adding what it found: the list of a refused document, or the one path of a refused value. */
function collect(errors: SettingsError[], check: () => unknown, prefix = ''): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const details = error.details as { errors?: SettingsError[]; path?: string } | undefined;
    if (details?.errors) errors.push(...under(prefix, details.errors));
    else errors.push({ path: `${prefix}${details?.path ?? ''}`, message: error.message });
  }
}
