import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createAgentCommand, loadAgent, removeAgentCommand, updateAgentCommand,
} from '../../../commands/agent-commands.js';
import { PRESENCES, type Presence } from '../../../domain/agent/agent.js';
import { roleAllows } from '../../../domain/auth/roles.js';
import { fail } from '../../../domain/errors.js';
import { decodeCursor } from '../pagination.js';
import { answerPage } from '../pages/answer-page.js';
import { agentDraftFromBody, agentInput } from '../../wire/agents/agent-input.js';
import { presentAgent } from '../../wire/agents/agent-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { AgentCreateBody, AgentListQuery, AgentPatchBody } from '../../wire/agents/agent-schemas.js';
import { IdParams, PageOf, errorResponses } from '../../wire/common-schemas.js';

/** The people who take work: skills, capacity, presence. */
export const agentRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.post('/v1/agents', {
    config: { permission: 'agents:write' },
    schema: {
      tags: ['agents'],
      summary: 'Add an agent',
      body: AgentCreateBody,
      response: { 201: Type.Ref('Agent'), ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const agent = await store.transaction((tx) =>
      createAgentCommand(commandContext(services, request.principal, tx), agentDraftFromBody(request.body)));
    return reply.status(201).header('location', `/v1/agents/${agent.id}`).send(presentAgent(agent));
  });

  app.get('/v1/agents', {
    config: { permission: 'agents:read' },
    schema: {
      tags: ['agents'],
      summary: 'List agents',
      querystring: AgentListQuery,
      response: { 200: PageOf(Type.Ref('Agent')), ...errorResponses(400, 401) },
    },
  }, async (request, reply) => {
    const q = request.query;
    const statuses = q.status?.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = statuses?.filter((s) => !(PRESENCES as readonly string[]).includes(s)) ?? [];
    if (unknown.length > 0) throw fail('validation_failed', `Unknown status ${unknown.join(', ')}.`, { in: 'querystring', path: '/status' });
    return answerPage(services, reply, { kind: 'agents', query: {
      workspaceId: request.principal.workspaceId,
      statuses: statuses as Presence[] | undefined,
      team: q.team,
      skill: q.skill,
      after: decodeCursor(q.cursor),
      limit: q.limit ?? 50,
    } });
  });

  app.get('/v1/agents/:id', {
    config: { permission: 'agents:read' },
    schema: { tags: ['agents'], summary: 'Get an agent', params: IdParams, response: { 200: Type.Ref('Agent'), ...errorResponses(401, 404) } },
  }, async (request) => {
    const agent = await store.read((tx) => loadAgent({ tx, workspaceId: request.principal.workspaceId }, request.params.id));
    return presentAgent(agent);
  });

  app.patch('/v1/agents/:id', {
    config: { permission: 'agents:presence' },
    schema: {
      tags: ['agents'],
      summary: 'Change an agent; agents may change their own presence',
      params: IdParams,
      body: AgentPatchBody,
      response: { 200: Type.Ref('Agent'), ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const { principal } = request;
    if (!roleAllows(principal.role, 'agents:write')) {
      const onlyPresence = Object.keys(request.body).every((key) => key === 'status');
      if (principal.agentId !== request.params.id || !onlyPresence) {
        throw fail('forbidden', 'An agent token may only change its own presence.');
      }
    }
    const agent = await store.transaction((tx) =>
      updateAgentCommand(commandContext(services, principal, tx), request.params.id, agentInput(request.body)));
    return presentAgent(agent);
  });

  app.delete('/v1/agents/:id', {
    config: { permission: 'agents:write' },
    schema: { tags: ['agents'], summary: 'Remove an agent (history keeps them)', params: IdParams, response: { 200: Type.Ref('Agent'), ...errorResponses(401, 403, 404) } },
  }, async (request) => {
    const agent = await store.transaction((tx) => removeAgentCommand(commandContext(services, request.principal, tx), request.params.id));
    return presentAgent(agent);
  });
};
