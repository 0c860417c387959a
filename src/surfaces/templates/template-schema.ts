import { Type } from 'typebox';
import { DIFF_STATUSES } from '../../domain/template/template-merge.js';
import { Echo, Nullable, Strict, Text, literals } from '../wire/common-schemas.js';

const Section = (maxItems: number) => Type.Optional(Type.Array(Type.Unknown(), { maxItems }));

/**
 * The outside of a template bundle. Its sections are only arrays and objects here: each item is
 * checked against its own API body schema when the bundle is read, so a mistake deep in a section
 * is reported with its path in the one `invalid_template` answer rather than as a bare 400.
 */
export const TemplateBody = Strict({
  format: Type.Integer({ description: 'the bundle format, 1' }),
  name: Text(40, 1),
  version: Text(60, 1),
  title: Text(200, 1),
  description: Text(4000),
  use_case: Text(500),
  types: Section(100),
  business_hours: Section(20),
  sla_policies: Section(100),
  policy: Type.Optional(Type.Unknown()),
  escalation: Type.Optional(Type.Unknown()),
  automations: Section(200),
  canned_responses: Section(500),
  articles: Section(500),
  agents: Section(500),
  scenario: Type.Optional(Type.Unknown()),
}, { description: 'A workflow template (docs/templates.md): each section in the shape its own API takes.' });

/** A sample agent as a template writes it: its `key` (named elsewhere as `@key`) and an agent body. */
export const TemplateAgentKey = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$', description: 'named elsewhere in the bundle as @key' });

/** An item of a bundle's section, in the shape its own API body takes. */
const Item = (body: string) => Echo<unknown>(`in the shape of the body of ${body}`);
const Items = (body: string) => Type.Optional(Type.Array(Item(body)));

/**
 * A bundle as the server writes it (an export) or ships it: GET /v1/templates/export and
 * /v1/templates/:name. A shipped bundle is sent as its file holds it, so the static type stays open.
 */
export const TemplateBundleOutput = Type.Unsafe<unknown>(Type.Object({
  format: Type.Integer(),
  name: Type.String(),
  version: Type.String(),
  title: Type.String(),
  description: Type.String(),
  use_case: Type.String(),
  types: Items('PUT /v1/ticket-types/:name'),
  business_hours: Items('POST /v1/business-hours'),
  sla_policies: Items('POST /v1/sla-policies, business hours named by name'),
  policy: Type.Optional(Item('PUT /v1/routing/policy')),
  escalation: Type.Optional(Item('PUT /v1/escalation')),
  automations: Items('POST /v1/automations'),
  canned_responses: Items('POST /v1/canned-responses'),
  articles: Items('POST /v1/kb/articles'),
  agents: Items('POST /v1/agents, with its `key`'),
  scenario: Type.Optional(Item('POST /v1/simulations')),
}));

/** A shipped template as the gallery shows it: what it is and how many items each section holds. */
export const TemplateCardOutput = Type.Object({
  name: Type.String(),
  version: Type.String(),
  title: Type.String(),
  description: Type.String(),
  use_case: Type.String(),
  counts: Type.Record(
    Type.String(), Type.Integer(),
    { description: 'items per section; queues, rules and escalation_levels for the policy and escalation' },
  ),
});

const DiffStatusOutput = literals(DIFF_STATUSES);

/** One item of a section: added, changed (before and after), unchanged, kept or removed. */
const DiffItemOutput = Type.Object({
  key: Type.String(),
  status: DiffStatusOutput,
  before: Nullable(Item('the section\'s API')),
  after: Nullable(Item('the section\'s API')),
});

/** What applying a template changes, section by section, and how many items have each status. */
export const TemplateDiffOutput = Type.Object({
  counts: Type.Record(DiffStatusOutput, Type.Integer()),
  sections: Type.Record(
    Type.String(), Type.Array(DiffItemOutput), { description: 'by section: types, business_hours, …' },
  ),
});
