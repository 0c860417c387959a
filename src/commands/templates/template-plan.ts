import type { AgentDraft } from '../../domain/agent/agent.js';
import type { AutomationDocument } from '../../domain/automation/automation.js';
import type { EscalationDocument } from '../../domain/escalation/escalation-config.js';
import type { KbArticleDraft } from '../../domain/kb/article.js';
import type { PolicyDocument } from '../../domain/routing/policy.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { BusinessHoursDocument, SettingsError } from '../../domain/sla/business-hours.js';
import type { SlaPolicyDocument } from '../../domain/sla/sla-policy.js';
import type { TicketTypeDocument } from '../../domain/ticket/ticket-type.js';
import type { CannedResponseInput } from '../automation/canned-response-commands.js';
import type { ScenarioInput } from '../simulation/prepare-scenario.js';

/** The one version of the bundle format this server reads and writes. */
export const TEMPLATE_FORMAT = 1;

/** What a bundle says about itself. */
export interface TemplateMeta {
  format: number;
  name: string;
  version: string;
  title: string;
  description: string;
  use_case: string;
}

/** A sample agent, named elsewhere in the bundle as `@key`. */
export interface TemplateAgent {
  key: string;
  draft: AgentDraft;
}

/** The simulator scenario: as written in the bundle (kept and exported so) and as the simulator takes it. */
export interface TemplateScenario {
  body: JsonObject;
  input: ScenarioInput;
}

/**
 * A template's settings as the commands take them. References stay template-local until apply:
 * agents as `@key`, canned responses and business hours by name.
 */
export interface TemplatePlan {
  meta: TemplateMeta;
  types: TicketTypeDocument[];
  businessHours: BusinessHoursDocument[];
  slaPolicies: SlaPolicyDocument[];
  policy: PolicyDocument | null;
  escalation: EscalationDocument | null;
  automations: AutomationDocument[];
  cannedResponses: CannedResponseInput[];
  articles: KbArticleDraft[];
  agents: TemplateAgent[];
  scenario: TemplateScenario | null;
  /** The sections the bundle holds (by their bundle key); `replace` removes only within these. */
  given: ReadonlySet<string>;
}

/** A bundle read from JSON: the items whose shape was sound, and the mistakes found so far. */
export interface ReadTemplate {
  plan: TemplatePlan;
  errors: SettingsError[];
}

/** How a template is applied: with `replace`, workspace items the template leaves out are removed. */
export interface ApplyOptions {
  replace?: boolean;
}

/** The bundle keys of the sections, in the order a bundle lists them. */
export const TEMPLATE_SECTIONS = [
  'types', 'business_hours', 'sla_policies', 'policy', 'escalation', 'automations', 'canned_responses', 'articles', 'agents', 'scenario',
] as const;

/** An empty plan under the given meta holding the given sections, the start of reading a bundle or exporting a workspace. */
export function emptyPlan(meta: TemplateMeta, given: Iterable<string> = TEMPLATE_SECTIONS): TemplatePlan {
  return {
    meta, types: [], businessHours: [], slaPolicies: [], policy: null, escalation: null,
    automations: [], cannedResponses: [], articles: [], agents: [], scenario: null, given: new Set(given),
  };
}
