import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { closeWatched, containsText, launchBrowser, shown, type TestBrowser, type WatchedPage } from './helpers/browser.js';
import { BROWSER_SKIP } from './helpers/browser-suite.js';
import { startOpenIdProvider, type TestOpenIdProvider } from './helpers/openid-provider.js';
import { freePort, serverApi, startServer, type ServerProcess } from './helpers/server-process.js';

const ADMIN = `sb_sso_${randomBytes(12).toString('hex')}`;

const api = <T>(server: ServerProcess, method: string, path: string, body?: unknown) => serverApi<T>(server, ADMIN, method, path, body);

/** Types the login on the provider's own (development) sign-in page and consents. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password will do');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('single sign-on in the dashboard, through a real OpenID provider, in Chromium', { skip: BROWSER_SKIP }, () => {
  let dir: string;
  let server: ServerProcess;
  let provider: TestOpenIdProvider;
  let browser: TestBrowser;
  const watched: WatchedPage[] = [];
  const tab = async () => {
    const opened = await browser.newPage();
    watched.push(opened);
    return opened;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-sso-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    provider = await startOpenIdProvider(`${base}/v1/auth/sso/callback`, {
      ana: { email: 'ana@example.com', email_verified: true, name: 'Ana at the IdP' },
      carol: { email: 'carol@elsewhere.org', email_verified: true, name: 'Carol' },
    });
    server = await startServer(['--db', join(dir, 'sso.db')], ADMIN, { port, env: { SWITCHBOARD_PUBLIC_URL: base } });
    browser = await launchBrowser();
  });
  afterEach(() => closeWatched(watched));
  after(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await provider?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets an admin turn single sign-on on from the Users page', async () => {
    const { page, screenshot } = await tab();
    await page.goto(server.base);
    await page.getByLabel('API token').fill(ADMIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Users' }).click();
    await shown(page.getByText('Single sign-on is off for this workspace.'));
    await page.getByLabel('Name on the button').fill('Example ID');
    await page.getByLabel('Issuer URL').fill(provider.issuer);
    await page.getByLabel('Client ID').fill(provider.clientId);
    await page.getByLabel('Client secret').fill(provider.clientSecret);
    await page.getByLabel('Allowed e-mail domains (comma-separated)').fill('example.com');
    await page.getByRole('button', { name: 'Save single sign-on' }).click();
    await containsText(page.getByRole('status'), 'Saved.');
    await containsText(page.locator('code'), `${server.base}/v1/auth/sso/callback`);
    await screenshot('sso-settings');
    const saved = await api<{ client_secret_set: boolean; allowed_domains: string[] }>(server, 'GET', '/v1/sso/settings');
    assert.deepEqual([saved.client_secret_set, saved.allowed_domains], [true, ['example.com']]);
  });

  it('signs a person in through the provider and shows them their own work', async () => {
    const agent = await api<{ id: string }>(server, 'POST', '/v1/agents', { name: 'Ana Lima', status: 'offline', capacity: { email: 5 } });
    await api(server, 'POST', '/v1/users', { email: 'ana@example.com', name: 'Ana Lima', role: 'agent', agent_id: agent.id });
    const { page, screenshot } = await tab();
    await page.goto(server.base);
    await shown(page.getByRole('link', { name: 'Sign in with Example ID' }));
    await screenshot('sso-sign-in');
    await page.getByRole('link', { name: 'Sign in with Example ID' }).click();
    await signInAtProvider(page, 'ana');
    await shown(page.getByRole('navigation', { name: 'Main' }));
    assert.equal(new URL(page.url()).origin, server.base);

    // Signing in brought her agent online, so new work is routed to her.
    const ticket = await api<{ id: string; title: string }>(server, 'POST', '/v1/tickets', { title: 'VPN drops every hour', channel: 'email' });
    await page.getByRole('link', { name: 'My work' }).click();
    await shown(page.getByRole('heading', { name: "Ana Lima's work", level: 1 }));
    await containsText(page.locator('main'), ticket.title);
    const events = await api<{ data: { type: string }[] }>(server, 'GET', '/v1/audit?limit=20');
    assert.ok(events.data.some((event) => event.type === 'user.signed_in'));

    // On the Users page she is no longer "Invited": she has no password here, and needs none.
    const admin = (await tab()).page;
    await admin.context().clearCookies();
    await admin.goto(server.base);
    await admin.getByLabel('API token').fill(ADMIN);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('link', { name: 'Users' }).click();
    const row = admin.getByRole('row', { name: /ana@example\.com/ });
    await shown(row);
    assert.doesNotMatch((await row.textContent()) ?? '', /invited/i);
  });

  it('shows the refusal on the sign-in page when the domain is not allowed', async () => {
    const { page, screenshot } = await tab();
    await page.context().clearCookies();
    await page.goto(server.base);
    await page.getByRole('link', { name: 'Sign in with Example ID' }).click();
    await signInAtProvider(page, 'carol');
    await containsText(page.getByRole('alert'), 'Your e-mail domain may not sign in to this workspace.');
    await containsText(page.getByRole('alert'), 'sso_domain_not_allowed');
    assert.equal(new URL(page.url()).search, '', 'the code is taken out of the address');
    await screenshot('sso-refused');
    await shown(page.getByRole('button', { name: 'Sign in' }));
  });
});
