import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { JsonObject } from '../../../domain/shared/json.js';
import { DEFAULT_PORTAL_SETTINGS, portalWorkspace } from '../../../commands/portal/portal-settings.js';
import { recordDeflectionCommand, requesterHelpQuery } from '../../../commands/portal/requester-help.js';
import { issueChallengeCommand, portalTypes, submitRequestCommand } from '../../../commands/portal/request-intake.js';
import { presentPortalForm, presentRequesterHelp } from '../../wire/portal/portal-presenter.js';
import { iso } from '../../wire/time.js';
import { perAddressLimit } from '../rate-limit.js';
import { errorResponses } from '../../wire/common-schemas.js';
import {
  ChallengeOutput, DeflectionBody, PortalFormOutput, PortalParams, RequestBody, RequesterHelpOutput, SubmittedRequestOutput,
  SuggestionBody,
} from '../../wire/portal/portal-schemas.js';
import { triageOf, workspaceContext, type HttpServices } from '../services.js';

/** Requests a minute one address may make to each portal route unless configured otherwise. */
export const DEFAULT_PORTAL_RATE_LIMIT = 60;

const tags = ['portal'];

/** The public request form of a workspace, named by its slug: no token, limited per address, guarded by a proof of work. */
export const portalRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; perMinute: number }> = async (app, { services, perMinute }) => {
  const { store } = services;
  const settings = services.portal ?? DEFAULT_PORTAL_SETTINGS;
  const config = { permission: 'public' as const, rateLimit: perAddressLimit(perMinute) };

  app.get('/v1/portal/:workspace/form', {
    config,
    schema: {
      tags, summary: 'What the public form offers: the request types and their fields', params: PortalParams,
      response: { 200: PortalFormOutput, ...errorResponses(400, 404, 429) },
    },
  }, async (request) => store.read(async (tx) => {
    const workspace = await portalWorkspace(tx, request.params.workspace);
    return presentPortalForm(workspace, await portalTypes({ tx, workspaceId: workspace.id }));
  }));

  app.post('/v1/portal/:workspace/challenge', {
    config,
    schema: {
      tags,
      summary: 'A proof-of-work challenge for the form',
      description: 'Find a nonce such that SHA-256(`challenge:nonce`) starts with `bits` zero bits; send both with the request. See docs/portal.md.',
      params: PortalParams,
      response: { 201: ChallengeOutput, ...errorResponses(400, 404, 429) },
    },
  }, async (request, reply) => {
    const issued = await store.transaction(async (tx) => {
      const workspace = await portalWorkspace(tx, request.params.workspace);
      return issueChallengeCommand(workspaceContext(services, workspace.id, tx), settings);
    });
    return reply.status(201).send({ challenge: issued.challenge, bits: issued.bits, issued_at: iso(issued.issuedAt), min_fill_s: settings.challenge.minFillMs / 1000 });
  });

  app.post('/v1/portal/:workspace/suggestions', {
    config,
    schema: {
      tags, summary: 'Articles that may answer the request, and a suggested type and priority',
      params: PortalParams, body: SuggestionBody,
      response: { 200: RequesterHelpOutput, ...errorResponses(400, 404, 429) },
    },
  }, async (request) => {
    const { workspace, types } = await store.read(async (tx) => {
      const found = await portalWorkspace(tx, request.params.workspace);
      return { workspace: found, types: await portalTypes({ tx, workspaceId: found.id }) };
    });
    const help = await requesterHelpQuery(store, { workspaceId: workspace.id }, request.body, triageOf(services));
    return presentRequesterHelp(help, new Set(types.map((type) => type.name)));
  });

  app.post('/v1/portal/:workspace/deflections', {
    config,
    schema: { tags, summary: 'Count an article that answered the requester before they asked', params: PortalParams, body: DeflectionBody, response: { 204: Type.Null(), ...errorResponses(400, 404, 429) } },
  }, async (request, reply) => {
    await store.transaction(async (tx) => {
      const workspace = await portalWorkspace(tx, request.params.workspace);
      await recordDeflectionCommand(workspaceContext(services, workspace.id, tx), request.body.article_id);
    });
    return reply.status(204).send(null);
  });

  app.post('/v1/portal/:workspace/requests', {
    config,
    schema: {
      tags,
      summary: 'Send a request through the public form',
      description: 'Refused: a bad, expired or reused challenge `422 challenge_failed`; a form sent too soon after its challenge `429 submitted_too_fast`; field values that do not fit the type `422 invalid_fields`.',
      params: PortalParams,
      body: RequestBody,
      response: { 201: SubmittedRequestOutput, ...errorResponses(400, 404, 422, 429) },
    },
  }, async (request, reply) => {
    const { body } = request;
    const { ticket, token, slug } = await store.transaction(async (tx) => {
      const workspace = await portalWorkspace(tx, request.params.workspace);
      const ctx = workspaceContext(services, workspace.id, tx, { kind: 'customer', id: null, name: body.name });
      const submitted = await submitRequestCommand(ctx, {
        challenge: body.challenge, nonce: body.nonce, honeypot: body.website ?? '', type: body.type ?? null, title: body.title,
        description: body.description, priority: body.priority ?? null, name: body.name, email: body.email, fields: (body.fields ?? {}) as JsonObject, language: body.language,
      }, settings);
      return { ...submitted, slug: workspace.slug };
    });
    return reply.status(201).send({
      reference: ticket.id, status: ticket.status, token, status_url: `/portal/${encodeURIComponent(slug)}/status/${token}`,
      mail_sent: services.mail !== undefined,
    });
  });
};
