import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createAutomationCommand, deleteAutomationCommand, loadAutomation, replaceAutomationCommand,
} from '../../../commands/automation/automation-commands.js';
import { dryRunAutomationCommand } from '../../../commands/automation/dry-run-automation.js';
import type { AutomationDocument } from '../../../domain/automation/automation.js';
import { presentAutomation, presentDryRun } from '../../wire/workflows/workflow-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, ListOf, errorResponses } from '../../wire/common-schemas.js';
import {
  AutomationBody, AutomationDryRunBody, AutomationDryRunOutput, AutomationOutput,
} from '../../wire/workflows/workflow-schemas.js';

/** Event–condition–action automations: create, read, replace, delete, and a dry run against a ticket. */
export const automationRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.get('/v1/automations', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: ['automations'], summary: 'Every automation, in the order they run',
      response: { 200: ListOf(AutomationOutput), ...errorResponses(401) },
    },
  }, async (request) => ({ data: (await store.read((tx) => tx.workflow.automations.list(request.principal.workspaceId))).map(presentAutomation) }));

  app.post('/v1/automations', {
    config: { permission: 'workflows:write' },
    schema: {
      tags: ['automations'],
      summary: 'Create an automation',
      description: 'Checked first: a missing queue, agent, field or canned response, or a condition that does not type-check, is a 422 `invalid_automation` listing each error with its path; nothing is saved.',
      body: AutomationBody,
      response: { 201: AutomationOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const { version: _version, ...document } = request.body;
    const automation = await store.transaction((tx) => createAutomationCommand(commandContext(services, request.principal, tx), document as AutomationDocument));
    return reply.status(201).header('location', `/v1/automations/${automation.id}`).send(presentAutomation(automation));
  });

  app.get('/v1/automations/:id', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: ['automations'], summary: 'Get an automation', params: IdParams,
      response: { 200: AutomationOutput, ...errorResponses(401, 404) },
    },
  }, async (request) => presentAutomation(await store.read((tx) => loadAutomation({ tx, workspaceId: request.principal.workspaceId }, request.params.id))));

  app.put('/v1/automations/:id', {
    config: { permission: 'workflows:write' },
    schema: {
      tags: ['automations'], summary: 'Replace an automation', params: IdParams, body: AutomationBody,
      response: { 200: AutomationOutput, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const { version, ...document } = request.body;
    const automation = await store.transaction((tx) =>
      replaceAutomationCommand(commandContext(services, request.principal, tx), request.params.id, document as AutomationDocument, version));
    return presentAutomation(automation);
  });

  app.delete('/v1/automations/:id', {
    config: { permission: 'workflows:write' },
    schema: { tags: ['automations'], summary: 'Delete an automation', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await store.transaction((tx) => deleteAutomationCommand(commandContext(services, request.principal, tx), request.params.id));
    return reply.status(204).send(null);
  });

  app.post('/v1/automations/:id/dry-run', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: ['automations'],
      summary: 'Would this automation act on this ticket, and how? Changes nothing.',
      params: IdParams,
      body: AutomationDryRunBody,
      response: { 200: AutomationDryRunOutput, ...errorResponses(400, 401, 404, 422) },
    },
  }, async (request) => {
    const result = await store.read((tx) =>
      dryRunAutomationCommand(commandContext(services, request.principal, tx), request.params.id, request.body.ticket_id, request.body.event));
    return presentDryRun(result);
  });
};
