import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { containsText, shown } from './helpers/browser.js';
import { BROWSER_SKIP, browserSuite } from './helpers/browser-suite.js';
import { startServer } from './helpers/server-process.js';

const ADMIN = `sb_browser_${randomBytes(12).toString('hex')}`;

describe('template gallery in Chromium', { skip: BROWSER_SKIP }, () => {
  const suite = browserSuite('browser-templates', (dir) => startServer(['--db', join(dir, 'templates.db')], ADMIN));

  const agentCount = async () => {
    const response = await fetch(`${suite.server.base}/v1/agents?limit=200`, { headers: { authorization: `Bearer ${ADMIN}` } });
    return ((await response.json()) as { data: unknown[] }).data.length;
  };

  it('previews a template as a diff, applies it after confirming, runs its scenario, and exports the workspace', async () => {
    const tab = await suite.signedIn(ADMIN);
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
    await shown(page.getByRole('heading', { name: 'Templates', level: 1 }));
    await shown(page.getByRole('heading', { name: 'Field-service dispatch' }));
    await page.getByRole('button', { name: 'Preview IT service desk' }).click();
    const preview = page.getByRole('region', { name: 'Preview: IT service desk' });
    await containsText(preview.getByRole('status').first(), /47 added, 1 changed, 0 unchanged, 1 kept, 0 removed/);
    await shown(preview.getByText('queue:on-call-lead'));
    await tab.screenshot('templates-preview');
    assert.equal(await agentCount(), 0, 'a preview changes nothing');
    await preview.getByRole('button', { name: 'Apply…' }).click();
    await preview.getByRole('button', { name: 'Apply 48 changes to this workspace' }).click();
    await containsText(preview.locator('.notice'), 'Applied it-service-desk 1.0.0');
    await containsText(preview.getByRole('status').filter({ hasText: 'unchanged' }).last(), /0 added, 0 changed, 48 unchanged/);
    assert.equal(await agentCount(), 7);
    await preview.getByRole('button', { name: 'Run its scenario' }).click();
    await shown(preview.getByRole('table').first());
    await containsText(preview.getByRole('table').first(), 'Average speed of answer');
    await tab.screenshot('templates-scenario');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this workspace' }).click()]);
    const saved = join(suite.dir, 'export.json');
    await download.saveAs(saved);
    const bundle = JSON.parse(readFileSync(saved, 'utf8')) as { format: number; agents: unknown[] };
    assert.deepEqual([bundle.format, bundle.agents.length], [1, 7]);
  });
});
