/**
 * "Haulcheck: New Event from Article…" in the real VS Code workbench (code-server with the packaged
 * extension, driven through headless Chromium): the article is selected in an editor, the command
 * asks for the publication date, publisher and address, the draft opens as events/2025/<id>.yaml,
 * and hovering a drafted value shows the sentence it was read from. Every step waits for something a
 * person would see. Screenshots: test-results/e2e/article-*.png.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, type Browser } from './lib/browser';
import { ensureVsix } from './lib/build';
import { installExtension, installedCodeServer, type RunningCodeServer, startCodeServer } from './lib/code-server';
import { CODE_SERVER_VERSION, chromiumPath, RESULTS_DIR, SETUP_HINT } from './lib/paths';
import { pollUntil } from './lib/poll';
import { freePort } from './lib/ports';
import { makeWorkspace, type TestWorkspace } from './lib/workspace';

const STEP_TIMEOUT = 60_000;
const ARTICLE = readFileSync(join(__dirname, '..', 'fixtures', 'extract', 'thenational-damascus.txt'), 'utf8');
const DRAFT = join('events', '2025', '2025-07-30-sy-damascus-captagon.yaml');

function explorerRow(page: Page, name: string): Locator {
  return page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
    .first();
}

/** Answers the open input box: its text replaced by `value`, then Enter. */
async function answer(page: Page, prompt: RegExp, value: string) {
  const box = page.locator('.quick-input-widget:not([style*="display: none"])');
  await box.locator('.quick-input-message, .quick-input-title', { hasText: prompt }).first().waitFor({ timeout: STEP_TIMEOUT });
  const input = box.locator('input').first();
  await input.fill(value);
  await page.keyboard.press('Enter');
}

test('VS Code (code-server): New Event from Article… drafts the selected article and each value shows its sentence on hover', { timeout: 300_000 }, async (t) => {
  const entry = installedCodeServer();
  const chromium = chromiumPath();
  if (!entry || !chromium) {
    const missing = [!entry && `code-server ${CODE_SERVER_VERSION}`, !chromium && `chromium (${process.env.HAULCHECK_CHROMIUM ?? '/usr/bin/chromium'})`].filter(Boolean).join(' and ');
    t.skip(`${missing} not installed: ${SETUP_HINT}`);
    return;
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const shot = (page: Page, name: string) => page.screenshot({ path: join(RESULTS_DIR, `article-${name}.png`), animations: 'disabled' });
  let ws: TestWorkspace | undefined;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const runDir = mkdtempSync(join(tmpdir(), 'haulcheck-e2e-article-'));
  try {
    const vsix = await ensureVsix();
    ws = makeWorkspace();
    writeFileSync(join(ws.dir, 'article.txt'), ARTICLE);
    await installExtension(entry, runDir, vsix);
    const port = await freePort();
    const [cs, br] = await Promise.allSettled([startCodeServer(entry, runDir, port), launchChromium(chromium)]);
    if (cs.status === 'fulfilled') server = cs.value;
    if (br.status === 'fulfilled') browser = br.value;
    if (cs.status === 'rejected') throw cs.reason;
    if (br.status === 'rejected') throw br.reason;
    if (!server || !browser) throw new Error('unreachable');
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws.dir)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP_TIMEOUT });

    // The article, open and selected.
    await explorerRow(page, 'article.txt').click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'Iraqi counter-narcotics forces' }).first().waitFor({ timeout: STEP_TIMEOUT });
    await editor.locator('.view-line').first().click();
    await page.keyboard.press('Control+a');

    // The command, from the palette; it takes the selection and asks the rest.
    // Typed only once the palette is open: typed earlier, the words would replace the selected article.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget:not([style*="display: none"]) input').first().waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.type('Haulcheck: New Event from Article');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Event from Article' }).first().waitFor({ timeout: STEP_TIMEOUT });
    await page.keyboard.press('Enter');
    await answer(page, /Publication date/, '2025-07-30');
    await answer(page, /Publisher/, 'The National');
    await answer(page, /Address of the article/, '');

    // The draft opens, written to events/2025/<id>.yaml.
    await editor.locator('.view-line', { hasText: 'id: 2025-07-30-sy-damascus-captagon' }).first().waitFor({ timeout: STEP_TIMEOUT });
    await pollUntil(() => existsSync(join(ws!.dir, DRAFT)), { timeoutMs: STEP_TIMEOUT, what: `${DRAFT} to be written` });
    const written = readFileSync(join(ws.dir, DRAFT), 'utf8');
    assert.match(written, /count: \{value: 1350000, unit: tablets, qualifier: more_than, as_reported: "more than 1\.35 million Captagon pills", source: thenational\}/);
    await shot(page, '1-draft');

    // Hovering the weight shows the sentence it was read from.
    const weightLine = editor.locator('.view-line', { hasText: 'value: 215' }).first();
    await weightLine.waitFor({ timeout: STEP_TIMEOUT });
    await weightLine.locator('span > span').filter({ hasText: /^215$/ }).first().hover({ position: { x: 6, y: 5 } });
    const hover = page.locator('.monaco-hover:not(.hidden) .rendered-markdown', { hasText: 'From The National' }).first();
    await hover.waitFor({ timeout: STEP_TIMEOUT });
    const text = (await page.locator('.monaco-hover:not(.hidden)').first().innerText()).replace(/\s+/g, ' ');
    t.diagnostic(`hover: ${text.slice(0, 240)}`);
    assert.match(text, /the confiscation of approximately 215kg of narcotics, it added/);
    await shot(page, '2-hover');
  } catch (e) {
    if (page) await shot(page, 'failure').catch(() => undefined);
    throw e;
  } finally {
    await browser?.close();
    if (server) {
      await server.stop();
      copyFileSync(server.logFile, join(RESULTS_DIR, 'article-code-server.log'));
    }
    ws?.cleanup();
    rmSync(runDir, { recursive: true, force: true });
  }
});
