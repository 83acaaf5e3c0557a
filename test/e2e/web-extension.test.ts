/**
 * The extension's browser build end to end, in the real VS Code workbench: code-server 4.100.3 with
 * the packaged extension (dist/haulcheck.vsix), told by the user setting `remote.extensionKind` to
 * run it as a UI extension, which with no desktop host puts it in the browser's extension host (its
 * `browser` entry); its language server runs in a web worker (dist/browser-server.js, started from
 * a blob: URL) and reads the dataset only through the editor, whose files are `vscode-remote:` URIs.
 * Driven through headless Chromium by playwright-core; every step waits for what a person would see.
 * Screenshots: test-results/e2e/web-*.png. (`@vscode/test-web` would run VS Code for the Web itself,
 * but downloads it: see web-test-web.test.ts.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pollUntil } from './lib/poll';
import { nodeLanguageServers } from './lib/procs';
import { explorerRow, oneLine, runCommand, setProblemsFilter, STEP_TIMEOUT, withWorkbench } from './lib/workbench';
import { makeWorkspace } from './lib/workspace';

const EXTENSION_ID = 'haulcheck.haulcheck';
const DAMASCUS = '2025-sy-damascus-captagon.yaml';

test('the web extension in code-server\'s browser extension host: the Damascus raid\'s 2,015 kg in the Problems panel and as a squiggle, its hover, and a quick-fix that applies', { timeout: 300_000 }, async (t) => {
  const ws = makeWorkspace();
  try {
    // The extension as a UI extension: with no desktop host, code-server runs its `browser` entry in
    // the browser's extension host (without this setting it would run `main` in the remote host).
    const userSettings = { 'remote.extensionKind': { [EXTENSION_ID]: ['ui'] } };
    await withWorkbench(t, { name: 'web', folder: ws.dir, userSettings }, async ({ page, runDir, shot, elapsed }) => {
      const since = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
      // 1) Before any file is opened, the Problems panel lists the Damascus raid's tablet mass: the
      //    dataset was listed, read and checked through the editor's file system.
      await page.keyboard.press('Control+Shift+M');
      await setProblemsFilter(page, 'figures/tablet-mass');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'at most 1.49 g a tablet' }).first();
      await row.waitFor({ timeout: STEP_TIMEOUT });
      const rowText = oneLine(await row.innerText());
      t.diagnostic(`Problems row of a file never opened, ${elapsed()} after start: ${rowText}`);
      assert.match(rowText, /more than 1,350,000 tablets in about 2,015 kg is at most 1\.49 g a tablet/);
      assert.match(rowText, /figures\/tablet-mass/);
      assert.equal(await page.locator('.editor-instance .monaco-editor').count(), 0, 'no editor is open');
      await shot('1-problems-never-opened');
      await setProblemsFilter(page, '');

      // 2) It runs in the browser: its output says the language server is a web worker, and no
      //    desktop language server (node dist/server.js) was started.
      await runCommand(page, 'Haulcheck: Show Output');
      const outputLine = page.locator('.panel .view-line', { hasText: 'ready (a web worker)' }).first();
      // (The panel's filter box keeps what the Problems view was filtered by: emptied.)
      await pollUntil(
        async () => {
          const filter = page.locator('.panel .viewpane-filter input:visible').first();
          if ((await filter.count()) && (await filter.inputValue())) await filter.fill('');
          return outputLine.isVisible();
        },
        { timeoutMs: STEP_TIMEOUT, what: 'the line of the output saying where the language server runs' },
      );
      t.diagnostic(`output: ${oneLine(await outputLine.innerText())}`);
      assert.deepEqual(nodeLanguageServers(runDir), []);
      await shot('2-output');

      // 3) Open the sample from the explorer: its error squiggle on the 2,015 kg.
      await explorerRow(page, 'events').click();
      await explorerRow(page, '2025').click();
      const opened = Date.now();
      await explorerRow(page, DAMASCUS).click();
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.view-line', { hasText: 'id: 2025-sy-damascus-captagon' }).first().waitFor({ timeout: STEP_TIMEOUT });
      // To the weight's line (Ctrl+G), below the fold of a short editor.
      const weightLineNo = readFileSync(join(ws.dir, 'events', '2025', DAMASCUS), 'utf8').split('\n').findIndex((l) => l.includes('value: 2015')) + 1;
      await page.keyboard.press('Control+g');
      await page.keyboard.type(String(weightLineNo));
      await page.keyboard.press('Enter');
      const weightLine = editor.locator('.view-line', { hasText: 'value: 2015' }).first();
      await weightLine.waitFor({ timeout: STEP_TIMEOUT });
      await pollUntil(
        async () => {
          const line = await weightLine.boundingBox();
          if (!line) return false;
          for (const squiggle of await editor.locator('.squiggly-error').all()) {
            const r = await squiggle.boundingBox();
            if (r && r.y < line.y + line.height && r.y + r.height > line.y) return true;
          }
          return false;
        },
        { timeoutMs: STEP_TIMEOUT, intervalMs: 50, what: 'an error squiggle on the line of the 2,015 kg' },
      );
      t.diagnostic(`squiggle on the 2,015 kg: ${since(opened)} after the file was clicked`);
      await shot('3-squiggle');

      // 4) The hover of the weight: the mass per tablet, against the drug's band.
      await weightLine.locator('span > span').filter({ hasText: /^2015$/ }).first().hover({ position: { x: 6, y: 5 } });
      await page.locator('.monaco-hover:not(.hidden) .rendered-markdown', { hasText: 'a tablet' }).first().waitFor({ timeout: STEP_TIMEOUT });
      const hoverText = oneLine(await page.locator('.monaco-hover:not(.hidden)').first().innerText());
      t.diagnostic(`hover: …${hoverText.slice(Math.max(0, hoverText.indexOf('at most') - 80), hoverText.indexOf('at most') + 120)}`);
      assert.match(hoverText, /at most 1\.49 g a tablet/);
      assert.match(hoverText, /typical 150–170 mg/);
      await shot('4-hover');
      await page.keyboard.press('Escape');

      // 5) The quick-fix (Ctrl+.): keep the figure that fits, record the other under conflicts. It
      //    applies, and the problem goes from the Problems panel.
      await weightLine.locator('span > span').filter({ hasText: /^2015$/ }).first().click();
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Keep thenational's 215 kg" }).first();
      await fix.waitFor({ timeout: STEP_TIMEOUT });
      t.diagnostic(`quick-fix menu: ${oneLine(await page.locator('.action-widget').first().innerText()).slice(0, 240)}`);
      await shot('5-quickfix-menu');
      // The first fix comes focused: Enter applies it, as a person at the keyboard would.
      await pollUntil(async () => /\bfocused\b/.test((await fix.getAttribute('class')) ?? ''), { timeoutMs: STEP_TIMEOUT, what: 'the fix to be focused' });
      await page.keyboard.press('Enter');
      // The conflicts block is added at the end of the file.
      await pollUntil(
        async () => {
          await page.keyboard.press('Control+End');
          return editor.locator('.view-line', { hasText: 'chosen: thenational' }).first().isVisible();
        },
        { timeoutMs: STEP_TIMEOUT, what: 'the conflicts entry the fix adds' },
      );
      await page.keyboard.press('Control+Shift+M');
      await setProblemsFilter(page, `**/${DAMASCUS}`);
      const rows = page.locator('.markers-panel .monaco-list-row');
      // (Its other problems, listed, show that the list is the file's as it is now.)
      await pollUntil(async () => (await rows.filter({ hasText: 'sources/missing-published' }).count()) > 0 && (await rows.filter({ hasText: 'at most 1.49 g a tablet' }).count()) === 0, {
        timeoutMs: STEP_TIMEOUT,
        what: 'the Damascus file listed in the Problems panel without its tablet-mass problem',
      });
      await shot('6-quickfix-applied');
    });
  } finally {
    ws.cleanup();
  }
});
