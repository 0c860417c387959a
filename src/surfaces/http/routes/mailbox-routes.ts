import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkMailboxHost, probeMailbox } from '../../../adapters/email/imap-connection.js';
import { addMailboxCommand, loadMailbox, removeMailboxCommand } from '../../../commands/inbound/mailbox-commands.js';
import { IdParams, errorResponses } from '../../wire/common-schemas.js';
import { mailboxInputFrom } from '../../wire/mailboxes/mailbox-input.js';
import { presentMailbox } from '../../wire/mailboxes/mailbox-presenter.js';
import { MailboxBody, MailboxOutput, MailboxProbeOutput } from '../../wire/mailboxes/mailbox-schemas.js';
import { commandContext, type HttpServices } from '../services.js';

const TAGS = ['inbound'];

/**
 * IMAP mailboxes the workspace's mail is read from (admin only). The host is checked before
 * anything is saved, as webhook targets are; the password is never sent back.
 */
export const mailboxRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  const { store } = services;
  const allowPrivate = services.mailboxHosts?.allowPrivate ?? false;

  app.post('/v1/mailboxes', {
    config: { permission: 'workspace:manage' },
    schema: {
      tags: TAGS, summary: 'Read a mailbox over IMAP',
      description: 'A host that does not resolve or reaches a loopback, private or link-local address is a 422 `mailbox_host_refused` '
        + '(unless SWITCHBOARD_MAILBOX_ALLOW_PRIVATE); `tls: none` off loopback, or a `move` without a folder, is a 422 `invalid_mailbox`.',
      body: MailboxBody, response: { 201: MailboxOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const input = mailboxInputFrom(request.body);
    await checkMailboxHost(input, allowPrivate);
    const mailbox = await store.transaction((tx) => addMailboxCommand(commandContext(services, request.principal, tx), input));
    return reply.status(201).header('location', `/v1/mailboxes/${mailbox.id}`).send(presentMailbox(mailbox));
  });

  app.get('/v1/mailboxes', {
    config: { permission: 'workspace:manage' },
    schema: { tags: TAGS, summary: 'Every mailbox, with how its reader fares', response: { 200: Type.Object({ data: Type.Array(MailboxOutput) }), ...errorResponses(401, 403) } },
  }, async (request) => ({ data: (await store.read((tx) => tx.mailboxes.list(request.principal.workspaceId))).map(presentMailbox) }));

  app.get('/v1/mailboxes/:id', {
    config: { permission: 'workspace:manage' },
    schema: { tags: TAGS, summary: 'Get a mailbox', params: IdParams, response: { 200: MailboxOutput, ...errorResponses(401, 403, 404) } },
  }, async (request) => presentMailbox(await store.read((tx) => loadMailbox({ tx, workspaceId: request.principal.workspaceId }, request.params.id))));

  app.post('/v1/mailboxes/:id/test', {
    config: { permission: 'workspace:manage' },
    schema: {
      tags: TAGS, summary: 'Sign in to a mailbox and look at its folder, changing nothing',
      description: 'A server that cannot be reached or refuses the sign-in is `ok: false` with its answer, not an error of this request.',
      params: IdParams, response: { 200: MailboxProbeOutput, ...errorResponses(401, 403, 404) },
    },
  }, async (request) => {
    const mailbox = await store.read((tx) => loadMailbox({ tx, workspaceId: request.principal.workspaceId }, request.params.id));
    return probeMailbox(mailbox, allowPrivate);
  });

  app.delete('/v1/mailboxes/:id', {
    config: { permission: 'workspace:manage' },
    schema: { tags: TAGS, summary: 'Stop reading a mailbox', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await store.transaction((tx) => removeMailboxCommand(commandContext(services, request.principal, tx), request.params.id));
    return reply.status(204).send(null);
  });
};
