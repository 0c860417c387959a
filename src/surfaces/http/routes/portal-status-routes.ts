import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { loadTicket } from '../../../commands/load-ticket.js';
import { portalWorkspace } from '../../../commands/portal/portal-settings.js';
import {
  rateRequestCommand, requesterCloseCommand, requesterReplyCommand, requesterViewQuery,
} from '../../../commands/portal/requester-status.js';
import type { StoreTx } from '../../../domain/store/store.js';
import type { Workspace } from '../../../domain/workspace/workspace.js';
import type { RoutingContext } from '../../../commands/routing/routing-context.js';
import { presentRatings, presentRequesterView } from '../../wire/portal/portal-presenter.js';
import { iso } from '../../wire/time.js';
import { perAddressLimit } from '../rate-limit.js';
import { IdParams, ListOf, errorResponses } from '../../wire/common-schemas.js';
import {
  CloseBody, RatingBody, RatingOutput, ReplyBody, RequesterViewOutput, StatusParams, TicketRatingOutput,
} from '../../wire/portal/portal-schemas.js';
import { workspaceContext, type HttpServices } from '../services.js';

const tags = ['portal'];

/** A requester's status page, reached by the signed link they were given: it grants that one ticket and nothing else. */
export const portalStatusRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; perMinute: number }> = async (app, { services, perMinute }) => {
  const { store } = services;
  const config = { permission: 'public' as const, rateLimit: perAddressLimit(perMinute) };
  const linkErrors = errorResponses(400, 403, 404, 410, 429);

  /** Runs a requester's action in one transaction, in the workspace the address names. */
  const asRequester = <T>(slug: string, work: (ctx: RoutingContext, workspace: Workspace) => Promise<T>) => store.transaction(async (tx: StoreTx) => {
    const workspace = await portalWorkspace(tx, slug);
    return work(workspaceContext(services, workspace.id, tx), workspace);
  });
  const view = (slug: string, token: string) => asRequester(slug, async (ctx, workspace) => presentRequesterView(await requesterViewQuery(ctx, token), workspace));

  app.get('/v1/portal/:workspace/status/:token', {
    config,
    schema: {
      tags,
      summary: 'Where a request stands: progress, expected times, the public conversation',
      description: 'A forged or edited token is `403 link_invalid`, an expired one `410 link_expired`.',
      params: StatusParams,
      response: { 200: RequesterViewOutput, ...linkErrors },
    },
  }, async (request) => view(request.params.workspace, request.params.token));

  app.post('/v1/portal/:workspace/status/:token/replies', {
    config,
    schema: {
      tags, summary: 'Reply as the requester', params: StatusParams, body: ReplyBody,
      response: { 201: RequesterViewOutput, ...linkErrors, 409: Type.Ref('Error') },
    },
  }, async (request, reply) => {
    const { workspace, token } = request.params;
    await asRequester(workspace, (ctx) => requesterReplyCommand(ctx, token, request.body.body));
    return reply.status(201).send(await view(workspace, token));
  });

  app.post('/v1/portal/:workspace/status/:token/close', {
    config,
    schema: {
      tags, summary: 'Close the request: an open one becomes resolved, a resolved one closed',
      params: StatusParams, body: CloseBody,
      response: { 200: RequesterViewOutput, ...linkErrors, 409: Type.Ref('Error'), 422: Type.Ref('Error') },
    },
  }, async (request) => {
    const { workspace, token } = request.params;
    await asRequester(workspace, (ctx) => requesterCloseCommand(ctx, token));
    return view(workspace, token);
  });

  app.post('/v1/portal/:workspace/status/:token/rating', {
    config,
    schema: {
      tags,
      summary: 'Rate the resolution (1–5, with an optional comment), once per resolution',
      description: 'A request that is not resolved is `409 rating_not_open`; a second rating of the same resolution `409 already_rated`.',
      params: StatusParams,
      body: RatingBody,
      response: { 201: RatingOutput, ...linkErrors, 409: Type.Ref('Error') },
    },
  }, async (request, reply) => {
    const { workspace, token } = request.params;
    const rating = await asRequester(workspace, (ctx) => rateRequestCommand(ctx, token, { score: request.body.score, comment: request.body.comment ?? null }));
    return reply.status(201).send({ score: rating.score, comment: rating.comment, rated_at: iso(rating.ratedAt) });
  });

  app.get('/v1/tickets/:id/ratings', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['conversation'],
      summary: "The requester's satisfaction ratings, one per resolution, oldest first", params: IdParams,
      response: { 200: ListOf(TicketRatingOutput), ...errorResponses(401, 404) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    return presentRatings(await store.read(async (tx) => {
      await loadTicket({ tx, workspaceId }, request.params.id);
      return tx.portal.ratingsFor(workspaceId, request.params.id);
    }));
  });
};
