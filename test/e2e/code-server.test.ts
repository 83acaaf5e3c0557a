/**
 * End to end in the real VS Code workbench: code-server 4.100.3 (VS Code 1.100.3) with the packaged
 * extension (dist/haulcheck.vsix), driven through headless Chromium by playwright-core.
 * Every step waits for something a person would see (a DOM condition), never for the clock.
 * Screenshots: test-results/e2e/code-server-*.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { pollUntil } from './lib/poll';
import { nodeLanguageServers } from './lib/procs';
import { eventKeyDescription } from './lib/schema';
import { explorerRow, oneLine, runCommand, setProblemsFilter, STEP_TIMEOUT, withWorkbench } from './lib/workbench';
import { BAD_STATUS, BROKEN_ID, MISSING_KEY, makeWorkspace } from './lib/workspace';

/** The first row of the Problems panel, filtered to `filter`, that contains `text`. */
async function problemsOf(page: Page, filter: string, text: string): Promise<string> {
  await setProblemsFilter(page, filter);
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: STEP_TIMEOUT });
  return oneLine(await row.innerText());
}

test('VS Code (code-server) shows the problems of files never opened, squiggles, hovers, quick-fixes, completion, the language status, and disables per workspace', { timeout: 300_000 }, async (t) => {
  const ws = makeWorkspace();
  t.diagnostic(`workspace ${ws.dir}; broken event made from ${ws.madeFrom}`);
  try {
    await withWorkbench(t, { name: 'code-server', folder: ws.dir }, async ({ page, runDir, shot, elapsed }) => {
      const since = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
      // 0) before any file is opened, the Problems panel lists the problems of files never opened:
      //    the broken event's, and the Damascus sample's tablet mass (a figures rule with the registry's band)
      await page.keyboard.press('Control+Shift+M');
      const never = await problemsOf(page, 'figures/tablet-mass', 'at most 1.49 g a tablet');
      t.diagnostic(`Problems row of a file never opened: ${never}`);
      assert.match(never, /figures\/tablet-mass/);
      assert.equal(await page.locator('.editor-instance .monaco-editor').count(), 0, 'no editor is open');
      // Without a setting that says otherwise, the extension runs in code-server's remote (Node) host,
      // with its Node language server (the browser build is test/e2e/web-extension.test.ts's).
      const servers = nodeLanguageServers(runDir);
      assert.equal(servers.length, 1, 'one Node language server runs');
      // …started with the extension's V8 flags (client/src/extension.ts).
      assert.match(servers[0], /--max-semi-space-size=4 /, servers[0]);
      const brokenNever = await problemsOf(page, `**/${BROKEN_ID}.yaml`, BAD_STATUS);
      assert.match(brokenNever, /schema\/enum/);
      await shot('0-problems-never-opened');
      await setProblemsFilter(page, '');

      // open events/2026/<broken>.yaml from the explorer, as a person would
      await explorerRow(page, 'events').click();
      await explorerRow(page, '2026').click();
      await explorerRow(page, `${BROKEN_ID}.yaml`).click();
      const editor = page.locator('.editor-instance .monaco-editor').first();
      const statusViewLine = editor.locator('.view-line', { hasText: `status: ${BAD_STATUS}` }).first();
      await statusViewLine.waitFor({ timeout: STEP_TIMEOUT });
      t.diagnostic(`broken event open: ${elapsed()}`);

      // 1) an error squiggle, on the status line
      await editor.locator('.squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT });
      t.diagnostic(`first squiggle: ${elapsed()} after code-server start`);
      await pollUntil(
        async () => {
          const line = await statusViewLine.boundingBox();
          if (!line) return false;
          for (const squiggle of await editor.locator('.squiggly-error').all()) {
            const r = await squiggle.boundingBox();
            if (r && r.y < line.y + line.height && r.y + r.height > line.y) return true;
          }
          return false;
        },
        { timeoutMs: STEP_TIMEOUT, intervalMs: 100, what: `an error squiggle on the line "status: ${BAD_STATUS}"` },
      );
      await shot('1-squiggle');

      // 2) the Problems panel lists the status error with its rule id, on the right line (among the
      //    dataset's other problems: filtered to this file)
      await page.keyboard.press('Control+Shift+M');
      await setProblemsFilter(page, `**/${BROKEN_ID}.yaml`);
      const statusRow = page.locator('.markers-panel .monaco-list-row', { hasText: BAD_STATUS }).first();
      await statusRow.waitFor({ timeout: STEP_TIMEOUT });
      const statusRowText = oneLine(await statusRow.innerText());
      t.diagnostic(`Problems row: ${statusRowText}`);
      assert.match(statusRowText, /schema\/enum/, 'the Problems row names the rule id schema/enum');
      assert.match(statusRowText, /reviewed/, 'the Problems row suggests "reviewed"');
      assert.match(statusRowText, new RegExp(`Ln ${ws.statusLine + 1}\\b`), `the Problems row is on line ${ws.statusLine + 1}`);
      const requiredRow = page.locator('.markers-panel .monaco-list-row', { hasText: `"${MISSING_KEY}"` }).first();
      await requiredRow.waitFor({ timeout: STEP_TIMEOUT });
      assert.match(oneLine(await requiredRow.innerText()), /schema\/required/, `the missing "${MISSING_KEY}" is reported as schema/required`);
      await shot('2-problems');
      await setProblemsFilter(page, '');

      // 2b) the language status of the dataset file: events indexed, problems, the server running
      const languageStatus = page.locator('[id="status.languageStatus"]').first();
      await languageStatus.click();
      const statusHover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Haulcheck' }).first();
      await statusHover.locator('text=/\\d+ events · \\d+ errors?/').first().waitFor({ timeout: STEP_TIMEOUT });
      const statusText = oneLine(await statusHover.innerText());
      t.diagnostic(`language status: ${statusText.slice(0, 240)}`);
      assert.match(statusText, /Language server running/);
      assert.match(statusText, /Show Output/);
      assert.match(statusText, /Restart/);
      await shot('2b-language-status');
      await page.keyboard.press('Escape');

      // 3) hovering the `status` key shows the schema's description
      const description = eventKeyDescription('status');
      const expected = oneLine(description).slice(0, 40);
      const keyToken = statusViewLine.locator('span > span').filter({ hasText: /^status/ }).first();
      await keyToken.hover({ position: { x: 8, y: 5 } });
      const hover = page.locator('.monaco-hover:not(.hidden) .rendered-markdown', { hasText: expected }).first();
      await hover.waitFor({ timeout: STEP_TIMEOUT });
      const hoverText = oneLine(await page.locator('.monaco-hover:not(.hidden)').first().innerText());
      t.diagnostic(`hover: ${hoverText.slice(0, 160)}`);
      assert.ok(hoverText.includes(oneLine(description)), 'the hover shows the whole description of "status"');
      await shot('3-hover');
      await page.keyboard.press('Escape');

      // 4) quick-fix (Ctrl+.) on the misspelt status: the safe, preferred fix rewrites it
      await statusViewLine.locator('span > span').filter({ hasText: new RegExp(`^${BAD_STATUS}$`) }).first().click();
      let t1 = Date.now();
      await page.keyboard.press('Control+.');
      const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: `Change "${BAD_STATUS}" to "reviewed"` }).first();
      await fixRow.waitFor({ timeout: STEP_TIMEOUT });
      const menu = oneLine(await page.locator('.action-widget').first().innerText());
      t.diagnostic(`quick-fix menu after ${since(t1)}: ${menu.slice(0, 200)}`);
      assert.match(menu, /Suppress schema\/enum on this line/, 'the menu offers the suppression comment too');
      await shot('4-quickfix-menu');
      // the preferred fix comes focused: Enter applies it, as a person at the keyboard would
      await pollUntil(async () => /\bfocused\b/.test((await fixRow.getAttribute('class')) ?? ''), { timeoutMs: STEP_TIMEOUT, what: 'the preferred fix to be focused' });
      await page.keyboard.press('Enter');
      await editor.locator('.view-line', { hasText: 'status: reviewed' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await pollUntil(async () => (await editor.locator('.view-line', { hasText: `status: ${BAD_STATUS}` }).count()) === 0, { timeoutMs: STEP_TIMEOUT, what: 'the misspelt status to be gone' });
      await shot('5-quickfix-applied');

      // 5) completion (Ctrl+Space) on a `drug:` value offers the registry's drugs, with their names
      const drugLineNo = ws.brokenText.split('\n').findIndex((l) => /^\s*- drug: captagon\s*$/.test(l)) + 1;
      assert.ok(drugLineNo > 0, 'the broken event has a `- drug: captagon` line');
      await page.keyboard.press('Control+g');
      await page.keyboard.type(String(drugLineNo));
      await page.keyboard.press('Enter');
      const drugLine = editor.locator('.view-line', { hasText: '- drug: captagon' }).first();
      await drugLine.waitFor({ timeout: STEP_TIMEOUT });
      await drugLine.locator('span > span').filter({ hasText: /^captagon$/ }).first().dblclick();
      await page.keyboard.press('Backspace');
      t1 = Date.now();
      await page.keyboard.press('Control+Space');
      const suggest = page.locator('.suggest-widget.visible');
      await suggest.locator('.monaco-list-row', { hasText: 'hashish' }).first().waitFor({ timeout: STEP_TIMEOUT });
      const offered = oneLine(await suggest.innerText());
      t.diagnostic(`completion after ${since(t1)}: ${offered.slice(0, 200)}`);
      assert.match(offered, /captagon/);
      assert.match(offered, /heroin/);
      await shot('6-completion');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+z');

      // 6) hover on a weight computes the mass per tablet against the drug's band
      await explorerRow(page, '2025').click();
      await explorerRow(page, '2025-sy-damascus-captagon.yaml').click();
      await editor.locator('.view-line', { hasText: 'id: 2025-sy-damascus-captagon' }).first().waitFor({ timeout: STEP_TIMEOUT });
      const weightLineNo = readFileSync(join(ws.dir, 'events', '2025', '2025-sy-damascus-captagon.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('value: 2015')) + 1;
      await page.keyboard.press('Control+g');
      await page.keyboard.type(String(weightLineNo));
      await page.keyboard.press('Enter');
      const weightLine = editor.locator('.view-line', { hasText: 'value: 2015' }).first();
      await weightLine.waitFor({ timeout: STEP_TIMEOUT });
      t1 = Date.now();
      await weightLine.locator('span > span').filter({ hasText: /^2015$/ }).first().hover({ position: { x: 6, y: 5 } });
      const massHover = page.locator('.monaco-hover:not(.hidden) .rendered-markdown', { hasText: 'a tablet' }).first();
      await massHover.waitFor({ timeout: STEP_TIMEOUT });
      const massText = oneLine(await page.locator('.monaco-hover:not(.hidden)').first().innerText());
      t.diagnostic(`weight hover after ${since(t1)}: …${massText.slice(Math.max(0, massText.indexOf('weight about')), massText.indexOf('weight about') + 200)}`);
      assert.match(massText, /at most 1\.49 g a tablet/);
      assert.match(massText, /typical 150–170 mg/);
      await shot('7-weight-hover');
      await page.keyboard.press('Escape');

      // 7) Disable for This Workspace: every problem goes (the server stops) and the setting is the
      //    workspace's; Enable brings them back, those of the files never opened included
      const panel = page.locator('.markers-panel-container').first();
      await runCommand(page, 'Haulcheck: Disable for This Workspace');
      await pollUntil(async () => /No problems have been detected/.test(oneLine(await panel.innerText())), { timeoutMs: STEP_TIMEOUT, what: 'no problem left once disabled' });
      const settings = JSON.parse(readFileSync(join(ws.dir, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
      assert.equal(settings['haulcheck.enable'], false);
      await shot('8-disabled');
      await runCommand(page, 'Haulcheck: Enable for This Workspace');
      const back = await problemsOf(page, 'figures/tablet-mass', 'at most 1.49 g a tablet');
      t.diagnostic(`enabled again: ${back.slice(0, 120)}`);
      await shot('9-enabled');
    });
  } finally {
    ws.cleanup();
  }
});
