import type { TemplateDiff } from '../../commands/templates/diff-template.js';
import type { TemplatePlan } from '../../commands/templates/template-plan.js';
import type { BusinessHoursDocument } from '../../domain/sla/business-hours.js';
import type { SlaPolicyDocument } from '../../domain/sla/sla-policy.js';
import type { DiffItem } from '../../domain/template/template-merge.js';
import { agentBodyFromDraft } from '../wire/agents/agent-input.js';
import { presentBusinessHours, presentSlaPolicy } from '../wire/sla/sla-presenter.js';

const STAMP = { id: '', workspaceId: '', version: 0, createdAt: 0, updatedAt: 0 };

/** Business hours as a bundle (and POST /v1/business-hours) writes them. */
function hoursBody(hours: BusinessHoursDocument) {
  const { name, time_zone: timeZone, weekly, holidays } = presentBusinessHours({ ...hours, ...STAMP });
  return { name, time_zone: timeZone, weekly, holidays };
}

/** An SLA policy as a bundle writes it, its targets' business hours named by name. */
function slaBody(policy: SlaPolicyDocument) {
  const { name, condition, warn_at: warnAt, targets } = presentSlaPolicy({ ...policy, ...STAMP, position: 0 });
  return { name, condition, warn_at: warnAt, targets };
}

/** A plan as a bundle: the JSON a template file holds and `GET /v1/templates/export` answers. */
export function writeTemplate(plan: TemplatePlan) {
  return {
    ...plan.meta,
    types: plan.types,
    business_hours: plan.businessHours.map(hoursBody),
    sla_policies: plan.slaPolicies.map(slaBody),
    ...(plan.policy ? { policy: plan.policy } : {}),
    ...(plan.escalation ? { escalation: plan.escalation } : {}),
    automations: plan.automations,
    canned_responses: plan.cannedResponses,
    articles: plan.articles,
    agents: plan.agents.map(({ key, draft }) => ({ key, ...agentBodyFromDraft(draft) })),
    ...(plan.scenario ? { scenario: plan.scenario.body } : {}),
  };
}

/** A shipped template as the gallery shows it (HTTP and CLI): what it is and how much each section holds. */
export function presentTemplateCard(name: string, plan: TemplatePlan) {
  const { title, description, use_case: useCase, version } = plan.meta;
  return { name, version, title, description, use_case: useCase, counts: sectionCounts(plan) };
}

/** How many items each section of a bundle holds, for the gallery. */
export function sectionCounts(plan: TemplatePlan) {
  return {
    types: plan.types.length, business_hours: plan.businessHours.length, sla_policies: plan.slaPolicies.length,
    queues: plan.policy?.queues.length ?? 0, rules: plan.policy?.rules.length ?? 0, escalation_levels: plan.escalation?.levels.length ?? 0,
    automations: plan.automations.length, canned_responses: plan.cannedResponses.length, articles: plan.articles.length,
    agents: plan.agents.length, scenario: plan.scenario ? 1 : 0,
  };
}

const WIRE: Partial<Record<keyof TemplateDiff['sections'], (value: never) => unknown>> = {
  business_hours: hoursBody, sla_policies: slaBody, agents: agentBodyFromDraft,
};

/** A diff with each item's before and after in the bundle's wire shape. */
export function presentDiff(diff: TemplateDiff) {
  const sections = Object.fromEntries(Object.entries(diff.sections).map(([section, items]) => {
    const wire = WIRE[section as keyof TemplateDiff['sections']] ?? ((value: unknown) => value);
    return [section, items.map((item: DiffItem<unknown>) => ({
      key: item.key, status: item.status, before: item.before === null ? null : wire(item.before as never), after: item.after === null ? null : wire(item.after as never),
    }))];
  }));
  return { counts: diff.counts, sections };
}
