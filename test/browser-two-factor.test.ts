import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { authenticatorCode } from './helpers/authenticator.js';
import { closeWatched, containsText, launchBrowser, shown, type TestBrowser, type WatchedPage } from './helpers/browser.js';
import { BROWSER_SKIP } from './helpers/browser-suite.js';
import { serverApi, startServer, type ServerProcess } from './helpers/server-process.js';

const ADMIN = `sb_two_factor_${randomBytes(12).toString('hex')}`;
const PASSWORD = 'violet-harbour-lantern-42';
const STEP_MS = 30_000;

const api = <T>(server: ServerProcess, method: string, path: string, body?: unknown) => serverApi<T>(server, ADMIN, method, path, body);

/**
 * The "Done when", for password and TOTP: an invited agent enrols an authenticator app at
 * their first sign-in (their role must have it), works as themselves, signs in on a second device
 * with a code, signs out everywhere, and the browser's cross-site and CSRF defences hold.
 */
describe('two-factor sign-in in the dashboard, in Chromium', { skip: BROWSER_SKIP }, () => {
  let dir: string;
  let server: ServerProcess;
  let browser: TestBrowser;
  let otherDevice: TestBrowser;
  let agentId: string;
  let secret: string;
  let recoveryCodes: string[];
  const watched: WatchedPage[] = [];
  const tab = async (on = browser) => {
    const opened = await on.newPage();
    watched.push(opened);
    return opened.page;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-two-factor-'));
    server = await startServer(['--db', join(dir, 'two-factor.db')], ADMIN);
    browser = await launchBrowser();
    otherDevice = await launchBrowser();
    agentId = (await api<{ id: string }>(server, 'POST', '/v1/agents', { name: 'Tuva Berg', status: 'available', capacity: { email: 5 } })).id;
  });
  afterEach(() => closeWatched(watched));
  after(async () => {
    await browser?.close();
    await otherDevice?.close();
    await server?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  /** The code the person's app shows `stepsAhead` steps from now (the server accepts one step either side). */
  const appCode = (stepsAhead = 0) => authenticatorCode(secret, Date.now() + stepsAhead * STEP_MS);

  async function signInWithPasswordAndCode(page: Page, code: string): Promise<void> {
    await page.goto(server.base);
    await page.getByLabel('E-mail address').fill('tuva@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('heading', { name: 'Two-factor sign-in' }));
    await page.getByLabel('Code from your authenticator app').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await shown(page.getByRole('navigation', { name: 'Main' }));
  }

  it('lets an admin require two-factor of agents on the Users page', async () => {
    const page = await tab();
    await page.goto(server.base);
    await page.getByLabel('API token').fill(ADMIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('checkbox', { name: 'agent' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await shown(page.getByText('Saved.'));
    assert.deepEqual(await api(server, 'GET', '/v1/auth/two-factor-policy'), { required_roles: ['agent'] });
  });

  it('has an invited agent enrol an app right after the password, then work as themselves', async () => {
    const person = await api<{ id: string }>(server, 'POST', '/v1/users', { email: 'tuva@example.com', name: 'Tuva Berg', role: 'agent', agent_id: agentId });
    const link = await api<{ path: string }>(server, 'POST', `/v1/users/${person.id}/invitation`);
    const page = await tab();
    await page.goto(`${server.base}${link.path}`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await shown(page.getByRole('heading', { name: 'Set up two-factor sign-in' }));
    await shown(page.getByRole('img', { name: 'QR code of the new two-factor secret' }));
    assert.equal(await page.evaluate(() => fetch('/v1/me').then((r) => r.status)), 401, 'no session before the second step');
    secret = (await page.locator('.two-factor-enrolment code').textContent())!.trim();
    await page.getByLabel('Code shown by the app').fill(appCode());
    await page.getByRole('button', { name: 'Verify' }).click();
    await shown(page.getByText('Your recovery codes.', { exact: false }));
    recoveryCodes = (await page.locator('.recovery-codes li').allTextContents()).map((code) => code.trim());
    assert.equal(recoveryCodes.length, 10);
    await page.getByRole('button', { name: 'I have saved them, continue' }).click();
    await shown(page.getByRole('navigation', { name: 'Main' }));

    const ticket = await api<{ id: string; assignee: string | null }>(server, 'POST', '/v1/tickets', { title: 'Printer jams on tray 2', channel: 'email' });
    assert.equal(ticket.assignee, agentId);
    await page.getByRole('link', { name: 'My work' }).click();
    await shown(page.getByRole('heading', { name: "Tuva Berg's work", level: 1 }));
    await shown(page.getByRole('link', { name: /Printer jams on tray 2/ }));
    await page.goto(`${server.base}/#/tickets/${ticket.id}`);
    await shown(page.getByText('No replies yet.'));
    await page.getByRole('radio', { name: 'Internal note' }).check();
    await page.getByRole('textbox', { name: 'Internal note' }).fill('Tray 2 roller replaced.');
    await page.getByRole('button', { name: 'Send' }).click();
    await containsText(page.locator('.message-internal'), 'Tuva Berg');
    const events = await api<{ data: { type: string; actor: { kind: string; id: string; name: string } }[] }>(server, 'GET', `/v1/tickets/${ticket.id}/events`);
    assert.deepEqual(events.data.find((event) => event.type === 'comment.added')?.actor, { kind: 'agent', id: agentId, name: 'Tuva Berg' });
  });

  it('signs in on a second device with password and code, and signing out everywhere ends that session too', async () => {
    const laptop = await tab(otherDevice);
    // The next step's code: the enrolment's own code is never accepted a second time.
    await signInWithPasswordAndCode(laptop, appCode(1));
    const phone = await tab();
    await phone.goto(`${server.base}/#/profile`);
    await shown(phone.getByText('Two-factor sign-in is on. Recovery codes left: 10.'));
    await phone.getByRole('button', { name: 'Sign out everywhere' }).click();
    await shown(phone.getByLabel('E-mail address'));
    assert.equal(await laptop.evaluate(() => fetch('/v1/me').then((r) => r.status)), 401, 'the other device is signed out');
    assert.equal(await phone.evaluate(() => fetch('/v1/me').then((r) => r.status)), 401);
  });

  it('refuses a change without the CSRF token and a cross-site form post, creating nothing', async () => {
    const page = await tab();
    // A recovery code: the app's next codes were used up by the sign-ins above.
    await signInWithPasswordAndCode(page, recoveryCodes[0]!);
    const forged = await page.evaluate(async () => {
      const response = await fetch('/v1/tickets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'forged same-site' }) });
      return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code };
    });
    assert.deepEqual(forged, { status: 403, code: 'csrf_invalid' });
    // Another site's page posting a form to the API, as a CSRF attack would: the browser sends no
    // Lax cookie with it, and the API reads no form bodies anyway.
    await page.route('http://attacker.test/**', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<form method="post" action="${server.base}/v1/tickets" enctype="text/plain"><input name='{"title":"cross-site","x":"' value='"}'></form>
        <script>document.forms[0].submit()</script>`,
    }));
    const answer = page.waitForResponse(`${server.base}/v1/tickets`);
    await page.goto('http://attacker.test/');
    assert.ok((await answer).status() >= 400, 'the cross-site post was refused');
    const tickets = await api<{ data: { title: string }[] }>(server, 'GET', '/v1/tickets?limit=100');
    assert.deepEqual(tickets.data.map((t) => t.title).filter((title) => title.includes('forged') || title.includes('cross-site')), []);
  });
});
