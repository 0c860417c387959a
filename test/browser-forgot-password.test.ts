import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { closeWatched, containsText, launchBrowser, shown, type TestBrowser, type WatchedPage } from './helpers/browser.js';
import { BROWSER_SKIP } from './helpers/browser-suite.js';
import { freePort, serverApi, startServer, type ServerProcess } from './helpers/server-process.js';
import { startSmtpReceiver, type SmtpReceiver } from './helpers/smtp-receiver.js';

const ADMIN = `sb_forgot_${randomBytes(12).toString('hex')}`;

describe('a forgotten password, in Chromium', { skip: BROWSER_SKIP }, () => {
  let dir: string;
  let mailbox: SmtpReceiver;
  let server: ServerProcess;
  let browser: TestBrowser;
  const watched: WatchedPage[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-forgot-'));
    mailbox = await startSmtpReceiver();
    const port = await freePort();
    server = await startServer(['--db', join(dir, 'forgot.db')], ADMIN, {
      port, env: { SWITCHBOARD_SMTP_URL: mailbox.url, SWITCHBOARD_PUBLIC_URL: `http://127.0.0.1:${port}` },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await closeWatched(watched);
    await browser?.close();
    await server?.stop('SIGTERM');
    await mailbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The reset link mailed to `address`, as a path on the server (the worker sends within seconds). */
  async function mailedLink(address: string): Promise<string> {
    for (let waited = 0; waited < 30_000; waited += 200) {
      const mail = mailbox.mails.find((m) => m.to.includes(address));
      const url = mail && /http:\/\/127\.0\.0\.1:\d+\/#\/reset-password\?\S+/.exec(mail.parsed.text ?? '')?.[0];
      if (url) return url.slice(server.base.length);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`No reset mail to ${address} arrived.`);
  }

  it('asks for a link from the sign-in page, sets a new password with it and is signed in', async () => {
    await serverApi(server, ADMIN, 'POST', '/v1/users', { email: 'mia@example.com', name: 'Mia Berg', role: 'supervisor', password: 'an-old-forgotten-password-1' });
    const opened = await browser.newPage();
    watched.push(opened);
    const { page } = opened;
    await page.goto(server.base);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByLabel('E-mail address').fill('mia@example.com');
    await page.getByRole('button', { name: 'Mail me a link' }).click();
    await containsText(page.getByRole('status'), 'mia@example.com');
    await page.goto(`${server.base}${await mailedLink('mia@example.com')}`);
    await page.getByLabel('Password', { exact: true }).fill('a-fresh-remembered-password-2');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await shown(page.getByRole('navigation', { name: 'Main' }));
  });

  it("tells the admin that a reset link made on the Users page was mailed too", async () => {
    const opened = await browser.newPage();
    watched.push(opened);
    const { page } = opened;
    // The browser still holds the session the reset opened; start signed out.
    await page.context().clearCookies();
    await page.goto(server.base);
    await page.getByLabel('API token').fill(ADMIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('navigation', { name: 'Main' }));
    await page.goto(`${server.base}/#/users`);
    await page.getByRole('row', { name: /mia@example\.com/ }).getByRole('button', { name: 'Password reset link' }).click();
    await containsText(page.getByRole('status'), 'It has also been mailed to mia@example.com.');
  });
});
