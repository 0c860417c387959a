import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { presenceAfterSignIn } from '../../../commands/users/presence.js';
import { ssoSignIn, type SsoSignInServices } from '../../../commands/users/sso-sign-in.js';
import { DomainError, fail } from '../../../domain/errors.js';
import { presentSsoButton } from '../../wire/users/sso-presenter.js';
import { SsoButtonsOutput, SsoStartParams } from '../../wire/users/sso-schemas.js';
import type { Accounts } from '../accounts.js';
import { secretCodec } from '../auth.js';
import { startSessionCookies } from '../session-cookies.js';
import { keepPendingSignIn, takePendingSignIn } from '../sso-cookie.js';
import { workspaceContext, type HttpServices } from '../services.js';

const TAGS = ['auth'];

/**
 * Single sign-on through a workspace's OpenID provider: the sign-in page's buttons, the start
 * (to the provider, with PKCE, state and nonce) and the provider's answer. Both browser steps end
 * in a redirect; a refusal lands on the sign-in page with its code (`/?sso_error=…`).
 */
export const ssoSignInRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; accounts: Accounts }> = async (app, { services, accounts }) => {
  const { store } = services;
  const settings = accounts.sessions.settings;

  app.get('/v1/auth/sso', {
    config: { permission: 'public' },
    schema: { tags: TAGS, summary: 'The workspaces one can sign in to through their identity provider', security: [], response: { 200: SsoButtonsOutput } },
  }, async () => ({ data: (await store.read((tx) => tx.sso.listButtons())).map(presentSsoButton) }));

  app.get('/v1/auth/sso/:workspace/start', {
    config: { permission: 'public' },
    // A browser's step, answered by a redirect, not an API call: left out of the OpenAPI document.
    schema: { hide: true, params: SsoStartParams },
  }, (request, reply) => landing(reply, async () => {
    throttle(accounts, request, 'sso-start');
    const found = await settingsOf(services, request.params.workspace);
    const { pending, url } = await accounts.openId.start(found, request.params.workspace, accounts.ssoCallbackUrl);
    keepPendingSignIn(reply, pending, settings);
    return url.href;
  }));

  app.get('/v1/auth/sso/callback', {
    config: { permission: 'public' },
    schema: { hide: true },
  }, (request, reply) => landing(reply, async () => {
    throttle(accounts, request, 'address');
    const pending = takePendingSignIn(request, reply, settings);
    if (!pending) throw fail('sso_state_mismatch');
    const found = await settingsOf(services, pending.workspace);
    const claims = await accounts.openId.finish(found, answerUrl(accounts, request), pending);
    const signInServices: SsoSignInServices = {
      store, clock: services.clock, ids: services.ids, hasher: accounts.passwords.hasher, codec: secretCodec, lifetimes: settings.lifetimes,
      context: (tx, actor) => workspaceContext(services, found.workspaceId, tx, actor),
    };
    const signedIn = await ssoSignIn(signInServices, found, claims, { address: request.ip, userAgent: request.headers['user-agent'] ?? '' });
    const { agentId, workspaceId } = signedIn.membership;
    if (agentId) {
      const actor = { kind: 'agent' as const, id: agentId, name: signedIn.user.name };
      await store.transaction((tx) => presenceAfterSignIn(workspaceContext(services, workspaceId, tx, actor), agentId));
    }
    startSessionCookies(request, reply, signedIn.secret, settings);
    return '/';
  }));
};

/** Sends the browser where `work` says, or to the sign-in page with the code of what went wrong. */
async function landing(reply: FastifyReply, work: () => Promise<string>): Promise<void> {
  let target: string;
  try {
    target = await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    target = `/?sso_error=${error.code}`;
  }
  void reply.redirect(target, 302);
}

async function settingsOf(services: HttpServices, slug: string) {
  const settings = await services.store.read(async (tx) => {
    const workspace = await tx.workspaces.getBySlug(slug);
    return workspace && tx.sso.get(workspace.id);
  });
  if (!settings) throw fail('sso_not_configured');
  return settings;
}

/**
 * Both steps may make the server ask the provider, so both are counted per client address: the
 * answer as a sign-in attempt, the start on a count of its own (a person's start and answer are one try).
 */
function throttle(accounts: Accounts, request: FastifyRequest, count: 'address' | 'sso-start'): void {
  if (accounts.throttle.take([`${count}:${request.ip}`]) > 0) throw fail('rate_limited');
}

/** The callback as registered at the provider, with the query the provider sent (behind a proxy the request's own host may differ). */
function answerUrl(accounts: Accounts, request: FastifyRequest): URL {
  const url = new URL(accounts.ssoCallbackUrl);
  url.search = new URL(request.url, 'http://callback').search;
  return url;
}
