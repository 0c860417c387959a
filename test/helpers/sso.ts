import assert from 'node:assert/strict';
import type { TestBackend } from './backends.js';
import { startTestApi, type TestApi, type TestApiOptions } from './http.js';
import { startOpenIdProvider, type ProviderAccount, type TestOpenIdProvider } from './openid-provider.js';
import type { RedirectClient } from './redirect-client.js';
import { freePort } from './server-process.js';

/** The API listening on a real port, its workspace signing in through a real OpenID provider. */
export interface SsoDesk {
  api: TestApi;
  provider: TestOpenIdProvider;
  /** Where browsers reach the API (its SWITCHBOARD_PUBLIC_URL). */
  base: string;
  close(): Promise<void>;
}

/** The settings the desk starts with: example.com let in, the `groups` claim mapping leads to supervisors. */
export const SSO_SETTINGS = {
  allowed_domains: ['example.com'], role_claim: 'groups', role_map: { 'desk-leads': 'supervisor', 'desk-admins': 'admin' },
  default_role: 'agent', display_name: 'Example ID',
};

export async function startSsoDesk(backend: TestBackend, accounts: Record<string, ProviderAccount>, options: TestApiOptions = {}): Promise<SsoDesk> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const provider = await startOpenIdProvider(`${base}/v1/auth/sso/callback`, accounts);
  const api = await startTestApi(backend, { ...options, accounts: { publicUrl: base, signInPerMinute: 1000 } });
  await api.app.listen({ port, host: '127.0.0.1' });
  const saved = await api.call('PUT', '/v1/sso/settings', {
    body: { ...SSO_SETTINGS, issuer_url: provider.issuer, client_id: provider.clientId, client_secret: provider.clientSecret },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  return {
    api, provider, base,
    async close() {
      await api.close();
      await provider.close();
    },
  };
}

/**
 * Goes through single sign-on as a browser: the start, the provider's login page (typing `login`),
 * its consent page, and back; returns the address the API sent the browser to at the end.
 */
export async function signInThroughProvider(desk: SsoDesk, client: RedirectClient, login: string, beforeCallback?: () => void): Promise<URL> {
  const callback = (next: URL) => next.origin === desk.base && next.pathname === '/v1/auth/sso/callback';
  const backHome = (next: URL) => (next.origin === desk.base && !next.pathname.startsWith('/v1/')) || (beforeCallback !== undefined && callback(next));
  let step = await client.follow(`${desk.base}/v1/auth/sso/main/start`, {}, backHome);
  for (let pages = 0; step.response; pages += 1) {
    assert.ok(pages < 4, `the provider kept asking: ${step.url.href}`);
    const html = await step.response.text();
    assert.equal(step.response.status, 200, html.slice(0, 500));
    const fields: Record<string, string> = html.includes('name="login"') ? { login, password: 'anything' } : {};
    step = await client.submitForm({ url: step.url, html }, fields, backHome);
  }
  if (!callback(step.url)) return step.url;
  beforeCallback!();
  return (await client.follow(step.url.href, {}, backHome)).url;
}
