import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { containsText, hasAttribute, hasText, hasValue, shown } from './helpers/browser.js';
import { BROWSER_SKIP, browserSuite } from './helpers/browser-suite.js';
import { serverApi, startServer } from './helpers/server-process.js';

const ADMIN = `sb_editors_${randomBytes(12).toString('hex')}`;

describe('dashboard editors and shortcuts in Chromium', { skip: BROWSER_SKIP }, () => {
  const suite = browserSuite('editors', (dir) => startServer(['--db', join(dir, 'demo.db')], ADMIN, { demo: true }));
  const api = <T>(method: string, path: string, body?: unknown) => serverApi<T>(suite.server, ADMIN, method, path, body);
  const signedIn = (token = ADMIN) => suite.signedIn(token);

  it('marks a misspelt field in a policy expression, completes a field and saves', async () => {
    const { page, screenshot } = await signedIn();
    await page.getByRole('link', { name: 'Routing policy' }).click();
    const when = page.getByRole('textbox', { name: 'When (over ticket)' }).first();
    await when.fill("ticket.priorty == 'high'");
    await hasAttribute(when, 'aria-invalid', 'true');
    await containsText(page.locator(`[id="${await when.getAttribute('aria-describedby')}"]`), "no field 'priorty'");
    await containsText(page.locator('.cm-lintRange-error'), 'priorty');
    await screenshot('expression-error');
    await when.fill('');
    await when.pressSequentially('ticket.prio');
    const option = page.getByRole('option', { name: /^priority/ });
    await shown(option);
    await screenshot('expression-completion');
    await option.click();
    await when.pressSequentially(" == 'high'");
    await hasAttribute(when, 'aria-invalid', null);
    const before = await api<{ version: number }>('GET', '/v1/routing/policy');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await containsText(page.locator('.versions li').first(), `v${before.version + 1}`);
    const latest = await api<{ policy: { rules: { when: string }[] } }>('GET', '/v1/routing/policy');
    assert.equal(latest.policy.rules[0]?.when, "ticket.priority == 'high'");
    const viewer = await api<{ secret: string }>('POST', '/v1/tokens', { name: 'viewer', role: 'viewer' });
    const { page: readOnly } = await signedIn(viewer.secret);
    await readOnly.getByRole('link', { name: 'Routing policy' }).click();
    await hasAttribute(readOnly.getByRole('textbox', { name: 'When (over ticket)' }).first(), 'contenteditable', 'false');
  });

  it('edits an escalation level in its row, lists a refused one\'s mistake by path, and saves', async () => {
    const { page, screenshot } = await signedIn();
    await page.goto(`${suite.server.base}/#/settings/escalation`);
    const form = page.getByRole('form', { name: 'Edit the escalation config' });
    const level = form.getByRole('group').first();
    await level.getByLabel('Name').fill('Front line');
    await level.getByLabel('Responsible (queue)').fill('nowhere');
    await form.getByRole('button', { name: 'Save escalation config' }).click();
    await containsText(form.getByRole('alert'), '/levels/0/queue');
    await hasAttribute(level.getByLabel('Responsible (queue)'), 'aria-invalid', 'true');
    await screenshot('escalation-editor');
    await level.getByLabel('Responsible (queue)').fill('general');
    await form.getByRole('button', { name: 'Save escalation config' }).click();
    await shown(page.getByRole('region', { name: 'Escalation levels' }).getByRole('rowheader', { name: /· Front line$/ }));
    const saved = await api<{ config: { levels: { name?: string; queue: string }[] } }>('GET', '/v1/escalation');
    assert.deepEqual([saved.config.levels[0]?.name, saved.config.levels[0]?.queue], ['Front line', 'general']);
  });

  it('moves through the ticket list with j and k, opens one with Enter, and lists the shortcuts on ?', async () => {
    const { page, screenshot } = await signedIn();
    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
    const links = page.locator('.tickets-table .ticket-link');
    await shown(links.nth(1));
    const second = await links.nth(1).textContent();
    const search = page.getByRole('searchbox');
    await page.keyboard.press('/');
    await page.keyboard.press('j');
    await hasValue(search, 'j');
    await search.fill('');
    await search.blur();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    await shown(links.nth(1).and(page.locator(':focus')));
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await containsText(help, 'Go to the search');
    await screenshot('shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.keyboard.press('Enter');
    await hasText(page.getByRole('heading', { level: 1 }), second!);
  });
});
