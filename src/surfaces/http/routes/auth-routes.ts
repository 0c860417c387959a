import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { signIn } from '../../../commands/users/sign-in.js';
import { fail } from '../../../domain/errors.js';
import { CsrfOutput, SignInBody, SignInOutput } from '../../wire/users/user-schemas.js';
import { errorResponses } from '../../wire/common-schemas.js';
import type { Accounts } from '../accounts.js';
import { clearSessionCookies } from '../session-cookies.js';
import { attemptOf, refuseWhenThrottled, replyPasswordOutcome, signInServices } from '../sign-in-replies.js';
import { SignInChallengeOutput } from '../../wire/users/two-factor-schemas.js';
import { commandContext, type HttpServices } from '../services.js';
import { presenceAfterSignOut } from '../../../commands/users/presence.js';
import { recordEvent } from '../../../commands/record-event.js';

/** Password sign-in and sign-out of a browser session. */
export const authRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; accounts: Accounts }> = async (app, { services, accounts }) => {
  const { store, clock } = services;
  const settings = accounts.sessions.settings;

  app.post('/v1/auth/sign-in', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with e-mail and password; sets the session cookie, or asks for the second step (202)',
      security: [],
      body: SignInBody,
      response: { 200: SignInOutput, 202: SignInChallengeOutput, ...errorResponses(400, 401, 429) },
    },
  }, async (request, reply) => {
    refuseWhenThrottled(accounts, [`account:${request.body.email.trim().toLowerCase()}`, `address:${request.ip}`], reply);
    const outcome = await signIn(signInServices(services, accounts), { ...request.body, ...attemptOf(request) });
    if (!outcome) throw fail('sign_in_failed');
    return replyPasswordOutcome(services, accounts, request, reply, outcome);
  });

  app.get('/v1/auth/csrf', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: "The CSRF token of the caller's session (send it as X-CSRF-Token with every change)", response: { 200: CsrfOutput, ...errorResponses(401) } },
  }, async (_request, reply) => ({ csrf_token: reply.generateCsrf() }));

  app.post('/v1/auth/sign-out', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'End the session this request came with and remove its cookies', response: { 204: Type.Null(), ...errorResponses(401, 403) } },
  }, async (request, reply) => {
    const { principal } = request;
    if (principal.via === 'session') {
      await store.transaction(async (tx) => {
        await tx.sessions.revoke(principal.userId!, principal.tokenId, clock.now());
        const ctx = commandContext(services, principal, tx);
        await recordEvent(ctx, { entityKind: 'user', entityId: principal.userId!, type: 'user.signed_out', data: { session_id: principal.tokenId } });
        if (principal.agentId) await presenceAfterSignOut(ctx, principal.userId!, principal.agentId, settings.lifetimes);
      });
      accounts.sessions.forgetAll();
    }
    clearSessionCookies(reply, settings);
    return reply.status(204).send(null);
  });
};
