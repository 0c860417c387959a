import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { recordEvent } from '../../../commands/record-event.js';
import { hashNewPassword, setPasswordCommand } from '../../../commands/users/user-commands.js';
import type { Principal } from '../../../domain/auth/token.js';
import { fail } from '../../../domain/errors.js';
import { IdParams, ListOf, errorResponses } from '../../wire/common-schemas.js';
import { presentSession } from '../../wire/users/user-presenter.js';
import { PasswordChangeBody, SessionOutput } from '../../wire/users/user-schemas.js';
import type { Accounts } from '../accounts.js';
import { commandContext, type HttpServices } from '../services.js';
import { presenceAfterSignOut } from '../../../commands/users/presence.js';

/** The person behind the request; tokens without an owner have no sessions or password. */
function personOf(principal: Principal): string {
  if (!principal.userId) throw fail('forbidden', 'Only a signed-in person, or a token a person owns, has sessions and a password.');
  return principal.userId;
}

/** The signed-in person's own sessions and password. */
export const sessionRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; accounts: Accounts }> = async (app, { services, accounts }) => {
  const { store, clock } = services;
  const currentSession = (principal: Principal) => (principal.via === 'session' ? principal.tokenId : null);

  app.get('/v1/auth/sessions', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'My sessions that have not ended', response: { 200: ListOf(SessionOutput), ...errorResponses(401, 403) } },
  }, async (request) => {
    const userId = personOf(request.principal);
    const live = await store.read((tx) => tx.sessions.listLive(userId, clock.now()));
    return { data: live.map((session) => presentSession(session, currentSession(request.principal))) };
  });

  app.delete('/v1/auth/sessions/:id', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'End one of my sessions', params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    // A token no person owns has no sessions, so none of them has this id.
    const userId = request.principal.userId;
    if (!userId) throw fail('session_not_found');
    await store.transaction(async (tx) => {
      if (!(await tx.sessions.revoke(userId, request.params.id, clock.now()))) throw fail('session_not_found');
      await recordEvent(commandContext(services, request.principal, tx), { entityKind: 'user', entityId: userId, type: 'user.session_revoked', data: { session_id: request.params.id } });
    });
    accounts.sessions.forgetAll();
    return reply.status(204).send(null);
  });

  app.delete('/v1/auth/sessions', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Sign out everywhere: end every session of mine, this one too', response: { 204: Type.Null(), ...errorResponses(401, 403) } },
  }, async (request, reply) => {
    const userId = personOf(request.principal);
    await store.transaction(async (tx) => {
      const ended = await tx.sessions.revokeAll(userId, clock.now());
      const ctx = commandContext(services, request.principal, tx);
      await recordEvent(ctx, { entityKind: 'user', entityId: userId, type: 'user.signed_out_everywhere', data: { sessions: ended } });
      if (request.principal.agentId) await presenceAfterSignOut(ctx, userId, request.principal.agentId, accounts.sessions.settings.lifetimes);
    });
    accounts.sessions.forgetAll();
    return reply.status(204).send(null);
  });

  app.put('/v1/auth/password', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['auth'], summary: 'Change my password (ends my other sessions)', body: PasswordChangeBody,
      response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 422, 429) },
    },
  }, async (request, reply) => {
    const { principal } = request;
    const userId = personOf(principal);
    const wait = accounts.throttle.take([`password:${userId}`]);
    if (wait > 0) throw fail('rate_limited', `Too many attempts; retry in ${wait} s.`, { retry_after_s: wait });
    const user = await store.read((tx) => tx.users.get(userId));
    if (!user || !(await accounts.passwords.hasher.verify(request.body.current_password, user.passwordHash))) throw fail('sign_in_failed', 'The current password is wrong.');
    const hash = await hashNewPassword(accounts.passwords, request.body.new_password, user.email);
    await store.transaction((tx) => setPasswordCommand(commandContext(services, principal, tx), userId, hash, currentSession(principal)));
    accounts.sessions.forgetAll();
    return reply.status(204).send(null);
  });
};
