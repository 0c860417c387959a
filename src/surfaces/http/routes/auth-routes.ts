import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { signIn } from '../../../commands/users/sign-in.js';
import { fail } from '../../../domain/errors.js';
import { presentSignedIn } from '../../wire/users/user-presenter.js';
import { CsrfOutput, SignInBody, SignInOutput } from '../../wire/users/user-schemas.js';
import { errorResponses } from '../../wire/common-schemas.js';
import type { Accounts } from '../accounts.js';
import { secretCodec } from '../auth.js';
import { clearSessionCookies, startSessionCookies } from '../session-cookies.js';
import { commandContext, workspaceContext, type HttpServices } from '../services.js';
import { presenceAfterSignIn, presenceAfterSignOut } from '../../../commands/users/presence.js';
import { recordEvent } from '../../../commands/record-event.js';

/** Password sign-in and sign-out of a browser session. */
export const authRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; accounts: Accounts }> = async (app, { services, accounts }) => {
  const { store, clock, ids } = services;
  const settings = accounts.sessions.settings;

  app.post('/v1/auth/sign-in', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with e-mail and password; sets the session cookie',
      security: [],
      body: SignInBody,
      response: { 200: SignInOutput, ...errorResponses(400, 401, 429) },
    },
  }, async (request, reply) => {
    refuseWhenThrottled(accounts, request.body.email, request.ip, reply);
    const signedIn = await signIn(
      { store, clock, ids, hasher: accounts.passwords.hasher, codec: secretCodec, lifetimes: settings.lifetimes },
      { ...request.body, address: request.ip, userAgent: request.headers['user-agent'] ?? '' },
    );
    if (!signedIn) throw fail('sign_in_failed');
    const { agentId, workspaceId } = signedIn.membership;
    if (agentId) {
      const actor = { kind: 'agent' as const, id: agentId, name: signedIn.user.name };
      await store.transaction((tx) => presenceAfterSignIn(workspaceContext(services, workspaceId, tx, actor), agentId));
    }
    return presentSignedIn(signedIn, startSessionCookies(request, reply, signedIn.secret, settings));
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

/**
 * Counts the attempt against the account and the address, and refuses it with 429 and Retry-After
 * before any password is hashed when either is past its limit.
 */
function refuseWhenThrottled(accounts: Accounts, email: string, address: string, reply: FastifyReply): void {
  const wait = accounts.throttle.take([`account:${email.trim().toLowerCase()}`, `address:${address}`]);
  if (wait === 0) return;
  void reply.header('retry-after', String(wait));
  throw fail('rate_limited', `Too many sign-in attempts; retry in ${wait} s.`, { retry_after_s: wait });
}
