import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { loadTemplateFile, templateNames } from '../../../adapters/templates/template-files.js';
import { applyTemplateCommand, previewTemplateCommand } from '../../../commands/templates/apply-template.js';
import { exportTemplateCommand } from '../../../commands/templates/export-template.js';
import type { ReadTemplate } from '../../../commands/templates/template-plan.js';
import type { Principal } from '../../../domain/auth/token.js';
import { applyOptions, readTemplate } from '../../templates/read-template.js';
import {
  TemplateBody, TemplateBundleOutput, TemplateCardOutput, TemplateDiffOutput,
} from '../../templates/template-schema.js';
import { presentDiff, presentTemplateCard, writeTemplate } from '../../templates/write-template.js';
import { errorResponses, ListOf, Strict } from '../../wire/common-schemas.js';
import { commandContext, type HttpServices } from '../services.js';

const TAGS = ['templates'];
const NameParams = Strict({ name: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }) });
const ReplaceQuery = Strict({ replace: Type.Optional(Type.Boolean({ description: 'remove workspace items the template leaves out (default false: they are kept)' })) });
const CHECKED = 'The bundle is checked as a whole first: any mistake is one 422 `invalid_template` listing each with its JSON path inside the bundle.';

/** A shipped template, read and its shape checked. */
function shipped(name: string): ReadTemplate {
  return readTemplate(loadTemplateFile(name));
}

/** The gallery card of a shipped template. */
function card(name: string) {
  return presentTemplateCard(name, shipped(name).plan);
}

/** Workflow templates: a gallery of ready-made workspaces, previewed as a diff, applied in one transaction, exported. */
export const templateRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;
  const preview = ({ principal }: { principal: Principal }, read: ReadTemplate, replace?: boolean) =>
    store.read(async (tx) => presentDiff(await previewTemplateCommand(commandContext(services, principal, tx), read, applyOptions(replace))));
  const apply = ({ principal }: { principal: Principal }, read: ReadTemplate, replace?: boolean) =>
    store.transaction(async (tx) => presentDiff(await applyTemplateCommand(commandContext(services, principal, tx), read, applyOptions(replace))));

  app.get('/v1/templates', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: TAGS,
      summary: 'The shipped templates: name, title, description, use case and what each section holds',
      response: { 200: ListOf(TemplateCardOutput), ...errorResponses(401, 403) },
    },
  }, async () => ({ data: templateNames().map(card) }));

  app.get('/v1/templates/export', {
    config: { permission: 'workspace:manage' },
    schema: {
      tags: TAGS, summary: "The workspace's settings as a template bundle",
      description: 'Applied to an empty workspace, the bundle gives the same settings.',
      response: { 200: TemplateBundleOutput, ...errorResponses(401, 403) },
    },
  }, async (request) => writeTemplate(await store.read((tx) => exportTemplateCommand({ tx, workspaceId: request.principal.workspaceId }))));

  app.get('/v1/templates/:name', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: TAGS, summary: 'One shipped template, as its bundle', params: NameParams,
      response: { 200: TemplateBundleOutput, ...errorResponses(401, 403, 404) },
    },
  }, async (request) => loadTemplateFile(request.params.name));

  app.post('/v1/templates/:name/preview', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: TAGS, summary: 'What applying a shipped template would change, item by item; changes nothing',
      description: CHECKED, params: NameParams, querystring: ReplaceQuery,
      response: { 200: TemplateDiffOutput, ...errorResponses(401, 403, 404, 422) },
    },
  }, async (request) => preview(request, shipped(request.params.name), request.query.replace));

  app.post('/v1/templates/:name/apply', {
    config: { permission: 'workspace:manage' },
    schema: {
      tags: TAGS, summary: 'Apply a shipped template in one transaction',
      description: `${CHECKED} Answers the diff it applied.`, params: NameParams, querystring: ReplaceQuery,
      response: { 200: TemplateDiffOutput, ...errorResponses(401, 403, 404, 422) },
    },
  }, async (request) => apply(request, shipped(request.params.name), request.query.replace));

  app.post('/v1/templates/preview', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: TAGS, summary: 'What applying this bundle would change; changes nothing', description: CHECKED,
      body: TemplateBody, querystring: ReplaceQuery,
      response: { 200: TemplateDiffOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => preview(request, readTemplate(request.body), request.query.replace));

  app.post('/v1/templates/apply', {
    config: { permission: 'workspace:manage' },
    schema: {
      tags: TAGS, summary: 'Apply this bundle in one transaction',
      description: `${CHECKED} Answers the diff it applied.`, body: TemplateBody, querystring: ReplaceQuery,
      response: { 200: TemplateDiffOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => apply(request, readTemplate(request.body), request.query.replace));
};
