import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountLinkHolder, redeemAccountLinkCommand, type AccountLinkPurpose } from '../../../commands/users/account-links.js';
import { afterPassword } from '../../../commands/users/second-step.js';
import { hashNewPassword } from '../../../commands/users/user-commands.js';
import { fail } from '../../../domain/errors.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { SignInChallengeOutput } from '../../wire/users/two-factor-schemas.js';
import { LinkPasswordBody, PasswordResetRequestBody, SignInOutput } from '../../wire/users/user-schemas.js';
import type { Accounts } from '../accounts.js';
import { perAddressLimit } from '../rate-limit.js';
import { requestPasswordResetCommand, resetRequestWorkspace } from '../../../commands/users/password-reset-request.js';
import { accountLinkPath } from '../../wire/users/user-presenter.js';
import { Type } from 'typebox';
import { attemptOf, refuseWhenThrottled, replyPasswordOutcome, signInServices } from '../sign-in-replies.js';
import { workspaceContext, type HttpServices } from '../services.js';

const ROUTES: [string, AccountLinkPurpose, string][] = [
  ['/v1/auth/accept-invitation', 'invitation', 'Accept an invitation: set the first password and sign in'],
  ['/v1/auth/reset-password', 'password_reset', 'Set a new password with a reset link and sign in (ends every other session)'],
];

/** Passwords set through signed single-use links (invitations, resets); the person is signed in after. */
export const accountLinkRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; accounts: Accounts }> = async (app, { services, accounts }) => {
  const { store } = services;

  app.post('/v1/auth/password-reset', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Forgot password: mail a reset link (an hour, once) to the address if it is an enabled member; the same 202 either way',
      security: [], body: PasswordResetRequestBody, response: { 202: Type.Object({}), ...errorResponses(400, 404, 429) },
    },
  }, async (request, reply) => {
    const { mail } = services;
    if (!mail) throw fail('mail_not_configured');
    const email = request.body.email.trim().toLowerCase();
    refuseWhenThrottled(accounts, [`account:${email}`, `address:${request.ip}`], reply);
    // The answer leaves before any work, so its timing does not tell whether the address has an account.
    await reply.status(202).send({});
    await store.read((tx) => resetRequestWorkspace(tx, email, request.body.workspace))
      .then((workspaceId) => (workspaceId ? store.transaction((tx) =>
        requestPasswordResetCommand(workspaceContext(services, workspaceId, tx), mail, accountLinkPath, email, request.ip)) : undefined))
      .catch((error: unknown) => request.log.error({ err: error }, 'a password reset request failed'));
    return reply;
  });

  for (const [url, purpose, summary] of ROUTES) {
    app.post(url, {
      config: { permission: 'public', rateLimit: perAddressLimit(20) },
      schema: { tags: ['auth'], summary, security: [], body: LinkPasswordBody, response: { 200: SignInOutput, 202: SignInChallengeOutput, ...errorResponses(400, 403, 410, 422, 429) } },
    }, async (request, reply) => {
      const workspace = await store.read((tx) => tx.workspaces.getBySlug(request.body.workspace));
      if (!workspace) throw fail('link_invalid');
      const context = (tx: Parameters<typeof workspaceContext>[2]) => workspaceContext(services, workspace.id, tx);
      const holder = await store.transaction((tx) => accountLinkHolder(context(tx), request.body.token, purpose));
      const hash = await hashNewPassword(accounts.passwords, request.body.password, holder.email);
      const user = await store.transaction((tx) => redeemAccountLinkCommand(
        { ...context(tx), actor: { kind: 'user', id: holder.id, name: holder.name } }, request.body.token, purpose, hash));
      const membership = (await store.read((tx) => tx.users.membership(workspace.id, user.id)))!;
      accounts.sessions.forgetAll();
      const outcome = await afterPassword(signInServices(services, accounts), attemptOf(request), user, membership);
      return replyPasswordOutcome(services, accounts, request, reply, outcome);
    });
  }
};
