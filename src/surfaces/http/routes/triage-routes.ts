import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { prefillTicketCommand } from '../../../commands/triage/prefill-ticket.js';
import { trainTriageCommand } from '../../../commands/triage/train-triage.js';
import { presentPrefill, presentTraining, presentTriageModel } from '../../wire/triage/triage-presenter.js';
import { actorOf, triageOf, type HttpServices } from '../services.js';
import { ListOf, errorResponses } from '../../wire/common-schemas.js';
import {
  PrefillBody, PrefillOutput, TrainBody, TrainingOutput, TriageModelOutput,
} from '../../wire/triage/triage-schemas.js';

/** Training the triage models, listing them, and suggesting a new ticket's fields from free text. */
export const triageRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.post('/v1/triage/train', {
    config: { permission: 'triage:train' },
    // Training needs no options; a bare POST (no body at all) is the common call.
    preValidation: async (request) => {
      request.body ??= {};
    },
    schema: {
      tags: ['triage'],
      summary: "Train the category and priority models on the workspace's resolved tickets",
      description: 'Returns the new models with their figures on a held-out split. 422 `no_training_data` or `too_few_classes` when it cannot train; the models in use then stay.',
      body: TrainBody,
      response: { 200: TrainingOutput, ...errorResponses(400, 401, 403, 409, 422) },
    },
  }, async (request) => {
    const { principal } = request;
    const context = { actor: actorOf(principal), workspaceId: principal.workspaceId, clock: services.clock, ids: services.ids };
    return presentTraining(await trainTriageCommand(store, context, { seed: request.body.seed, keepVersions: triageOf(services).keepVersions }));
  });

  app.get('/v1/triage/models', {
    config: { permission: 'routing:read' },
    schema: {
      tags: ['triage'],
      summary: 'Every trained model, newest first; the newest of each kind is in use',
      response: { 200: ListOf(TriageModelOutput), ...errorResponses(401, 403) },
    },
  }, async (request) => {
    const models = await store.read((tx) => tx.triage.list(request.principal.workspaceId));
    return { data: models.map(presentTriageModel) };
  });

  app.post('/v1/tickets/prefill', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['triage'],
      summary: "Suggest a new ticket's type, category, priority and tags from free text",
      description: 'Each suggestion has a calibrated confidence; all are null until a model is trained.',
      body: PrefillBody,
      response: { 200: PrefillOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => {
    return presentPrefill(await prefillTicketCommand(store, request.principal, request.body.text, triageOf(services)));
  });
};
