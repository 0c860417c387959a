import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { closeWatched, containsText, launchBrowser, shown, type TestBrowser, type WatchedPage } from './helpers/browser.js';
import { BROWSER_SKIP } from './helpers/browser-suite.js';
import { serverApi, startServer, type ServerProcess } from './helpers/server-process.js';

const ADMIN = `sb_accounts_${randomBytes(12).toString('hex')}`;
const PASSWORD = 'violet-harbour-lantern-42';

const api = <T>(server: ServerProcess, method: string, path: string, body?: unknown) => serverApi<T>(server, ADMIN, method, path, body);

describe('people signing in to the dashboard, in Chromium', { skip: BROWSER_SKIP }, () => {
  let dir: string;
  let server: ServerProcess;
  let browser: TestBrowser;
  let agentId: string;
  const watched: WatchedPage[] = [];
  const tab = async () => {
    const opened = await browser.newPage();
    watched.push(opened);
    return opened.page;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-accounts-'));
    // Behind a (pretend) proxy on loopback, so each tab can be a client address of its own.
    server = await startServer(['--db', join(dir, 'accounts.db')], ADMIN, { env: { SWITCHBOARD_TRUST_PROXY: '127.0.0.1' } });
    browser = await launchBrowser();
    agentId = (await api<{ id: string }>(server, 'POST', '/v1/agents', { name: 'Ana Lima', status: 'available', capacity: { email: 5 } })).id;
  });
  afterEach(() => closeWatched(watched));
  after(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets an invited agent set a password, see their own work, and be named in the history', async () => {
    const person = await api<{ id: string }>(server, 'POST', '/v1/users', { email: 'ana@example.com', name: 'Ana Lima', role: 'agent', agent_id: agentId });
    const link = await api<{ path: string }>(server, 'POST', `/v1/users/${person.id}/invitation`);
    const page = await tab();
    await page.goto(`${server.base}${link.path}`);
    await page.getByLabel('Password').fill('password1234');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await containsText(page.getByRole('alert'), 'weak_password');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await shown(page.getByRole('navigation', { name: 'Main' }));
    assert.equal(await page.getByRole('link', { name: 'Users' }).count(), 0, 'an agent does not manage people');

    const ticket = await api<{ id: string; assignee: string | null }>(server, 'POST', '/v1/tickets', { title: 'Cannot log in to the VPN', channel: 'email' });
    await page.getByRole('link', { name: 'My work' }).click();
    await shown(page.getByRole('heading', { name: "Ana Lima's work", level: 1 }));
    await page.goto(`${server.base}/#/tickets/${ticket.id}`);
    // The conversation loads after the page: wait for it, so the form below it has stopped moving.
    await shown(page.getByText('No replies yet.'));
    await page.getByRole('radio', { name: 'Internal note' }).check();
    await page.getByRole('textbox', { name: 'Internal note' }).fill('Reset the token on the VPN gateway.');
    await page.getByRole('button', { name: 'Send' }).click();
    await containsText(page.locator('.message-internal'), 'Ana Lima');
    const events = await api<{ data: { type: string; actor: { kind: string; name: string } }[] }>(server, 'GET', `/v1/tickets/${ticket.id}/events`);
    const note = events.data.find((event) => event.type === 'comment.added');
    assert.deepEqual(note?.actor, { kind: 'agent', id: agentId, name: 'Ana Lima' });
  });

  it('refuses a change without the CSRF token, signs out everywhere, and signs in with a password', async () => {
    const page = await tab();
    // The browser still holds the session the invitation opened; start from a signed-out one.
    await page.context().clearCookies();
    await page.goto(server.base);
    await page.getByLabel('E-mail address').fill('ana@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('navigation', { name: 'Main' }));
    // A request the page did not make through its client: the cookie goes along, the CSRF token does not.
    const forged = await page.evaluate(async () => {
      const response = await fetch('/v1/tickets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'forged' }) });
      return { status: response.status, body: await response.json() as { error: { code: string } } };
    });
    assert.deepEqual([forged.status, forged.body.error.code], [403, 'csrf_invalid']);
    await page.getByRole('link', { name: 'Profile' }).click();
    await shown(page.getByText('this session'));
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await shown(page.getByLabel('E-mail address'));
    const after = await page.evaluate(async () => (await fetch('/v1/me')).status);
    assert.equal(after, 401, 'the cookie no longer opens anything');

    const people = await api<{ data: { id: string; email: string }[] }>(server, 'GET', '/v1/users');
    const ana = people.data.find((person) => person.email === 'ana@example.com')!;
    const reset = await api<{ path: string }>(server, 'POST', `/v1/users/${ana.id}/password-reset`);
    await page.goto(`${server.base}${reset.path}`);
    await shown(page.getByRole('heading', { name: 'Choose a new password' }));
    await page.getByLabel('Password', { exact: true }).fill('quiet-meadow-copper-77');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await shown(page.getByRole('navigation', { name: 'Main' }));
  });

  it('keeps a person\'s language and time zone: Finnish labels and a ticket\'s time on the clock of Tehran', async () => {
    await api(server, 'POST', '/v1/users', { email: 'eeva@example.com', name: 'Eeva', role: 'viewer', password: PASSWORD });
    const ticket = await api<{ id: string; created_at: string }>(server, 'POST', '/v1/tickets', { title: 'Tulostin ei tulosta', channel: 'email' });
    const page = await tab();
    await page.context().clearCookies();
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.13' });
    await page.goto(server.base);
    await page.getByLabel('E-mail address').fill('eeva@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Profile' }).click();
    const form = page.getByRole('form', { name: 'Language and time zone' });
    await form.getByLabel('Preferred language').selectOption('fi');
    await form.getByLabel('Time zone').selectOption('Asia/Tehran');
    await form.getByRole('button', { name: 'Save language and time zone' }).click();
    // The page turns Finnish at once, the form's own name and its confirmation too.
    const saved = page.getByRole('form', { name: 'Kieli ja aikavyöhyke' });
    await containsText(saved.getByRole('status'), 'Kieli ja aikavyöhyke tallennettu.');
    await shown(page.getByRole('link', { name: 'Profiili' }));
    await watched.at(-1)!.screenshot('profile-preferences-fi');

    // A new page load: the language and zone come from the account, not from this tab.
    await page.goto(`${server.base}/#/tickets/${ticket.id}`);
    await shown(page.getByRole('link', { name: 'Tiketit' }));
    const created = page.locator('dt:text-is("Luotu") + dd');
    const tehran = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Tehran', day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(ticket.created_at)).map((part) => [part.type, part.value]));
    // Finnish writes 7.12.2026 klo 6.37; Tehran is 3 h 30 min ahead of UTC, so no whole-hour zone shows these minutes.
    await containsText(created, `${Number(tehran.day)}.${Number(tehran.month)}.${tehran.year}`);
    await containsText(created, `${Number(tehran.hour)}.${tehran.minute}`);
    const me = await page.evaluate(async () => (await fetch('/v1/me')).json() as Promise<{ language: string; time_zone: string }>);
    assert.deepEqual([me.language, me.time_zone], ['fi', 'Asia/Tehran']);

    // The address still chooses a language for one look, over the account's.
    await page.goto(`${server.base}/?lang=en#/tickets/${ticket.id}`);
    await shown(page.locator('dt:text-is("Created")'));
  });

  it('names the two language controls apart and keeps the profile within a phone\'s width', async () => {
    await api(server, 'POST', '/v1/users', { email: 'pia@example.com', name: 'Pia', role: 'agent', password: PASSWORD });
    const opened = await browser.newPage({ width: 390, height: 844 });
    watched.push(opened);
    const { page } = opened;
    await page.context().clearCookies();
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.14' });
    await page.goto(server.base);
    await page.getByLabel('E-mail address').fill('pia@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.goto(`${server.base}/#/profile`);
    await shown(page.locator('td.user-agent'));
    assert.equal(await page.getByRole('combobox', { name: 'Language', exact: true }).count(), 1, 'only the header\'s switcher is named Language');
    assert.equal(await page.getByRole('combobox', { name: 'Preferred language', exact: true }).count(), 1);
    const widths = await page.evaluate<number[]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
    assert.ok(widths[0]! <= widths[1]!, `the page is ${widths[0]} px wide on a ${widths[1]} px screen`);
    await opened.screenshot('profile-phone');
  });

  it('refuses the 11th wrong password in a minute before checking it', async () => {
    await api(server, 'POST', '/v1/users', { email: 'bo@example.com', name: 'Bo', role: 'viewer', password: PASSWORD });
    const page = await tab();
    await page.context().clearCookies();
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.11' });
    await page.goto(server.base);
    await page.getByLabel('E-mail address').fill('bo@example.com');
    for (let attempt = 1; attempt <= 11; attempt++) {
      await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await containsText(page.getByRole('alert'), attempt <= 10 ? 'sign_in_failed' : 'rate_limited');
      await page.getByLabel('Password').fill('');
    }
    const audit = await api<{ data: { type: string; data: { email?: string } }[] }>(server, 'GET', '/v1/audit?limit=100');
    const checked = audit.data.filter((event) => event.type === 'user.sign_in_failed' && event.data.email === 'bo@example.com');
    assert.equal(checked.length, 10, 'the eleventh never reached the password check');
  });

  it('lets an admin issue an API token, owned by them, and revoke it', async () => {
    await api(server, 'POST', '/v1/users', { email: 'lee@example.com', name: 'Lee Admin', role: 'admin', password: PASSWORD });
    const page = await tab();
    await page.context().clearCookies();
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.12' });
    await page.goto(server.base);
    await page.getByLabel('E-mail address').fill('lee@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Users' }).click();
    const panel = page.getByRole('region', { name: 'API tokens' });
    await panel.getByLabel('Name').fill('Reporting export');
    await panel.getByLabel('Role').selectOption('viewer');
    await panel.getByRole('button', { name: 'Issue token' }).click();
    const secret = (await panel.locator('code').textContent())!.trim();
    const asToken = (token: string) => fetch(`${server.base}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const me = await (await asToken(secret)).json() as { role: string; token_name: string; email: string | null };
    assert.deepEqual([me.role, me.token_name, me.email], ['viewer', 'Reporting export', 'lee@example.com'], 'the token works with its role and names its owner');
    await panel.getByRole('row', { name: /Reporting export/ }).getByRole('button', { name: 'Revoke' }).click();
    await containsText(panel.getByRole('status'), 'Reporting export revoked.');
    assert.equal((await asToken(secret)).status, 401);
  });
});
