import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sharedCatalogue } from '../../../adapters/i18n/load-catalogue.js';
import { loadEmailMessage, retryEmailCommand } from '../../../commands/email/email-delivery-commands.js';
import { loadEmailSettings, setEmailSettingsCommand } from '../../../commands/email/email-settings-commands.js';
import { listEmailTemplates, resetEmailTemplateCommand, setEmailTemplateCommand } from '../../../commands/email/email-template-commands.js';
import { decodeCursor, pageBody } from '../pagination.js';
import {
  presentEmailMessage, presentEmailSettings, presentTemplateEntry,
} from '../../wire/email/email-presenter.js';
import { commandContext, type HttpServices } from '../services.js';
import { IdParams, PageOf, errorResponses } from '../../wire/common-schemas.js';
import {
  EmailMessageOutput, EmailSettingsBody, EmailSettingsOutput, MessageQuery, TemplateBody, TemplateEntryOutput,
  TemplateParams,
} from '../../wire/email/email-schemas.js';

const TAGS = ['email'];

/** The workspace's mail templates, and the outbox as a delivery log with retry. See docs/email.md. */
export const emailRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;
  const catalogue = services.mail?.catalogue ?? sharedCatalogue();

  app.get('/v1/email/templates', {
    config: { permission: 'email:manage' },
    schema: { tags: TAGS, summary: 'Every kind of mail in every language: the default wording and the workspace\'s own', response: { 200: Type.Object({ data: Type.Array(TemplateEntryOutput) }), ...errorResponses(401, 403) } },
  }, async (request) => ({ data: (await store.read((tx) => listEmailTemplates({ tx, workspaceId: request.principal.workspaceId }, catalogue))).map(presentTemplateEntry) }));

  app.put('/v1/email/templates/:kind/:locale', {
    config: { permission: 'email:manage' },
    schema: {
      tags: TAGS, summary: 'Use the workspace\'s own wording for one kind in one language',
      description: 'An unknown `{variable}` is a 422 `invalid_email_template` naming it; nothing is saved.',
      params: TemplateParams, body: TemplateBody, response: { 200: TemplateEntryOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => {
    const { kind, locale } = request.params;
    await store.transaction((tx) => setEmailTemplateCommand(commandContext(services, request.principal, tx), kind, locale, request.body));
    const entries = await store.read((tx) => listEmailTemplates({ tx, workspaceId: request.principal.workspaceId }, catalogue));
    return presentTemplateEntry(entries.find((e) => e.kind === kind && e.locale === locale)!);
  });

  app.delete('/v1/email/templates/:kind/:locale', {
    config: { permission: 'email:manage' },
    schema: { tags: TAGS, summary: 'Go back to the default wording', params: TemplateParams, response: { 204: Type.Null(), ...errorResponses(400, 401, 403) } },
  }, async (request, reply) => {
    await store.transaction((tx) => resetEmailTemplateCommand(commandContext(services, request.principal, tx), request.params.kind, request.params.locale));
    return reply.status(204).send(null);
  });

  app.get('/v1/email/settings', {
    config: { permission: 'email:manage' },
    schema: { tags: TAGS, summary: 'The workspace\'s mail settings', response: { 200: EmailSettingsOutput, ...errorResponses(401, 403) } },
  }, async (request) => presentEmailSettings(await store.read((tx) => loadEmailSettings({ tx, workspaceId: request.principal.workspaceId }))));

  app.put('/v1/email/settings', {
    config: { permission: 'email:manage' },
    schema: { tags: TAGS, summary: 'Change the workspace\'s mail settings', body: EmailSettingsBody, response: { 200: EmailSettingsOutput, ...errorResponses(400, 401, 403) } },
  }, async (request) => presentEmailSettings(await store.transaction((tx) =>
    setEmailSettingsCommand(commandContext(services, request.principal, tx), request.body.update_interval_hours))));

  app.get('/v1/email/messages', {
    config: { permission: 'email:manage' },
    schema: { tags: TAGS, summary: 'The outbox and delivery log, newest first', querystring: MessageQuery, response: { 200: PageOf(EmailMessageOutput), ...errorResponses(400, 401, 403) } },
  }, async (request) => {
    const { status, ticket, limit, cursor } = request.query;
    const page = await store.read((tx) => tx.emails.listMessages({ workspaceId: request.principal.workspaceId, status, ticketId: ticket, after: decodeCursor(cursor), limit: limit ?? 50 }));
    return pageBody(page, presentEmailMessage);
  });

  app.get('/v1/email/messages/:id', {
    config: { permission: 'email:manage' },
    schema: { tags: TAGS, summary: 'One mail of the outbox', params: IdParams, response: { 200: EmailMessageOutput, ...errorResponses(401, 403, 404) } },
  }, async (request) => presentEmailMessage(await store.read((tx) => loadEmailMessage({ tx, workspaceId: request.principal.workspaceId }, request.params.id))));

  app.post('/v1/email/messages/:id/retry', {
    config: { permission: 'email:manage' },
    schema: {
      tags: TAGS, summary: 'Send a mail again',
      description: 'Puts the mail back in the outbox, due now, with a fresh retry schedule (202). A requester who opted out since: 409 `email_opted_out`.',
      params: IdParams, response: { 202: EmailMessageOutput, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const message = await store.transaction((tx) => retryEmailCommand(commandContext(services, request.principal, tx), request.params.id));
    return reply.status(202).send(presentEmailMessage(message));
  });
};
