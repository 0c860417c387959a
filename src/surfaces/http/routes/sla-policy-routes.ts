import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createSlaPolicyCommand, deleteSlaPolicyCommand, loadSlaPolicy, reorderSlaPoliciesCommand, replaceSlaPolicyCommand,
} from '../../../commands/sla/sla-policy-commands.js';
import { presentSlaPolicy } from '../../wire/sla/sla-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, errorResponses } from '../../wire/common-schemas.js';
import { SlaOrderBody, SlaPolicyBody, SlaPolicyOutput } from '../../wire/sla/sla-schemas.js';
import { slaPolicyFromBody } from '../../wire/sla/sla-input.js';

const TAGS = ['sla'];
const PolicyList = Type.Object({ data: Type.Array(SlaPolicyOutput) });
const CHECKED = 'A condition that does not compile (with its position), a target of 0 or less, a `warn_at` outside (0, 1) or unknown business hours is a 422 `invalid_sla_policy` listing every mistake with its path; nothing is saved.';

/** SLA policies: tried in order, the first whose condition holds applies to a ticket. */
export const slaPolicyRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.get('/v1/sla-policies', {
    config: { permission: 'sla:read' },
    schema: { tags: TAGS, summary: 'Every SLA policy, in the order they are tried', response: { 200: PolicyList, ...errorResponses(401, 403) } },
  }, async (request) => ({ data: (await store.read((tx) => tx.slaPolicies.list(request.principal.workspaceId))).map(presentSlaPolicy) }));

  app.post('/v1/sla-policies', {
    config: { permission: 'sla:write' },
    schema: { tags: TAGS, summary: 'Add an SLA policy (tried last)', description: CHECKED, body: SlaPolicyBody, response: { 201: SlaPolicyOutput, ...errorResponses(400, 401, 403, 422) } },
  }, async (request, reply) => {
    const { version: _ignored, ...rest } = request.body;
    const policy = await store.transaction((tx) => createSlaPolicyCommand(commandContext(services, request.principal, tx), slaPolicyFromBody(rest)));
    return reply.status(201).header('location', `/v1/sla-policies/${policy.id}`).send(presentSlaPolicy(policy));
  });

  app.put('/v1/sla-policies/order', {
    config: { permission: 'sla:write' },
    schema: { tags: TAGS, summary: 'Set the order SLA policies are tried in', body: SlaOrderBody, response: { 200: PolicyList, ...errorResponses(400, 401, 403, 422) } },
  }, async (request) => {
    const policies = await store.transaction((tx) => reorderSlaPoliciesCommand(commandContext(services, request.principal, tx), request.body.ids));
    return { data: policies.map(presentSlaPolicy) };
  });

  app.get('/v1/sla-policies/:id', {
    config: { permission: 'sla:read' },
    schema: { tags: TAGS, summary: 'One SLA policy', params: IdParams, response: { 200: SlaPolicyOutput, ...errorResponses(401, 403, 404) } },
  }, async (request) => presentSlaPolicy(await store.read((tx) => loadSlaPolicy({ tx, workspaceId: request.principal.workspaceId }, request.params.id))));

  app.put('/v1/sla-policies/:id', {
    config: { permission: 'sla:write' },
    schema: {
      tags: TAGS, summary: 'Replace an SLA policy (its place in the order stays)', description: `${CHECKED} Tickets take the new targets at their next change, with the time already run kept.`,
      params: IdParams, body: SlaPolicyBody, response: { 200: SlaPolicyOutput, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const { version, ...rest } = request.body;
    const policy = await store.transaction((tx) =>
      replaceSlaPolicyCommand(commandContext(services, request.principal, tx), request.params.id, slaPolicyFromBody(rest), version));
    return presentSlaPolicy(policy);
  });

  app.delete('/v1/sla-policies/:id', {
    config: { permission: 'sla:write' },
    schema: { tags: TAGS, summary: 'Remove an SLA policy', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await store.transaction((tx) => deleteSlaPolicyCommand(commandContext(services, request.principal, tx), request.params.id));
    return reply.status(204).send(null);
  });
};
