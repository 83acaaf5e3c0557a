/**
 * One real VS Code workbench for a test: code-server with the packaged extension (dist/haulcheck.vsix)
 * installed in a throw-away user-data folder, headless Chromium on it, a folder open. The test is
 * skipped, with the setup hint, where code-server or Chromium is missing. Screenshots, the
 * code-server log and the page's uncaught errors go to test-results/e2e/<name>-*.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, type Browser } from './browser';
import { ensureVsix } from './build';
import { installExtension, installedCodeServer, type RunningCodeServer, startCodeServer } from './code-server';
import { CODE_SERVER_VERSION, chromiumPath, RESULTS_DIR, SETUP_HINT } from './paths';
import { pollUntil } from './poll';
import { freePort } from './ports';

/** How long one step (something a person would see) may take to appear. */
export const STEP_TIMEOUT = 60_000;

export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface Workbench {
  page: Page;
  server: RunningCodeServer;
  /** code-server's user-data and extensions folders. */
  runDir: string;
  /** Uncaught errors of the page, written to <name>-page-errors.txt at the end. */
  pageErrors: string[];
  /** A screenshot, test-results/e2e/<name>-<step>.png. */
  shot(step: string): Promise<void>;
  /** Seconds since the workbench started, for diagnostics. */
  elapsed(): string;
}

export interface WorkbenchOptions {
  /** The prefix of its screenshots and logs. */
  name: string;
  /** The folder opened in the workbench. */
  folder: string;
  /** User settings merged into code-server's settings.json before it starts. */
  userSettings?: Record<string, unknown>;
  /** The element waited for once the workbench is up (default: the explorer). */
  readyWhen?: (page: Page) => Locator;
}

/**
 * Runs `body` in a workbench; stops the browser and code-server whatever happens, with a screenshot
 * of the page when `body` throws. Returns without running `body` (the test skipped) where
 * code-server or Chromium is not installed.
 */
export async function withWorkbench(t: TestContext, opts: WorkbenchOptions, body: (wb: Workbench) => Promise<void>): Promise<void> {
  const entry = installedCodeServer();
  const chromium = chromiumPath();
  if (!entry || !chromium) {
    const missing = [!entry && `code-server ${CODE_SERVER_VERSION}`, !chromium && `chromium (${process.env.HAULCHECK_CHROMIUM ?? '/usr/bin/chromium'})`].filter(Boolean).join(' and ');
    t.skip(`${missing} not installed: ${SETUP_HINT}`);
    return;
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const own = new RegExp(`^${opts.name}-.*\\.(png|txt|log)$`);
  for (const f of readdirSync(RESULTS_DIR)) if (own.test(f)) rmSync(join(RESULTS_DIR, f));

  const runDir = mkdtempSync(join(tmpdir(), `haulcheck-e2e-${opts.name}-`));
  const pageErrors: string[] = [];
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const shot = async (step: string) => {
    await page?.screenshot({ path: join(RESULTS_DIR, `${opts.name}-${step}.png`), animations: 'disabled' });
  };
  try {
    let t0 = Date.now();
    const vsix = await ensureVsix();
    await installExtension(entry, runDir, vsix);
    t.diagnostic(`extension built and installed: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (opts.userSettings) {
      const settingsFile = join(runDir, 'user-data', 'User', 'settings.json');
      const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
      writeFileSync(settingsFile, JSON.stringify({ ...settings, ...opts.userSettings }, null, 2));
    }

    t0 = Date.now();
    const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
    const [cs, br] = await Promise.allSettled([startCodeServer(entry, runDir, await freePort()), launchChromium(chromium)]);
    // Whichever started is kept, so that `finally` stops it when the other failed.
    if (cs.status === 'fulfilled') server = cs.value;
    if (br.status === 'fulfilled') browser = br.value;
    if (cs.status === 'rejected') throw cs.reason;
    if (br.status === 'rejected') throw br.reason;
    if (!server || !browser) throw new Error('unreachable');

    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(opts.folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT });
    await (opts.readyWhen ?? ((p: Page) => p.locator('.explorer-folders-view .monaco-list-row').first()))(page).waitFor({ timeout: STEP_TIMEOUT });
    t.diagnostic(`workbench ready: ${elapsed()}`);

    try {
      await body({ page, server, runDir, pageErrors, shot, elapsed });
    } catch (e) {
      await shot('failure').catch(() => undefined);
      const log = `code-server log: ${join(RESULTS_DIR, `${opts.name}-code-server.log`)}`;
      t.diagnostic(pageErrors.length ? `${log}\npage errors:\n${pageErrors.join('\n')}` : log);
      throw e;
    }
  } finally {
    await browser?.close();
    if (server) {
      await server.stop();
      copyFileSync(server.logFile, join(RESULTS_DIR, `${opts.name}-code-server.log`));
    }
    if (pageErrors.length) writeFileSync(join(RESULTS_DIR, `${opts.name}-page-errors.txt`), pageErrors.join('\n'));
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** The row of the explorer tree whose name is exactly `name`. */
export function explorerRow(page: Page, name: string): Locator {
  return page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
    .first();
}

/** The Problems panel's filter box, set to `text` (empty: every problem). */
export async function setProblemsFilter(page: Page, text: string): Promise<void> {
  const input = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await input.waitFor({ timeout: STEP_TIMEOUT });
  await input.fill(text);
}

/**
 * Runs a command from the command palette, as a person would: F1, its title, Enter. The palette
 * lists an extension's commands once the workbench has read the extensions: until it lists this one,
 * the palette is closed and opened again. The title is put in the palette's box only once the box is
 * open, so an editor's selection is never typed over.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget:not([style*="display: none"]) input').first();
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await pollUntil(
    async () => {
      await page.keyboard.press('F1');
      await input.waitFor({ timeout: STEP_TIMEOUT });
      await input.fill(`>${title}`);
      if (await row.waitFor({ timeout: 2_000 }).then(() => true, () => false)) return true;
      await page.keyboard.press('Escape');
      return false;
    },
    { timeoutMs: STEP_TIMEOUT, intervalMs: 250, what: `the command palette to list ${title}` },
  );
  await row.click();
}
