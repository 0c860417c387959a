import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { CHROMIUM, closeWatched, launchBrowser, shown, type TestBrowser, type WatchedPage } from './browser.js';
import type { ServerProcess } from './server-process.js';

if (!existsSync(CHROMIUM) && process.env.SWITCHBOARD_REQUIRE_BROWSER === '1') throw new Error(`Chromium is required but missing at ${CHROMIUM}.`);

/** Why a browser suite is skipped (no Chromium), or false; CI sets SWITCHBOARD_REQUIRE_BROWSER so a missing one fails instead. */
export const BROWSER_SKIP: string | false = existsSync(CHROMIUM) ? false : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;

type Size = { width: number; height: number };

/** One server and one browser for a suite's tests, set in its `before`. */
export interface BrowserSuite {
  readonly server: ServerProcess;
  readonly browser: TestBrowser;
  /** The suite's own directory (the server's database is there too); removed after the suite. */
  readonly dir: string;
  /** A new tab, checked and closed after the test (see closeWatched). */
  tab(size?: Size): Promise<WatchedPage>;
  /** A new tab signed in with the token through the login form, its main navigation shown. */
  signedIn(token: string, size?: Size): Promise<WatchedPage>;
}

/**
 * Registers the hooks of a suite that drives one server in Chromium: `start` runs the server on a
 * fresh directory before the tests; the tabs a test opened are checked and closed after it; the
 * browser, the server and the directory go after the suite. Call it first in `describe`, so the
 * suite's own `before` finds the server running.
 */
export function browserSuite(prefix: string, start: (dir: string) => Promise<ServerProcess>): BrowserSuite {
  let dir: string | undefined;
  let server: ServerProcess | undefined;
  let browser: TestBrowser | undefined;
  const watched: WatchedPage[] = [];
  const suite: BrowserSuite = {
    get server() { return server!; },
    get browser() { return browser!; },
    get dir() { return dir!; },
    async tab(size) {
      const opened = await browser!.newPage(size);
      watched.push(opened);
      return opened;
    },
    async signedIn(token, size) {
      const opened = await suite.tab(size);
      await opened.page.goto(server!.base);
      await opened.page.getByLabel('API token').fill(token);
      await opened.page.getByRole('button', { name: 'Sign in' }).click();
      await shown(opened.page.getByRole('navigation', { name: 'Main' }));
      return opened;
    },
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), `switchboard-${prefix}-`));
    server = await start(dir);
    browser = await launchBrowser();
  });
  afterEach(() => closeWatched(watched));
  after(async () => {
    await browser?.close();
    await server?.stop('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return suite;
}
