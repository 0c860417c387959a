import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createCannedResponseCommand, deleteCannedResponseCommand, loadCannedResponse, updateCannedResponseCommand,
} from '../../../commands/automation/canned-response-commands.js';
import { presentCannedResponse } from '../../wire/workflows/workflow-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, ListOf, errorResponses } from '../../wire/common-schemas.js';
import {
  CannedResponseBody, CannedResponseOutput, CannedResponsePatch,
} from '../../wire/workflows/workflow-schemas.js';

/** Canned responses: replies and notes with `{{ticket.title}}`-style variables, used by people and automations. */
export const cannedResponseRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.get('/v1/canned-responses', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: ['automations'], summary: 'Every canned response',
      response: { 200: ListOf(CannedResponseOutput), ...errorResponses(401) },
    },
  }, async (request) => ({ data: (await store.read((tx) => tx.workflow.cannedResponses.list(request.principal.workspaceId))).map(presentCannedResponse) }));

  app.post('/v1/canned-responses', {
    config: { permission: 'workflows:write' },
    schema: {
      tags: ['automations'],
      summary: 'Create a canned response',
      description: 'An unknown `{{variable}}` is a 422 `invalid_canned_response` with its position; nothing is saved.',
      body: CannedResponseBody,
      response: { 201: CannedResponseOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const canned = await store.transaction((tx) => createCannedResponseCommand(commandContext(services, request.principal, tx), request.body));
    return reply.status(201).header('location', `/v1/canned-responses/${canned.id}`).send(presentCannedResponse(canned));
  });

  app.get('/v1/canned-responses/:id', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: ['automations'], summary: 'Get a canned response', params: IdParams,
      response: { 200: CannedResponseOutput, ...errorResponses(401, 404) },
    },
  }, async (request) => presentCannedResponse(await store.read((tx) => loadCannedResponse({ tx, workspaceId: request.principal.workspaceId }, request.params.id))));

  app.patch('/v1/canned-responses/:id', {
    config: { permission: 'workflows:write' },
    schema: {
      tags: ['automations'], summary: 'Change a canned response', params: IdParams, body: CannedResponsePatch,
      response: { 200: CannedResponseOutput, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const canned = await store.transaction((tx) => updateCannedResponseCommand(commandContext(services, request.principal, tx), request.params.id, request.body));
    return presentCannedResponse(canned);
  });

  app.delete('/v1/canned-responses/:id', {
    config: { permission: 'workflows:write' },
    schema: { tags: ['automations'], summary: 'Delete a canned response', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await store.transaction((tx) => deleteCannedResponseCommand(commandContext(services, request.principal, tx), request.params.id));
    return reply.status(204).send(null);
  });
};
