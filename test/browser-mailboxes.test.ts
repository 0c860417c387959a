import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { CHROMIUM, containsText, launchBrowser, shown, type TestBrowser } from './helpers/browser.js';
import { dovecotInstalled, startDovecot, type DovecotServer } from './helpers/dovecot.js';
import { emailFixture } from './helpers/email.js';
import { serverApi, startServer, type ServerProcess } from './helpers/server-process.js';

const ADMIN = `sb_mailboxes_${randomBytes(12).toString('hex')}`;

const skip = !existsSync(CHROMIUM) ? `Chromium is not installed at ${CHROMIUM}` : !dovecotInstalled() ? 'dovecot is not installed' : false;

describe('mailboxes in the dashboard, read by the running server, in Chromium', { skip }, () => {
  let dir: string;
  let server: ServerProcess;
  let browser: TestBrowser;
  let imap: DovecotServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-mailboxes-'));
    imap = await startDovecot();
    server = await startServer(['--db', join(dir, 'mail.db')], ADMIN, { env: { SWITCHBOARD_MAILBOX_ALLOW_PRIVATE: 'true' } });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    await imap?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a mailbox in Finnish, whose mail the server turns into a ticket, and shows its status and test', async () => {
    const { page } = await browser.newPage();
    await page.goto(server.base);
    await page.getByLabel('API token').fill(ADMIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await shown(page.getByRole('navigation', { name: 'Main' }));
    await page.goto(`${server.base}/?lang=fi#/settings/mailboxes`);
    await shown(page.getByRole('heading', { name: 'Lisää postilaatikko' }));
    await page.getByLabel('Palveltava osoite').fill('tuki@example.com');
    await page.getByLabel('IMAP-palvelin').fill('127.0.0.1');
    await page.getByLabel('Portti').fill(String(imap.port));
    await page.getByLabel('Salaus').selectOption('none');
    await page.getByLabel('Käyttäjätunnus').fill(imap.user);
    await page.getByLabel('Salasana').fill(imap.password);
    await page.getByRole('button', { name: 'Lisää postilaatikko' }).click();
    await containsText(page.locator('li'), 'tuki@example.com');
    await containsText(page.locator('li'), 'ei vielä luettu');

    await imap.deliver(emailFixture('new-finnish-attachment.eml'));
    // The server's worker takes up a new mailbox at its next lease renewal, then IDLE brings the mail.
    for (;;) {
      const tickets = await serverApi<{ data: { title: string }[] }>(server, ADMIN, 'GET', '/v1/tickets');
      if (tickets.data.length > 0) {
        assert.equal(tickets.data[0]!.title, 'Laskussa on virhe – päiväys 3.3.');
        break;
      }
      await sleep(200);
    }
    await page.reload();
    await containsText(page.locator('li'), 'luettu viimeksi');
    await page.getByRole('button', { name: 'Testaa kirjautuminen' }).click();
    await containsText(page.getByRole('status'), 'Kirjautuminen onnistui. Viestejä kansiossa: 1.');
    await page.getByRole('button', { name: 'Poista…' }).click();
    await page.getByRole('button', { name: 'Lopeta osoitteen tuki@example.com lukeminen' }).click();
    await shown(page.getByText('Ei vielä postilaatikoita'));
  });
});
