import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { presentAgentLoads, presentQueueSummary } from '../../wire/workload/workload-presenter.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { WorkloadOutput } from '../../wire/workload/workload-schemas.js';
import type { HttpServices } from '../services.js';

/** `GET /v1/workload`: the state of the floor right now, for the dashboard's overview. */
export const workloadRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.get('/v1/workload', {
    config: { permission: 'agents:read' },
    schema: {
      tags: ['agents'],
      summary: 'Open work per queue, and each agent\'s load against capacity',
      description: 'Load counts the capacity units of held work (assigned, in progress) and pending offers, per channel class; '
        + '`utilisation` is the busiest class\'s load over its capacity (above 1: overloaded; null: no capacity).',
      response: { 200: WorkloadOutput, ...errorResponses(401, 403) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    return services.store.read(async (tx) => {
      const [queues, agents, held] = await Promise.all([
        tx.tickets.queueSummary(workspaceId), tx.agents.listAll(workspaceId), tx.workload.allHeldUnits(workspaceId),
      ]);
      return { queues: queues.map(presentQueueSummary), agents: presentAgentLoads(agents, held) };
    });
  });
};
