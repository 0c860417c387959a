import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** The distribution's Chromium; CI installs it with apt-get (see .ci/run). */
export const CHROMIUM = process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic',
];

/** Where browser tests leave their screenshots (ignored by git). */
export const SCREENSHOT_DIR = join('test-output', 'screenshots');

/** One headless Chromium with a fresh profile, shared by the tests of a file. */
export interface TestBrowser {
  /** A new tab that records dialogs, page errors and content-security-policy violations. */
  newPage(size?: { width: number; height: number }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** Messages of dialogs (alert, confirm, prompt) that opened; each is dismissed. */
  dialogs: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  /** Directives a resource or script was refused under (read from the page). */
  cspViolations(): Promise<string[]>;
  screenshot(name: string): Promise<void>;
}

/**
 * Closes the tabs a test opened, failing it when one broke the content security policy, threw,
 * opened a dialog or ran a script an XSS payload planted (`window.__xss`).
 */
export async function closeWatched(watched: WatchedPage[]): Promise<void> {
  for (const tab of watched.splice(0)) {
    assert.deepEqual(await tab.cspViolations(), [], 'the content security policy refused something');
    assert.deepEqual(tab.errors, [], 'the page threw');
    assert.deepEqual(tab.dialogs, [], 'a dialog opened');
    assert.equal(await tab.page.evaluate('window.__xss'), undefined, 'a payload ran');
    await tab.page.close();
  }
}

export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'switchboard-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 850 },
  });
  // Runs before any page script and outside the page's CSP, so it sees every violation.
  await context.addInitScript({
    content: `window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push(event.violatedDirective));`,
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    async newPage(size) {
      const page = await context.newPage();
      if (size) await page.setViewportSize(size);
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return {
        page,
        dialogs,
        errors,
        cspViolations: () => page.evaluate<string[]>('window.__cspViolations'),
        screenshot: async (name) => { await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true }); },
      };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Waiting for states, never for times: each resolves as soon as the page gets there (or fails at
// Playwright's default timeout with what it was waiting for).

/** Waits until the locator shows an element. */
export async function shown(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

/** Waits until nothing matches the locator any more. */
export async function gone(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'detached' });
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Waits until the locator's text is exactly `text`. */
export async function hasText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: exactly(text) }).first().waitFor({ state: 'visible' });
}

/** Waits until the locator's text contains `text`. */
export async function containsText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

/** Waits until the element has the attribute with this value (or, for null, lacks it). */
export async function hasAttribute(locator: Locator, name: string, value: string | null): Promise<void> {
  const handle = await locator.elementHandle();
  await locator.page().waitForFunction(
    ([element, attribute, expected]) => (element as unknown as { getAttribute(name: string): string | null }).getAttribute(attribute as string) === expected,
    [handle, name, value] as const,
  );
}

/** Waits until a form control's current value is `value`. */
export async function hasValue(locator: Locator, value: string): Promise<void> {
  const handle = await locator.elementHandle();
  await locator.page().waitForFunction(([element, expected]) => (element as unknown as { value: string }).value === expected, [handle, value] as const);
}
