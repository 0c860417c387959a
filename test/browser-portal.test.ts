import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openStore } from '../src/adapters/store/open-store.js';
import { mintRequesterLink } from '../src/commands/portal/requester-links.js';
import { closeWatched, containsText, hasValue, launchBrowser, shown, type TestBrowser, type WatchedPage } from './helpers/browser.js';
import { BROWSER_SKIP } from './helpers/browser-suite.js';
import { HARDWARE_TYPE, INTERNAL_TYPE, QUESTION_TYPE } from './helpers/portal-fixtures.js';
import { serverApi, startServer, type ServerProcess } from './helpers/server-process.js';
import { startSmtpReceiver, type SmtpReceiver } from './helpers/smtp-receiver.js';

const ADMIN = `sb_portal_${randomBytes(12).toString('hex')}`;
const DESKTOP = { width: 1366, height: 850 };
const PHONE = { width: 390, height: 844 };
const DAY = 24 * 3600 * 1000;
const XSS = ['<script>window.__xss = 1; alert(1)</script>', '<img src=x onerror="window.__xss = 2; alert(2)">', '<svg onload="window.__xss = 3; alert(3)">'];

interface Request {
  title: string;
  description: string;
  serial: string;
  name: string;
  email: string;
}

describe('requester portal in Chromium', { skip: BROWSER_SKIP }, () => {
  let dir: string;
  let server: ServerProcess;
  let browser: TestBrowser;
  let mailbox: SmtpReceiver;
  let agentId: string;
  let agentToken: string;
  const watched: WatchedPage[] = [];
  const api = <T>(method: string, path: string, body?: unknown) => serverApi<T>(server, ADMIN, method, path, body);

  async function open(path: string, size = DESKTOP): Promise<WatchedPage> {
    const tab = await browser.newPage(size);
    watched.push(tab);
    await tab.page.goto(`${server.base}${path}`);
    return tab;
  }

  /** Fills in the form as a person would (hardware type, its fields), sends it and follows the link to the status page. */
  async function submitThroughForm(page: Page, request: Request): Promise<string> {
    await page.getByLabel('Type of request').selectOption('question');
    assert.equal(await page.getByLabel(/Serial number/).count(), 0, 'the question type has no serial number');
    await page.getByLabel('Type of request').selectOption('hardware');
    await shown(page.getByLabel(/Serial number/));
    await page.getByLabel(/Subject/).fill(request.title);
    await page.getByLabel(/Describe what you need/).fill(request.description);
    await page.getByLabel(/Serial number/).fill(request.serial);
    await page.getByLabel(/^Device/).selectOption('laptop');
    await page.getByLabel(/Your name/).fill(request.name);
    await page.getByLabel(/Your e-mail address/).fill(request.email);
    await page.getByRole('button', { name: 'Send request' }).click();
    await shown(page.getByRole('heading', { name: 'We have received your request' }));
    await containsText(page.locator('.sent'), request.email);
    await page.getByRole('link', { name: 'Follow your request' }).click();
    await shown(page.getByRole('heading', { name: /Your request/ }));
    return new URL(page.url()).pathname.split('/').at(-1)!;
  }

  /** The dashboard's page of a ticket, signed in with the admin token. */
  async function dashboardTicket(ticketId: string): Promise<WatchedPage> {
    const tab = await open('/');
    await tab.page.getByLabel('API token').fill(ADMIN);
    await tab.page.getByRole('button', { name: 'Sign in' }).click();
    await shown(tab.page.getByRole('navigation', { name: 'Main' }));
    await tab.page.goto(`${server.base}/#/tickets/${ticketId}`);
    return tab;
  }

  /** An agent sees the rating on the ticket page, and the dashboard's navigation follows its language picker. */
  async function seenOnDashboard(ticketId: string): Promise<void> {
    const { page, screenshot } = await dashboardTicket(ticketId);
    await shown(page.getByRole('region', { name: "Requester's rating" }).getByText('4 of 5'));
    await shown(page.getByText('Quick and friendly.'));
    await screenshot('dashboard-rating');
    await page.getByLabel('Language').selectOption('fi');
    await shown(page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Tiketit' }));
    await shown(page.getByRole('region', { name: 'Pyytäjän arvio' }).getByText('4/5'));
  }

  /** The link of the first mail to `address` whose subject matches, as a path on the test server (the worker sends within seconds). */
  async function linkInMail(address: string, subject: RegExp, link: RegExp): Promise<string> {
    for (let waited = 0; waited < 30_000; waited += 200) {
      const mail = mailbox.mails.find((m) => m.to.includes(address) && subject.test(m.parsed.subject ?? ''));
      const url = mail && link.exec(mail.parsed.text ?? '')?.[0];
      if (url) return new URL(url).pathname + new URL(url).search;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`No mail to ${address} matching ${subject} arrived.`);
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-portal-'));
    mailbox = await startSmtpReceiver();
    server = await startServer(['--db', join(dir, 'demo.db')], ADMIN, { demo: true, env: { SWITCHBOARD_SMTP_URL: mailbox.url } });
    browser = await launchBrowser();
    for (const type of [HARDWARE_TYPE, QUESTION_TYPE, INTERNAL_TYPE]) await api('PUT', `/v1/ticket-types/${type.name}`, type);
    await api('POST', '/v1/kb/articles', { title: 'Restart a frozen laptop', body: 'Hold the power button for ten seconds, then start it again.', published: true });
    agentId = (await api<{ data: { id: string }[] }>('GET', '/v1/agents?status=available&limit=1')).data[0]!.id;
    agentToken = (await api<{ secret: string }>('POST', '/v1/tokens', { name: 'portal agent', role: 'agent', agent_id: agentId })).secret;
  });

  afterEach(() => closeWatched(watched));

  after(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await mailbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, size] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`takes a request through the form on a ${name}: fields follow the type, an article is suggested, the proof of work passes`, async () => {
      const tab = await open('/portal/default?lang=en', size);
      const { page } = tab;
      await shown(page.getByRole('heading', { name: 'Send a request to Default workspace' }));
      await page.getByLabel(/Subject/).fill('My laptop is frozen');
      await shown(page.getByText('Restart a frozen laptop'));
      await tab.screenshot(`portal-form-${name}`);
      const token = await submitThroughForm(page, { title: 'My laptop is frozen', description: 'It does not restart.', serial: 'SN-42', name: 'Ana', email: 'ana@example.com' });
      assert.match(token, /^v1\./);
      // The demo's policy routes the request at once: it is received, or already assigned.
      await shown(page.locator('.progress-steps li[aria-current="step"]', { hasText: /Received|Assigned/ }));
      await tab.screenshot(`portal-status-${name}`);
    });
  }

  it('counts an article that solved the problem', async () => {
    const { page } = await open('/portal/default?lang=en');
    await page.getByLabel(/Subject/).fill('Frozen laptop again');
    await page.getByText('Restart a frozen laptop').click();
    await page.getByRole('button', { name: 'This solved my problem' }).click();
    await shown(page.getByText('Glad it helped!'));
    const to = new Date(Date.now() + 60_000).toISOString();
    const report = await api<{ deflections: number }>('GET', `/v1/metrics?to=${to}`);
    assert.equal(report.deflections, 1);
  });

  it('follows the e-mailed link, lets the requester reply, and rates the resolution only once they confirm the rating the e-mail link chose', async () => {
    const form = await open('/portal/default?lang=en');
    await submitThroughForm(form.page, { title: 'Printer on fire', description: 'Smoke everywhere.', serial: 'PR-1', name: 'Ben', email: 'ben@example.com' });
    const emailed = await linkInMail('ben@example.com', /^We have received your request: Printer on fire/, /\S+\/portal\/default\/status\/\S+/);
    const { page, screenshot } = await open(emailed);
    await shown(page.getByRole('heading', { name: /Your request/ }));
    await page.getByLabel('Your reply').fill('It is getting worse.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await shown(page.locator('.reply-requester', { hasText: 'It is getting worse.' }));
    const ticketId = (await page.locator('.reference').textContent())!.trim();
    // The agent takes the request, answers it and resolves it through the API, with their own token.
    await api('PATCH', `/v1/tickets/${ticketId}`, { assignee: agentId, status: 'in_progress' });
    await serverApi(server, agentToken, 'POST', `/v1/tickets/${ticketId}/comments`, { body: 'We put it out. All good now.' });
    await serverApi(server, agentToken, 'PATCH', `/v1/tickets/${ticketId}`, { status: 'resolved' });
    const rateFour = await linkInMail('ben@example.com', /^Your request has been resolved: Printer on fire/, /\S+\/portal\/default\/status\/\S+\?rate=4/);
    await page.goto(`${server.base}${rateFour}`);
    await shown(page.getByText('We put it out. All good now.'));
    await shown(page.getByText('Press Send rating to confirm your choice.'));
    assert.equal(await page.getByLabel('4 – Good').isChecked(), true);
    assert.deepEqual((await api<{ data: unknown[] }>('GET', `/v1/tickets/${ticketId}/ratings`)).data, [], 'opening the link rated nothing');
    await page.getByLabel(/Anything you want to add/).fill('Quick and friendly.');
    await page.getByRole('button', { name: 'Send rating' }).click();
    await shown(page.getByText('You rated this 4 of 5.'));
    await screenshot('portal-rated');
    const ratings = (await api<{ data: { score: number; comment: string }[] }>('GET', `/v1/tickets/${ticketId}/ratings`)).data;
    assert.deepEqual(ratings.map((r) => [r.score, r.comment]), [[4, 'Quick and friendly.']]);
    await seenOnDashboard(ticketId);
  });

  it('refuses a forged and an expired link and an unknown workspace with a clear page in the requester\'s language; unsubscribing asks first', async () => {
    const forged = await open('/portal/default/status/v1.eyJ4IjoxfQ.AAAA?lang=en');
    await shown(forged.page.getByRole('heading', { name: 'This link does not work' }));
    const tickets = await api<{ data: { id: string }[] }>('GET', '/v1/tickets?limit=1');
    const store = openStore({ kind: 'sqlite', file: join(dir, 'demo.db') });
    const expired = await store.transaction(async (tx) => {
      const workspace = (await tx.workspaces.getBySlug('default'))!;
      return mintRequesterLink({ workspaceId: workspace.id, clock: { now: () => Date.now() - 2 * DAY }, tx }, 'status', tickets.data[0]!.id, DAY);
    });
    await store.close();
    const tab = await open(`/portal/default/status/${expired}?lang=sv`);
    await shown(tab.page.getByRole('heading', { name: 'Den här länken har gått ut' }));
    await tab.screenshot('portal-link-expired');
    const nowhere = await open('/portal/nobody?lang=en');
    await shown(nowhere.page.getByText('There is no service desk at this address.'));
    // The unsubscribe link of an e-mail asks first: a mail scanner that opens it changes nothing.
    const unsubscribe = await open('/portal/default/unsubscribe/v1.e30.AAAA?lang=fi');
    await shown(unsubscribe.page.getByRole('heading', { name: 'Lopeta pyyntöjäsi koskevat sähköpostit' }));
    await shown(unsubscribe.page.getByRole('button', { name: 'Lopeta sähköpostit' }));
  });

  it('shows every payload of the XSS corpus as text, in every field', async () => {
    for (const payload of XSS) {
      const { page } = await open('/portal/default?lang=en');
      await submitThroughForm(page, { title: `T ${payload}`, description: `D ${payload}`, serial: payload.slice(0, 40), name: `N ${payload}`.slice(0, 200), email: 'x@example.com' });
      await page.getByLabel('Your reply').fill(`R ${payload}`);
      await page.getByRole('button', { name: 'Send reply' }).click();
      await shown(page.locator('.reply-requester', { hasText: `R ${payload}` }));
      await shown(page.locator('.request-title', { hasText: `T ${payload}` }));
      await shown(page.locator('.reply-body', { hasText: `D ${payload}` }));
      await shown(page.locator('.request-details dd', { hasText: payload.slice(0, 40) }));
      // The name is not shown to the requester; agents see it, as text, on the ticket page.
      const ticketId = (await page.locator('.reference').textContent())!.trim();
      const agentView = await dashboardTicket(ticketId);
      await shown(agentView.page.getByText(`N ${payload}`.slice(0, 200)).first());
    }
  });

  it('speaks Finnish to a Finnish requester, and the status page keeps the request\'s language', async () => {
    const tab = await open('/portal/default?lang=fi', PHONE);
    const { page } = tab;
    await shown(page.getByRole('heading', { name: 'Lähetä pyyntö: Default workspace' }));
    await page.getByLabel('Pyynnön tyyppi').selectOption('hardware');
    await shown(page.getByLabel(/Sarjanumero/));
    await page.getByLabel(/Aihe/).fill('Näyttö ei toimi');
    await page.getByLabel(/Kuvaile, mitä tarvitset/).fill('Kannettavan näyttö on musta.');
    await page.getByLabel(/Sarjanumero/).fill('FI-7');
    await page.getByLabel(/^Laite/).selectOption('laptop');
    await page.getByLabel(/Nimesi/).fill('Aino');
    await page.getByLabel(/Sähköpostiosoitteesi/).fill('aino@example.fi');
    await page.getByRole('button', { name: 'Lähetä pyyntö' }).click();
    await shown(page.getByRole('heading', { name: 'Olemme vastaanottaneet pyyntösi' }));
    const href = await page.getByRole('link', { name: 'Seuraa pyyntöäsi' }).getAttribute('href');
    await tab.screenshot('portal-sent-fi');
    const plain = await open(href!.replace(/\?.*$/, ''), PHONE);
    await shown(plain.page.getByRole('heading', { name: /Pyyntösi/ }));
    await shown(plain.page.getByText('Vastaanotettu'));
    await hasValue(plain.page.getByLabel('Kieli'), 'fi');
    await plain.screenshot('portal-status-fi');
  });
});
