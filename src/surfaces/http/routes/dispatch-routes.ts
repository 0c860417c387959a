import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { batchDispatchCommand } from '../../../commands/dispatch/batch-dispatch-command.js';
import { presentDispatch } from '../../wire/dispatch/dispatch-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { DispatchBody, DispatchOutput } from '../../wire/dispatch/dispatch-schemas.js';

/** Batch field dispatch: many waiting work orders to many technicians at once. */
export const dispatchRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.post('/v1/dispatch/batch', {
    config: { permission: 'dispatch:run' },
    schema: {
      tags: ['routing'],
      summary: 'Plan (and with apply, carry out) the dispatch of waiting work orders to technicians',
      description: 'Solves the assignment of orders to available technicians with a location as one optimisation (least travel plus skill mismatch; required skills in `fields.required_skills`), and shows the greedy plan next to it.',
      body: DispatchBody,
      response: { 200: DispatchOutput, ...errorResponses(400, 401, 403, 422) },
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
