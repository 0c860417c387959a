import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { redeliverCommand } from '../../../commands/webhooks/delivery-commands.js';
import { loadWebhook } from '../../../commands/webhooks/webhook-commands.js';
import type { WebhookDelivery } from '../../../domain/webhook/webhook.js';
import type { StoreTx } from '../../../domain/store/store.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { presentDelivery } from '../../wire/webhooks/webhook-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { Cursor, IdParams, Limit, PageOf, Strict, errorResponses } from '../../wire/common-schemas.js';
import { DeliveryOutput, DeliveryParams } from '../../wire/webhooks/webhook-schemas.js';

const TAGS = ['webhooks'];

async function withLog(tx: StoreTx, deliveries: WebhookDelivery[]) {
  const attempts = await tx.webhooks.attemptsOf(deliveries.map((d) => d.id));
  return deliveries.map((delivery) => presentDelivery(delivery, attempts.filter((a) => a.deliveryId === delivery.id)));
}

/** The delivery log of an endpoint (newest first, every attempt with its outcome) and manual redelivery. */
export const webhookDeliveryRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.get('/v1/webhooks/:id/deliveries', {
    config: { permission: 'webhooks:manage' },
    schema: {
      tags: TAGS, summary: 'The delivery log', params: IdParams, querystring: Strict({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }),
      response: { 200: PageOf(DeliveryOutput), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => store.read(async (tx) => {
    const endpoint = await loadWebhook({ tx, workspaceId: request.principal.workspaceId }, request.params.id);
    const page = await tx.webhooks.listDeliveries(endpoint.workspaceId, endpoint.id, decodeCursor(request.query.cursor), request.query.limit ?? 50);
    return { data: await withLog(tx, page.items), next_cursor: encodeCursor(page.nextCursor) };
  }));

  app.post('/v1/webhooks/:id/deliveries/:delivery/redeliver', {
    config: { permission: 'webhooks:manage' },
    schema: {
      tags: TAGS, summary: 'Send a delivery again',
      description: 'Queues the same message (same `webhook-id` and body, signed afresh) as a new delivery with a fresh retry schedule.',
      params: DeliveryParams, response: { 202: DeliveryOutput, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const delivery = await store.transaction((tx) => redeliverCommand(commandContext(services, request.principal, tx), request.params.id, request.params.delivery));
    return reply.status(202).send(presentDelivery(delivery, []));
  });
};
