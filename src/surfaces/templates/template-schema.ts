import { Type } from 'typebox';
import { Strict, Text } from '../wire/common-schemas.js';

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
