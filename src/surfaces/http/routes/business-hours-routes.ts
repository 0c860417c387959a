import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createBusinessHoursCommand, deleteBusinessHoursCommand, loadBusinessHours, replaceBusinessHoursCommand,
} from '../../../commands/sla/business-hours-commands.js';
import { presentBusinessHours } from '../../wire/sla/sla-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, errorResponses } from '../../wire/common-schemas.js';
import { BusinessHoursBody, BusinessHoursOutput } from '../../wire/sla/sla-schemas.js';
import { businessHoursFromBody } from '../../wire/sla/sla-input.js';

const TAGS = ['sla'];

/** Business-hours calendars that SLA targets count in. */
export const businessHoursRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.get('/v1/business-hours', {
    config: { permission: 'sla:read' },
    schema: { tags: TAGS, summary: 'Every business-hours calendar', response: { 200: Type.Object({ data: Type.Array(BusinessHoursOutput) }), ...errorResponses(401, 403) } },
  }, async (request) => ({ data: (await store.read((tx) => tx.businessHours.list(request.principal.workspaceId))).map(presentBusinessHours) }));

  app.post('/v1/business-hours', {
    config: { permission: 'sla:write' },
    schema: {
      tags: TAGS,
      summary: 'Add business hours',
      description: 'An unknown time zone, an inverted or overlapping range, or a bad holiday date is a 422 `invalid_business_hours` listing every mistake with its path; nothing is saved.',
      body: BusinessHoursBody,
      response: { 201: BusinessHoursOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const hours = await store.transaction((tx) => createBusinessHoursCommand(commandContext(services, request.principal, tx), businessHoursFromBody(request.body)));
    return reply.status(201).header('location', `/v1/business-hours/${hours.id}`).send(presentBusinessHours(hours));
  });

  app.get('/v1/business-hours/:id', {
    config: { permission: 'sla:read' },
    schema: { tags: TAGS, summary: 'One business-hours calendar', params: IdParams, response: { 200: BusinessHoursOutput, ...errorResponses(401, 403, 404) } },
  }, async (request) => presentBusinessHours(await store.read((tx) => loadBusinessHours({ tx, workspaceId: request.principal.workspaceId }, request.params.id))));

  app.put('/v1/business-hours/:id', {
    config: { permission: 'sla:write' },
    schema: {
      tags: TAGS,
      summary: 'Replace business hours',
      description: 'Tickets running on them take the new hours at their next change.',
      params: IdParams,
      body: BusinessHoursBody,
      response: { 200: BusinessHoursOutput, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const { version, ...rest } = request.body;
    const hours = await store.transaction((tx) =>
      replaceBusinessHoursCommand(commandContext(services, request.principal, tx), request.params.id, businessHoursFromBody(rest), version));
    return presentBusinessHours(hours);
  });

  app.delete('/v1/business-hours/:id', {
    config: { permission: 'sla:write' },
    schema: { tags: TAGS, summary: 'Remove business hours no SLA policy counts in', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await store.transaction((tx) => deleteBusinessHoursCommand(commandContext(services, request.principal, tx), request.params.id));
    return reply.status(204).send(null);
  });
};
