import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  deEscalateTicketCommand, escalateTicketCommand,
} from '../../../commands/escalation/escalate-ticket.js';
import { escalationConfigCommand, saveEscalationConfigCommand } from '../../../commands/escalation/escalation-config-commands.js';
import { addWatcherCommand } from '../../../commands/automation/watcher-commands.js';
import { loadTicket } from '../../../commands/load-ticket.js';
import type { EscalationDocument } from '../../../domain/escalation/escalation-config.js';
import { PRESETS, PRESET_NAMES } from '../../../domain/escalation/presets.js';
import {
  presentEscalation, presentEscalationConfig, presentEscalationOutcome,
} from '../../wire/workflows/workflow-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { Id, IdParams, ListOf, Strict, errorResponses } from '../../wire/common-schemas.js';
import {
  EscalateBody, EscalationConfigBody, EscalationConfigOutput, EscalationOutcomeOutput, EscalationOutput, PresetOutput,
  WatchersOutput,
} from '../../wire/workflows/workflow-schemas.js';

/** The escalation config (levels, risks, checks, triggers), manual escalation and de-escalation, and each ticket's escalations. */
export const escalationRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;

  app.get('/v1/escalation', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: ['escalation'], summary: 'The escalation config in force',
      response: { 200: EscalationConfigOutput, ...errorResponses(401) },
    },
  }, async (request) => presentEscalationConfig(await store.read((tx) => escalationConfigCommand(commandContext(services, request.principal, tx)))));

  app.put('/v1/escalation', {
    config: { permission: 'workflows:write' },
    schema: {
      tags: ['escalation'],
      summary: 'Replace the escalation config (saved as a new version)',
      description: 'Checked whole first: any mistake is a 422 `invalid_escalation` listing every error with its path; the config in force then stays.',
      body: EscalationConfigBody,
      response: { 200: EscalationConfigOutput, ...errorResponses(400, 401, 403, 409, 422) },
    },
  }, async (request) => {
    const saved = await store.transaction((tx) => saveEscalationConfigCommand(commandContext(services, request.principal, tx), request.body as EscalationDocument));
    return presentEscalationConfig(saved);
  });

  app.get('/v1/escalation/presets', {
    config: { permission: 'workflows:read' },
    schema: {
      tags: ['escalation'],
      summary: 'The built-in triggers, their parameters and the condition each stands for',
      response: { 200: ListOf(PresetOutput), ...errorResponses(401) },
    },
  }, async () => ({
    data: PRESET_NAMES.map((name) => {
      const preset = PRESETS[name];
      const params = Object.fromEntries(Object.entries(preset.params).map(([key, spec]) => [key, spec.default]));
      return { name, description: preset.description, reason: preset.reason, params, when: preset.build(params) };
    }),
  }));

  app.post('/v1/tickets/:id/escalate', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['escalation'],
      summary: 'Escalate a ticket: one level up, or to the level given',
      description: 'Records who, why and when; the ticket moves to the level\'s queue and is routed there; the level\'s owner and informed agents watch it.',
      params: IdParams,
      body: EscalateBody,
      response: { 200: EscalationOutcomeOutput, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const outcome = await store.transaction((tx) => escalateTicketCommand(commandContext(services, request.principal, tx), request.params.id, {
      level: request.body.level, reason: request.body.reason, trigger: 'manual',
    }));
    return presentEscalationOutcome(outcome);
  });

  app.post('/v1/tickets/:id/de-escalate', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['escalation'],
      summary: 'De-escalate a ticket: one level down, or to the level given (0: not escalated)',
      params: IdParams,
      body: EscalateBody,
      response: { 200: EscalationOutcomeOutput, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => {
    const outcome = await store.transaction((tx) => deEscalateTicketCommand(commandContext(services, request.principal, tx), request.params.id, {
      level: request.body.level, reason: request.body.reason, trigger: 'manual',
    }));
    return presentEscalationOutcome(outcome);
  });

  app.get('/v1/tickets/:id/escalations', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['escalation'], summary: 'The ticket\'s escalations, oldest first', params: IdParams,
      response: { 200: ListOf(EscalationOutput), ...errorResponses(401, 404) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    const records = await store.read(async (tx) => {
      await loadTicket({ tx, workspaceId }, request.params.id);
      return tx.workflow.escalations.listForTicket(workspaceId, request.params.id);
    });
    return { data: records.map(presentEscalation) };
  });

  app.get('/v1/tickets/:id/watchers', {
    config: { permission: 'tickets:read' },
    schema: {
      tags: ['escalation'], summary: 'The agents who watch the ticket', params: IdParams,
      response: { 200: WatchersOutput, ...errorResponses(401, 404) },
    },
  }, async (request) => {
    const workspaceId = request.principal.workspaceId;
    const watchers = await store.read(async (tx) => {
      await loadTicket({ tx, workspaceId }, request.params.id);
      return tx.workflow.watchers.list(workspaceId, request.params.id);
    });
    return { data: watchers };
  });

  app.post('/v1/tickets/:id/watchers', {
    config: { permission: 'tickets:write' },
    schema: {
      tags: ['escalation'], summary: 'Add a watcher', params: IdParams, body: Strict({ agent: Id }),
      response: { 200: WatchersOutput, ...errorResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => {
    const watchers = await store.transaction((tx) => addWatcherCommand(commandContext(services, request.principal, tx), request.params.id, request.body.agent));
    return { data: watchers };
  });
};
