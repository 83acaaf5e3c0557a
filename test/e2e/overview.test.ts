/**
 * Haulcheck: Show Dataset Overview in the real VS Code workbench (code-server 4.100.3, VS Code
 * 1.100.3) with the packaged extension, driven through headless Chromium by playwright-core: the
 * command opens the webview, which draws the samples' charts, map, totals and the Damascus raid's
 * disagreement; a disagreement opens its figure and an event its file; a change on disk updates it.
 * Every step waits for something a person would see. Screenshots: test-results/e2e/overview-*.png.
 */
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { launchChromium, type Browser } from './lib/browser';
import { ensureVsix } from './lib/build';
import { installExtension, installedCodeServer, type RunningCodeServer, startCodeServer } from './lib/code-server';
import { CODE_SERVER_VERSION, chromiumPath, RESULTS_DIR, SAMPLES_DIR, SETUP_HINT } from './lib/paths';
import { pollUntil } from './lib/poll';
import { freePort } from './lib/ports';

const STEP = 60_000;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

test('VS Code (code-server): the dataset overview draws the samples, opens figures and events, and follows changes', { timeout: 300_000 }, async (t) => {
  const entry = installedCodeServer();
  const chromium = chromiumPath();
  if (!entry || !chromium) {
    const missing = [!entry && `code-server ${CODE_SERVER_VERSION}`, !chromium && `chromium (${process.env.HAULCHECK_CHROMIUM ?? '/usr/bin/chromium'})`].filter(Boolean).join(' and ');
    t.skip(`${missing} not installed: ${SETUP_HINT}`);
    return;
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  for (const f of readdirSync(RESULTS_DIR)) if (/^overview-.*\.png$/.test(f)) rmSync(join(RESULTS_DIR, f));
  const shot = (page: Page, name: string) => page.screenshot({ path: join(RESULTS_DIR, `overview-${name}.png`), animations: 'disabled' });
  const ws = mkdtempSync(join(tmpdir(), 'haulcheck-e2e-overview-ws-'));
  cpSync(SAMPLES_DIR, ws, { recursive: true });
  const runDir = mkdtempSync(join(tmpdir(), 'haulcheck-e2e-overview-'));
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  try {
    const vsix = await ensureVsix();
    await installExtension(entry, runDir, vsix);
    const port = await freePort();
    const [cs, br] = await Promise.allSettled([startCodeServer(entry, runDir, port), launchChromium(chromium)]);
    if (cs.status === 'fulfilled') server = cs.value;
    if (br.status === 'fulfilled') browser = br.value;
    if (cs.status === 'rejected') throw cs.reason;
    if (br.status === 'rejected') throw br.reason;
    page = browser!.context.pages()[0] ?? (await browser!.context.newPage());
    await page.goto(`${server!.url}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP });

    // The command, from the command palette, as a person would run it. The palette lists an
    // extension's commands once the workbench has read the extensions: until then, close and retry.
    const command = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Dataset Overview' }).first();
    await pollUntil(
      async () => {
        await page!.keyboard.press('F1');
        await page!.locator('.quick-input-widget input').waitFor({ timeout: STEP });
        await page!.keyboard.type('Haulcheck: Show Dataset Overview');
        if (await command.waitFor({ timeout: 2_000 }).then(() => true, () => false)) return true;
        await page!.keyboard.press('Escape');
        return false;
      },
      { timeoutMs: STEP, intervalMs: 250, what: 'the command palette to list Haulcheck: Show Dataset Overview' },
    );
    await page.keyboard.press('Enter');

    // The webview: VS Code nests the page in two frames.
    const view: FrameLocator = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('body[data-ready]').waitFor({ timeout: STEP });
    await view.locator('figure[data-chart="map"] svg g[aria-label="dot"] circle').first().waitFor({ timeout: STEP });
    assert.equal(await view.locator('figure[data-chart="timeline-seizures"] svg g[aria-label="bar"] rect').count(), 4);
    assert.equal(await view.locator('figure[data-chart="map"] svg g[aria-label="dot"] circle').count(), 7);
    assert.equal(oneLine(await view.locator('#totals tr[data-drug="captagon"] .counts .total').first().innerText()).split(' — ')[0], 'at least 4,882,000 tablets');
    const row = view.locator('#disagreements tr[data-event="2025-sy-damascus-captagon"]');
    assert.deepEqual(await row.locator('td.side .value').allInnerTexts(), ['about 215 kg', 'about 2,015 kg']);
    // The theme's colours: the page's text is the workbench's foreground, not the report's own.
    const fg = await view.locator('body').evaluate((b) => (globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(n: string): string } }).getComputedStyle(b).getPropertyValue('--hc-fg').trim());
    const vsFg = await view.locator('body').evaluate((b) => (globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(n: string): string } }).getComputedStyle(b).getPropertyValue('--vscode-foreground').trim());
    assert.ok(vsFg && fg === vsFg, `the overview takes the theme's foreground (${fg} = ${vsFg})`);
    await shot(page, '1-open');

    // A disagreement opens its figure: asharq's 2,015 kg, line 47 of the Damascus event.
    await row.locator('button', { hasText: 'asharq, line 47' }).click();
    const tab = page.locator('.tab.active', { hasText: '2025-sy-damascus-captagon.yaml' });
    await tab.waitFor({ timeout: STEP });
    await page.locator('.statusbar-item', { hasText: /Ln 47, Col 1/ }).first().waitFor({ timeout: STEP });
    await shot(page, '2-figure-opened');

    // A row of the table opens its event.
    await view.locator('#events-table tr[data-id="2026-02-22-sy-homs-captagon"] button.title').click();
    await page.locator('.tab.active', { hasText: '2026-02-22-sy-homs-captagon.yaml' }).waitFor({ timeout: STEP });

    // A change on disk updates the overview: Homs' 65 kg becomes 75 kg, the total moves by 10 kg.
    const homs = join(ws, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml');
    writeFileSync(homs, readFileSync(homs, 'utf8').replace('value: 65, unit: kg', 'value: 75, unit: kg'));
    await view.locator('#totals tr[data-drug="captagon"] .mass .total', { hasText: 'about 1,390–3,190 kg' }).waitFor({ timeout: STEP });
    await shot(page, '3-updated');
    t.diagnostic('overview drawn, figure and event opened, updated after a change on disk');
  } catch (e) {
    if (page) await shot(page, 'failure').catch(() => undefined);
    throw e;
  } finally {
    await browser?.close();
    if (server) {
      await server.stop();
      copyFileSync(server.logFile, join(RESULTS_DIR, 'overview-code-server.log'));
    }
    rmSync(ws, { recursive: true, force: true });
    rmSync(runDir, { recursive: true, force: true });
  }
});
