/**
 * Haulcheck: Show Dataset Overview in the real VS Code workbench (code-server 4.100.3, VS Code
 * 1.100.3) with the packaged extension, driven through headless Chromium by playwright-core: the
 * command opens the webview, which draws the samples' charts, map, totals and the Damascus raid's
 * disagreement; a disagreement opens its figure and an event its file; a change on disk updates it.
 * Every step waits for something a person would see. Screenshots: test-results/e2e/overview-*.png.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { SAMPLES_DIR } from './lib/paths';
import { oneLine, runCommand, STEP_TIMEOUT, withWorkbench } from './lib/workbench';

test('VS Code (code-server): the dataset overview draws the samples, opens figures and events, and follows changes', { timeout: 300_000 }, async (t) => {
  const ws = mkdtempSync(join(tmpdir(), 'haulcheck-e2e-overview-ws-'));
  cpSync(SAMPLES_DIR, ws, { recursive: true });
  try {
    await withWorkbench(t, { name: 'overview', folder: ws }, async ({ page, shot }) => {
      // The command, from the command palette, as a person would run it.
      await runCommand(page, 'Haulcheck: Show Dataset Overview');

      // The webview: VS Code nests the page in two frames.
      const view: FrameLocator = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await view.locator('body[data-ready]').waitFor({ timeout: STEP_TIMEOUT });
      await view.locator('figure[data-chart="map"] svg g[aria-label="dot"] circle').first().waitFor({ timeout: STEP_TIMEOUT });
      assert.equal(await view.locator('figure[data-chart="timeline-seizures"] svg g[aria-label="bar"] rect').count(), 4);
      assert.equal(await view.locator('figure[data-chart="map"] svg g[aria-label="dot"] circle').count(), 7);
      assert.equal(oneLine(await view.locator('#totals tr[data-drug="captagon"] .counts .total').first().innerText()).split(' — ')[0], 'at least 4,882,000 tablets');
      const row = view.locator('#disagreements tr[data-event="2025-sy-damascus-captagon"]');
      assert.deepEqual(await row.locator('td.side .value').allInnerTexts(), ['about 215 kg', 'about 2,015 kg']);
      // The theme's colours: the page's text is the workbench's foreground, not the report's own.
      const fg = await view.locator('body').evaluate((b) => (globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(n: string): string } }).getComputedStyle(b).getPropertyValue('--hc-fg').trim());
      const vsFg = await view.locator('body').evaluate((b) => (globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(n: string): string } }).getComputedStyle(b).getPropertyValue('--vscode-foreground').trim());
      assert.ok(vsFg && fg === vsFg, `the overview takes the theme's foreground (${fg} = ${vsFg})`);
      await shot('1-open');

      // A disagreement opens its figure: asharq's 2,015 kg, line 47 of the Damascus event.
      await row.locator('button', { hasText: 'asharq, line 47' }).click();
      const tab = page.locator('.tab.active', { hasText: '2025-sy-damascus-captagon.yaml' });
      await tab.waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.statusbar-item', { hasText: /Ln 47, Col 1/ }).first().waitFor({ timeout: STEP_TIMEOUT });
      await shot('2-figure-opened');

      // A row of the table opens its event.
      await view.locator('#events-table tr[data-id="2026-02-22-sy-homs-captagon"] button.title').click();
      await page.locator('.tab.active', { hasText: '2026-02-22-sy-homs-captagon.yaml' }).waitFor({ timeout: STEP_TIMEOUT });

      // A change on disk updates the overview: Homs' 65 kg becomes 75 kg, the total moves by 10 kg.
      const homs = join(ws, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml');
      writeFileSync(homs, readFileSync(homs, 'utf8').replace('value: 65, unit: kg', 'value: 75, unit: kg'));
      await view.locator('#totals tr[data-drug="captagon"] .mass .total', { hasText: 'about 1,390–3,190 kg' }).waitFor({ timeout: STEP_TIMEOUT });
      await shot('3-updated');
      t.diagnostic('overview drawn, figure and event opened, updated after a change on disk');
    });
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
});
