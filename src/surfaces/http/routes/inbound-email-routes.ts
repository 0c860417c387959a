import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseRawEmail } from '../../../adapters/email/parse-email.js';
import { lookupCustomer } from '../../../commands/crm/enrich-customer.js';
import { planInboundEmail } from '../../../commands/inbound/plan-email.js';
import { receiveEmailCommand, type InboundResult } from '../../../commands/inbound/receive-email.js';
import { fail } from '../../../domain/errors.js';
import type { InboundEmail } from '../../../domain/inbound/inbound-email.js';
import type { Principal } from '../../../domain/auth/token.js';
import { errorResponses, Nullable } from '../../wire/common-schemas.js';
import { commandContext, type HttpServices } from '../services.js';

const InboundOutput = Type.Object({
  outcome: Type.Union([Type.Literal('created'), Type.Literal('threaded'), Type.Literal('duplicate'), Type.Literal('ignored_auto_reply')]),
  ticket_id: Nullable(Type.String({ description: 'the ticket the message opened or joined; null for machine mail that answers none' })),
  reason: Nullable(Type.String({ description: 'why machine mail was ignored (auto_submitted, precedence, x_autoreply, delivery_report, mailer_daemon, null_return_path)' })),
});

/** Mail from a relay: raw RFC 822 in, a ticket or a comment out. See docs/integrations.md. */
export const inboundEmailRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices }> = async (app, { services }) => {
  // Only this plugin reads raw messages; the rest of the API still takes JSON alone.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('message/rfc822', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('*', (_request, _payload, done) => done(fail('unsupported_media_type', 'Send the raw message as message/rfc822.'), undefined));

  app.post('/v1/inbound/email', {
    config: { permission: 'inbound:email' },
    schema: {
      tags: ['inbound'],
      summary: 'Take in one raw e-mail from a mail relay',
      description: 'The body is the message as received (`Content-Type: message/rfc822`). New mail opens a ticket (201); a reply becomes a comment on its ticket; '
        + 'auto-replies and bounces are only recorded; a Message-ID seen before changes nothing.',
      response: { 200: InboundOutput, 201: InboundOutput, ...errorResponses(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) throw fail('invalid_email', 'The body is empty.', { problem: 'no_headers' });
    const result = await takeIn(services, request.principal, await parseRawEmail(request.body));
    if (result.outcome === 'created') void reply.status(201).header('location', `/v1/tickets/${result.ticketId}`);
    return { outcome: result.outcome, ticket_id: result.ticketId, reason: result.reason };
  });
};

/** Plans outside the transaction so the CRM is asked only for mail that opens a ticket, and never under the write lock. */
async function takeIn(services: HttpServices, principal: Principal, email: InboundEmail): Promise<InboundResult> {
  const { store } = services;
  const plan = await store.read((tx) => planInboundEmail(tx, principal.workspaceId, email));
  const crm = plan.kind === 'create' ? await lookupCustomer(services.crm ?? null, { email: email.from.address }) : null;
  try {
    return await store.transaction((tx) => receiveEmailCommand(commandContext(services, principal, tx), email, crm));
  } catch (error) {
    // The relay (or a second one) posted the same message at the same moment: answer as for a re-post.
    if (!store.isUniqueViolation(error)) throw error;
    const seen = await store.read((tx) => tx.inboundEmails.find(principal.workspaceId, [email.messageId]));
    if (seen.length === 0) throw error;
    return { outcome: 'duplicate', ticketId: seen[0]!.ticketId, reason: null };
  }
}
