import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { HttpServices } from '../services.js';

/** Liveness with a database round trip, and the OpenAPI document. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  app.get('/healthz', {
    config: { permission: 'public' },
    schema: { tags: ['operations'], summary: 'Liveness and database check', security: [], response: { 200: Type.Object({ status: Type.String() }) } },
  }, async () => {
    await services.store.read((tx) => tx.workspaces.get('healthz'));
    return { status: 'ok' };
  });

  app.get('/openapi.json', {
    config: { permission: 'public' },
    schema: { hide: true },
  }, async () => app.swagger());
};
