import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { newWebhookSecret } from '../../../adapters/webhooks/standard-webhooks.js';
import { checkTarget, parseTargetUrl, type WebhookTargetPolicy } from '../../../adapters/webhooks/webhook-target.js';
import {
  createWebhookCommand, deleteWebhookCommand, loadWebhook, rotateWebhookSecretCommand, updateWebhookCommand,
} from '../../../commands/webhooks/webhook-commands.js';
import { presentWebhook, presentWebhookWithSecret } from '../../wire/webhooks/webhook-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, errorResponses } from '../../wire/common-schemas.js';
import {
  WebhookBody, WebhookOutput, WebhookPatch, WebhookWithSecret,
} from '../../wire/webhooks/webhook-schemas.js';

const TAGS = ['webhooks'];

/** The services' target policy: private targets refused unless the process allows them. */
export function targetPolicy(services: HttpServices): WebhookTargetPolicy {
  return services.webhookTargets ?? { allowPrivate: false };
}

/**
 * Webhook endpoints (admin only). The URL is checked before anything is saved: http(s) only, and
 * resolved to public addresses unless private targets are allowed. The secret is shown once.
 */
export const webhookRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;
  const checkUrl = async (url: string) => { await checkTarget(parseTargetUrl(url), targetPolicy(services)); };

  app.post('/v1/webhooks', {
    config: { permission: 'webhooks:manage' },
    schema: {
      tags: TAGS, summary: 'Subscribe an endpoint to events',
      description: 'A URL that is not http(s) or reaches a loopback, private or link-local address is a 422 `webhook_target_refused`. The answer carries the signing secret, shown only here.',
      body: WebhookBody, response: { 201: WebhookWithSecret, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const { url, event_types: eventTypes, description, enabled } = request.body;
    await checkUrl(url);
    const endpoint = await store.transaction((tx) =>
      createWebhookCommand(commandContext(services, request.principal, tx), { url, eventTypes, description, enabled }, newWebhookSecret()));
    return reply.status(201).header('location', `/v1/webhooks/${endpoint.id}`).send(presentWebhookWithSecret(endpoint));
  });

  app.get('/v1/webhooks', {
    config: { permission: 'webhooks:manage' },
    schema: { tags: TAGS, summary: 'Every webhook endpoint', response: { 200: Type.Object({ data: Type.Array(WebhookOutput) }), ...errorResponses(401, 403) } },
  }, async (request) => ({ data: (await store.read((tx) => tx.webhooks.listEndpoints(request.principal.workspaceId))).map(presentWebhook) }));

  app.get('/v1/webhooks/:id', {
    config: { permission: 'webhooks:manage' },
    schema: { tags: TAGS, summary: 'Get a webhook endpoint', params: IdParams, response: { 200: WebhookOutput, ...errorResponses(401, 403, 404) } },
  }, async (request) => presentWebhook(await store.read((tx) => loadWebhook({ tx, workspaceId: request.principal.workspaceId }, request.params.id))));

  app.patch('/v1/webhooks/:id', {
    config: { permission: 'webhooks:manage' },
    schema: {
      tags: TAGS, summary: 'Change a webhook endpoint', description: 'Enabling an endpoint that a 410 turned off clears its `disabled_reason`.',
      params: IdParams, body: WebhookPatch, response: { 200: WebhookOutput, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const { url, event_types: eventTypes, description, enabled, version } = request.body;
    if (url !== undefined) await checkUrl(url);
    const endpoint = await store.transaction((tx) =>
      updateWebhookCommand(commandContext(services, request.principal, tx), request.params.id, { url, eventTypes, description, enabled, version }));
    return presentWebhook(endpoint);
  });

  app.delete('/v1/webhooks/:id', {
    config: { permission: 'webhooks:manage' },
    schema: { tags: TAGS, summary: 'Remove a webhook endpoint and its deliveries', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await store.transaction((tx) => deleteWebhookCommand(commandContext(services, request.principal, tx), request.params.id));
    return reply.status(204).send(null);
  });

  app.post('/v1/webhooks/:id/rotate-secret', {
    config: { permission: 'webhooks:manage' },
    schema: {
      tags: TAGS, summary: 'Replace the signing secret', description: 'The new secret is in the answer, and only there; the old one stops signing at once.',
      params: IdParams, response: { 200: WebhookWithSecret, ...errorResponses(401, 403, 404) },
    },
  }, async (request) => {
    const endpoint = await store.transaction((tx) => rotateWebhookSecretCommand(commandContext(services, request.principal, tx), request.params.id, newWebhookSecret()));
    return presentWebhookWithSecret(endpoint);
  });
};
