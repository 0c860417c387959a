import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { batchDispatchCommand } from '../../../commands/dispatch/batch-dispatch-command.js';
import { presentDispatch } from '../../wire/dispatch/dispatch-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { Id, Strict, errorResponses } from '../../wire/common-schemas.js';

const DispatchBody = Strict({
  ticket_ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 2000 })),
  queue: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' })),
  team: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  travel_weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6 })),
  skill_gap_weight: Type.Optional(Type.Number({ minimum: 0, maximum: 1e6 })),
  max_distance_km: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 40_000 })),
  apply: Type.Optional(Type.Boolean({ default: false, description: 'false: only plan; true: carry the plan out' })),
});

/** Batch field dispatch: many waiting work orders to many technicians at once. */
export const dispatchRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.post('/v1/dispatch/batch', {
    config: { permission: 'dispatch:run' },
    schema: {
      tags: ['routing'],
      summary: 'Plan (and with apply, carry out) the dispatch of waiting work orders to technicians',
      description: 'Solves the assignment of orders to available technicians with a location as one optimisation (least travel plus skill mismatch; required skills in `fields.required_skills`), and shows the greedy plan next to it.',
      body: DispatchBody,
      response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => {
    const body = request.body;
    const outcome = await services.store.transaction((tx) => batchDispatchCommand(commandContext(services, request.principal, tx), {
      ticketIds: body.ticket_ids,
      queue: body.queue,
      team: body.team,
      options: { travelWeight: body.travel_weight, skillGapWeight: body.skill_gap_weight, maxDistanceKm: body.max_distance_km },
      apply: body.apply ?? false,
    }));
    return presentDispatch(outcome);
  });
};
