import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person the test provider knows, by the login typed on its (development) sign-in page. */
export interface ProviderAccount {
  email: string;
  email_verified: boolean;
  name: string;
  groups?: string[];
}

/** A real OpenID provider (`oidc-provider`) on 127.0.0.1, with one confidential client that must use PKCE. */
export interface TestOpenIdProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export const TEST_CLIENT_ID = 'switchboard';

/**
 * Starts the provider on an ephemeral port. Its built-in development pages ask for any login and
 * password, then for consent; the login names the account in `accounts`.
 */
export async function startOpenIdProvider(redirectUri: string, accounts: Record<string, ProviderAccount>): Promise<TestOpenIdProvider> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientSecret = 'a-client-secret-only-this-test-knows';
  const provider = new Provider(issuer, {
    clients: [{
      client_id: TEST_CLIENT_ID, client_secret: clientSecret, redirect_uris: [redirectUri],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post',
    }],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    cookies: { keys: ['test-provider-cookie-key'] },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      return account && { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer, clientId: TEST_CLIENT_ID, clientSecret,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
