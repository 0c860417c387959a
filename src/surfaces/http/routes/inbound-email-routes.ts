import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { parseRawEmail } from '../../../adapters/email/parse-email.js';
import type { InboundResult } from '../../../commands/inbound/receive-email.js';
import { takeInEmail } from '../../../commands/inbound/take-in-email.js';
import { fail } from '../../../domain/errors.js';
import type { InboundEmail } from '../../../domain/inbound/inbound-email.js';
import type { Principal } from '../../../domain/auth/token.js';
import type { StoreTx } from '../../../domain/store/store.js';
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

function takeIn(services: HttpServices, principal: Principal, email: InboundEmail): Promise<InboundResult> {
  const intake = {
    store: services.store, workspaceId: principal.workspaceId, crm: services.crm ?? null,
    context: (tx: StoreTx) => commandContext(services, principal, tx),
  };
  return takeInEmail(intake, email);
}
