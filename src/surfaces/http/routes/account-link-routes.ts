import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accountLinkHolder, redeemAccountLinkCommand, type AccountLinkPurpose } from '../../../commands/users/account-links.js';
import { openSession } from '../../../commands/users/sign-in.js';
import { hashNewPassword } from '../../../commands/users/user-commands.js';
import { fail } from '../../../domain/errors.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { presentSignedIn } from '../../wire/users/user-presenter.js';
import { LinkPasswordBody, SignInOutput } from '../../wire/users/user-schemas.js';
import type { Accounts } from '../accounts.js';
import { secretCodec } from '../auth.js';
import { perAddressLimit } from '../rate-limit.js';
import { startSessionCookies } from '../session-cookies.js';
import { workspaceContext, type HttpServices } from '../services.js';

const ROUTES: [string, AccountLinkPurpose, string][] = [
  ['/v1/auth/accept-invitation', 'invitation', 'Accept an invitation: set the first password and sign in'],
  ['/v1/auth/reset-password', 'password_reset', 'Set a new password with a reset link and sign in (ends every other session)'],
];

/** Passwords set through signed single-use links (invitations, resets); the person is signed in after. */
export const accountLinkRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; accounts: Accounts }> = async (app, { services, accounts }) => {
  const { store, clock, ids } = services;
  const settings = accounts.sessions.settings;
  for (const [url, purpose, summary] of ROUTES) {
    app.post(url, {
      config: { permission: 'public', rateLimit: perAddressLimit(20) },
      schema: { tags: ['auth'], summary, security: [], body: LinkPasswordBody, response: { 200: SignInOutput, ...errorResponses(400, 403, 410, 422, 429) } },
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
      const signedIn = await openSession(
        { store, clock, ids, hasher: accounts.passwords.hasher, codec: secretCodec, lifetimes: settings.lifetimes },
        { address: request.ip, userAgent: request.headers['user-agent'] ?? '' }, user, membership,
      );
      return presentSignedIn(signedIn, startSessionCookies(request, reply, signedIn.secret, settings));
    });
  }
};
