import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { resubscribeCommand, unsubscribeCommand, type OptOutResult } from '../../../commands/email/opt-out-commands.js';
import type { CommandContext } from '../../../commands/context.js';
import { fail } from '../../../domain/errors.js';
import type { StoreTx } from '../../../domain/store/store.js';
import { perAddressLimit } from '../rate-limit.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { OptOutOutput, PortalLinkParams } from '../../wire/email/email-schemas.js';
import { workspaceContext, type HttpServices } from '../services.js';

const TAGS = ['portal'];

/**
 * What requesters do with the signed links in their mail, without an account: the link is the
 * credential. A GET never changes anything (mail scanners fetch links); stopping mail is a POST,
 * which is also what a mail client's one-click unsubscribe (RFC 8058) sends.
 */
export const unsubscribeRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; perMinute: number }> = async (app, { services, perMinute }) => {
  const config = { permission: 'public' as const, rateLimit: perAddressLimit(perMinute) };
  // RFC 8058's one-click POST is a form body (`List-Unsubscribe=One-Click`); JSON and no body are taken too.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const answer = (run: (ctx: CommandContext, token: string) => Promise<OptOutResult>, unsubscribed: boolean) =>
    async (request: { params: { workspace: string; token: string } }) => {
      const result = await services.store.transaction(async (tx) => run(await portalContext(services, tx, request.params.workspace), request.params.token));
      return { address: result.address, unsubscribed };
    };

  app.post('/v1/portal/:workspace/unsubscribe/:token', {
    config,
    schema: {
      tags: TAGS, summary: 'Stop notification mail to the address of an unsubscribe link', security: [],
      description: 'Idempotent. The body may be empty, JSON, or the RFC 8058 form body `List-Unsubscribe=One-Click`. A forged link is 403 `link_invalid`, an old one 410 `link_expired`.',
      params: PortalLinkParams, response: { 200: OptOutOutput, ...errorResponses(400, 403, 410, 415) },
    },
  }, answer(unsubscribeCommand, true));

  app.delete('/v1/portal/:workspace/unsubscribe/:token', {
    config,
    schema: {
      tags: TAGS, summary: 'Undo an unsubscribe with the same link', security: [],
      params: PortalLinkParams, response: { 200: OptOutOutput, ...errorResponses(400, 403, 410) },
    },
  }, answer(resubscribeCommand, false));
};

/** The context of a requester acting through a link of the workspace named by its slug. */
async function portalContext(services: HttpServices, tx: StoreTx, slug: string): Promise<CommandContext> {
  const workspace = await tx.workspaces.getBySlug(slug);
  // An unknown workspace is answered like a bad link: the link as a whole is what is wrong.
  if (!workspace) throw fail('link_invalid');
  return workspaceContext(services, workspace.id, tx, { kind: 'customer', id: null, name: 'requester link' });
}
