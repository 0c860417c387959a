import type { Static, TSchema } from 'typebox';
import type { ApplyOptions, ReadTemplate, TemplateMeta, TemplatePlan } from '../../commands/templates/template-plan.js';
import { emptyPlan, TEMPLATE_SECTIONS } from '../../commands/templates/template-plan.js';
import type { AutomationDocument } from '../../domain/automation/automation.js';
import type { EscalationDocument } from '../../domain/escalation/escalation-config.js';
import { fail } from '../../domain/errors.js';
import type { PolicyDocument } from '../../domain/routing/policy.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { SettingsError } from '../../domain/sla/business-hours.js';
import type { SlaPolicyDocument } from '../../domain/sla/sla-policy.js';
import { agentKeyOf, renameAutomationRefs, renameEscalationAgents, renameSlaHours } from '../../domain/template/template-refs.js';
import type { TicketTypeDocument } from '../../domain/ticket/ticket-type.js';
import { agentDraftFromBody } from '../wire/agents/agent-input.js';
import { scenarioFromBody } from '../wire/simulation/simulation-input.js';
import { businessHoursFromBody, slaPolicyFromBody } from '../wire/sla/sla-input.js';
import { AgentCreateBody } from '../wire/agents/agent-schemas.js';
import { ArticleCreateBody } from '../wire/kb/kb-schemas.js';
import { PolicyBody } from '../wire/routing/routing-schemas.js';
import { ScenarioBody } from '../wire/simulation/simulation-schemas.js';
import { BusinessHoursBody, SlaPolicyBody } from '../wire/sla/sla-schemas.js';
import { TicketTypeBody } from '../wire/ticket-types/ticket-type-schemas.js';
import {
  AutomationBody, CannedResponseBody, EscalationConfigBody,
} from '../wire/workflows/workflow-schemas.js';
import { bodyValidator } from '../http/validation.js';
import { TemplateAgentKey, TemplateBody } from './template-schema.js';

type Bundle = Static<typeof TemplateBody>;
type Validator = (value: unknown) => { path: string; message: string | undefined }[];

const validators = new Map<TSchema, Validator>();
function validatorOf(schema: TSchema): Validator {
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = bodyValidator(schema)));
  return validate;
}

// Template-local references stand where the API takes ids; for the shape check each is replaced
// by a stand-in that fits the id pattern (whether it names something real is checked afterwards).
const asId = (reference: string) => agentKeyOf(reference) ?? reference;
const STAND_IN = () => 'template-reference';

/**
 * Reads a bundle: its outside must fit `TemplateBody` (else `invalid_template` at once); each
 * section item is checked against its API body schema, its mistakes collected with their path in
 * the bundle, and the sound ones converted as their own routes convert them.
 */
export function readTemplate(value: unknown): ReadTemplate {
  const outer = validatorOf(TemplateBody)(value);
  if (outer.length > 0) throw fail('invalid_template', 'The template is not a template bundle; nothing was applied.', { errors: issues('', outer) });
  const bundle = value as Bundle;
  const { format, name, version, title, description, use_case: useCase } = bundle;
  const meta: TemplateMeta = { format, name, version, title, description, use_case: useCase };
  const errors: SettingsError[] = [];
  const plan = emptyPlan(meta, TEMPLATE_SECTIONS.filter((section) => bundle[section] !== undefined && bundle[section] !== null));
  const items = <T>(section: unknown[] | undefined, path: string, schema: TSchema, standIn: (item: T) => unknown = (item) => item) =>
    (section ?? []).flatMap((item, i) => (sound(standInOf(item as T, standIn), schema, `${path}/${i}`, errors) ? [item as T] : []));
  plan.types = items<TicketTypeDocument>(bundle.types, '/types', TicketTypeBody);
  plan.businessHours = items<Static<typeof BusinessHoursBody>>(bundle.business_hours, '/business_hours', BusinessHoursBody)
    .map(({ version: _v, ...hours }) => businessHoursFromBody(hours));
  plan.slaPolicies = items<Static<typeof SlaPolicyBody>>(bundle.sla_policies, '/sla_policies', SlaPolicyBody,
    (p) => renameSlaBody(p)).map(({ version: _v, ...policy }) => slaPolicyFromBody(policy));
  plan.policy = one<PolicyDocument>(bundle.policy, '/policy', PolicyBody, errors);
  plan.escalation = one<EscalationDocument>(bundle.escalation, '/escalation', EscalationConfigBody, errors, (e) => renameEscalationAgents(e, asId));
  plan.automations = items<AutomationDocument & { version?: number }>(bundle.automations, '/automations', AutomationBody,
    (a) => renameAutomationRefs(a, asId, STAND_IN)).map(({ version: _v, ...automation }) => automation);
  plan.cannedResponses = items<Static<typeof CannedResponseBody>>(bundle.canned_responses, '/canned_responses', CannedResponseBody);
  plan.articles = items<Static<typeof ArticleCreateBody>>(bundle.articles, '/articles', ArticleCreateBody);
  plan.agents = readAgents(bundle.agents ?? [], errors);
  const scenario = one<Static<typeof ScenarioBody>>(bundle.scenario, '/scenario', ScenarioBody, errors);
  plan.scenario = scenario && { body: scenario as unknown as JsonObject, input: scenarioFromBody(scenario) };
  return { plan, errors };
}

/** The `replace` choice from a query string or a flag. */
export function applyOptions(replace: boolean | undefined): ApplyOptions {
  return { replace: replace === true };
}

function one<T>(value: unknown, path: string, schema: TSchema, errors: SettingsError[], standIn: (item: T) => unknown = (item) => item): T | null {
  if (value === undefined || value === null) return null;
  return sound(standInOf(value as T, standIn), schema, path, errors) ? value as T : null;
}

function readAgents(section: unknown[], errors: SettingsError[]): TemplatePlan['agents'] {
  return section.flatMap((item, i) => {
    const { key, ...agent } = (item && typeof item === 'object' ? item : {}) as { key?: unknown };
    const keyIsSound = sound(key, TemplateAgentKey, `/agents/${i}/key`, errors);
    if (!sound(agent, AgentCreateBody, `/agents/${i}`, errors) || !keyIsSound) return [];
    return [{ key: key as string, draft: agentDraftFromBody(agent as Static<typeof AgentCreateBody>) }];
  });
}

function sound(value: unknown, schema: TSchema, path: string, errors: SettingsError[]): boolean {
  const found = validatorOf(schema)(value);
  errors.push(...issues(path, found));
  return found.length === 0;
}

function issues(path: string, found: ReturnType<Validator>): SettingsError[] {
  return found.map((issue) => ({ path: `${path}${issue.path}`, message: issue.message ?? 'is not valid here' }));
}

/** The item with its references replaced by stand-ins; as it is when its shape is too broken to walk. */
function standInOf<T>(item: T, standIn: (item: T) => unknown): unknown {
  try {
    return standIn(item);
  } catch {
    return item;
  }
}

/** Business hours named in an SLA body's targets, replaced by a stand-in id. */
function renameSlaBody(body: Static<typeof SlaPolicyBody>): unknown {
  const renamed = renameSlaHours(slaPolicyFromBody(body), STAND_IN) as SlaPolicyDocument;
  const targets = Object.fromEntries(Object.entries(renamed.targets).map(([priority, metrics]) => [priority,
    Object.fromEntries(Object.entries(metrics ?? {}).map(([metric, t]) => [metric, { minutes: t.minutes, business_hours: t.businessHoursId }]))]));
  return { ...body, targets };
}
