import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { gone, shown } from './helpers/browser.js';
import { BROWSER_SKIP, browserSuite } from './helpers/browser-suite.js';
import { serverApi, startServer } from './helpers/server-process.js';

const ADMIN = `sb_axe_${randomBytes(12).toString('hex')}`;
const SIZES = { desk: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
/** axe-core from node_modules, evaluated in the page (over the debugging protocol, so the page's CSP does not apply). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every page of the dashboard; a ticket's page is added once the demo's first ticket is known. */
const PAGES = [
  '#/', '#/tickets', '#/console', '#/policy', '#/reports', '#/simulator', '#/templates', '#/users', '#/profile',
  ...['agents', 'types', 'sla', 'hours', 'automations', 'escalation', 'canned', 'kb'].map((tab) => `#/settings/${tab}`),
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const LANGUAGES = ['en', 'fi', 'zh'] as const;
/** A heading of the reports page in each language, from the catalogues, to see the page is in it. */
const LEADERBOARD = { en: 'Agent leaderboard', fi: 'Agenttien tulostaulu', zh: '客服排行榜' } as const;
/** What a page shows while it loads, in each language (`dashboard.loading`). */
const LOADING = { en: 'Loading…', fi: 'Ladataan…', zh: '加载中…' } as const;
/** A catalogue key shown instead of its message (`dashboard.reports.no_data`): a string the catalogues lack. */
const RAW_KEY = /\b(?:dashboard|account|portal)\.[a-z_]+\.[a-z_.]+\b/;

/** The serious and critical violations axe finds on the page as it is now, and any raw catalogue key shown, one line each. */
async function findings(page: Page, where: string): Promise<string[]> {
  const rawKey = RAW_KEY.exec(await page.locator('body').innerText());
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<Violation[]>('window.axe.run(document).then((r) => r.violations)');
  return [
    ...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
    ...(rawKey ? [`${where}: the key ${rawKey[0]} is shown raw`] : []),
  ];
}

describe('dashboard accessibility (axe-core)', { skip: BROWSER_SKIP }, () => {
  const suite = browserSuite('axe', (dir) => startServer(['--db', join(dir, 'demo.db')], ADMIN, { demo: true }));
  let ticketPage: string;

  before(async () => {
    const tickets = await serverApi<{ data: { id: string }[] }>(suite.server, ADMIN, 'GET', '/v1/tickets?limit=1');
    ticketPage = `#/tickets/${tickets.data[0]!.id}`;
  });

  for (const lang of LANGUAGES) {
    for (const [name, size] of Object.entries(SIZES)) {
      it(`finds no serious or critical violation and no raw message key on every page, ${lang}, ${name} (${size.width}×${size.height})`, async () => {
        const tab = await suite.tab(size);
        const { page } = tab;
        // The language is chosen once in the address; later hash routes keep the same document and language.
        await page.goto(`${suite.server.base}/?lang=${lang}`);
        await shown(page.locator('input[name=token]'));
        const found = await findings(page, 'sign-in');
        await page.locator('input[name=token]').fill(ADMIN);
        await page.locator('button[type=submit]').click();
        await shown(page.locator('#main'));
        for (const path of [...PAGES, ticketPage]) {
          await page.goto(`${suite.server.base}/?lang=${lang}${path}`);
          await shown(page.locator('#main h1').first());
          await gone(page.locator('#main [role=status]', { hasText: LOADING[lang] }));
          if (path === '#/reports') {
            await shown(page.getByRole('heading', { name: LEADERBOARD[lang] }));
            await tab.screenshot(`reports-${lang}-${name}`);
          }
          found.push(...(await findings(page, path)));
          if (path === '#/tickets') {
            await page.keyboard.press('?');
            await shown(page.getByRole('dialog'));
            found.push(...(await findings(page, `${path} (shortcuts)`)));
            await page.keyboard.press('Escape');
          }
        }
        assert.equal(await page.evaluate('document.documentElement.lang'), lang === 'zh' ? 'zh-Hans' : lang);
        assert.deepEqual(found, []);
      });
    }
  }
});
