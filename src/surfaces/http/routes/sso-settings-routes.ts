import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { disableSsoCommand, loadSsoSettings, setSsoSettingsCommand } from '../../../commands/users/sso-settings-commands.js';
import { errorResponses } from '../../wire/common-schemas.js';
import { presentSsoSettings } from '../../wire/users/sso-presenter.js';
import { SsoSettingsBody, SsoSettingsOutput } from '../../wire/users/sso-schemas.js';
import type { Accounts } from '../accounts.js';
import { commandContext, type HttpServices } from '../services.js';

const TAGS = ['auth'];

/** An admin's view of the workspace's single sign-on (see docs/security.md#single-sign-on); the client secret never leaves. */
export const ssoSettingsRoutes: FastifyPluginAsyncTypebox<{ services: HttpServices; accounts: Accounts }> = async (app, { services, accounts }) => {
  const { store } = services;
  const present = (settings: Parameters<typeof presentSsoSettings>[0]) => presentSsoSettings(settings, accounts.ssoCallbackUrl);

  app.get('/v1/sso/settings', {
    config: { permission: 'workspace:manage' },
    schema: { tags: TAGS, summary: 'The workspace\'s single sign-on settings (never the client secret)', response: { 200: SsoSettingsOutput, ...errorResponses(401, 403, 404) } },
  }, async (request) => present(await store.read((tx) => loadSsoSettings({ tx, workspaceId: request.principal.workspaceId }))));

  app.put('/v1/sso/settings', {
    config: { permission: 'workspace:manage' },
    schema: {
      tags: TAGS, summary: 'Turn single sign-on on, or change it',
      description: 'A non-https issuer (but on localhost), or no client secret the first time, is a 422 `invalid_value`; nothing is saved.',
      body: SsoSettingsBody, response: { 200: SsoSettingsOutput, ...errorResponses(400, 401, 403, 422) },
    },
  }, async (request) => {
    const body = request.body;
    const saved = await store.transaction((tx) => setSsoSettingsCommand(commandContext(services, request.principal, tx), {
      issuerUrl: body.issuer_url, clientId: body.client_id, clientSecret: body.client_secret, allowedDomains: body.allowed_domains,
      roleClaim: body.role_claim, roleMap: body.role_map, defaultRole: body.default_role, displayName: body.display_name,
    }));
    return present(saved);
  });

  app.delete('/v1/sso/settings', {
    config: { permission: 'workspace:manage' },
    schema: { tags: TAGS, summary: 'Turn single sign-on off (the accounts it made stay)', response: { 204: Type.Null(), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    await store.transaction((tx) => disableSsoCommand(commandContext(services, request.principal, tx)));
    return reply.status(204).send(null);
  });
};
