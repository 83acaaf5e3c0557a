/**
 * End to end in the real VS Code workbench (code-server, as code-server.test.ts): the Get Started
 * walkthrough from an empty folder — Create Dataset, a first problem, its quick-fix, the Problems
 * panel — clicked through as a person would. Every step waits for something on the screen.
 * Screenshots: test-results/e2e/walkthrough-*.png.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { EXAMPLE_EVENT_PATH } from '../../server/src/core/editor/init';
import { pollUntil } from './lib/poll';
import { oneLine, runCommand, STEP_TIMEOUT, withWorkbench } from './lib/workbench';

test('the walkthrough goes from an empty folder to a dataset, a first problem and its quick-fix', { timeout: 300_000 }, async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'haulcheck-e2e-empty-'));
  try {
    const readyWhen = (page: Page) => page.locator('.explorer-folders-view, .explorer-viewlet').first();
    await withWorkbench(t, { name: 'walkthrough', folder, readyWhen }, async ({ page, shot }) => {
      assert.deepEqual(readdirSync(folder), [], 'the folder starts empty');

      // Open the walkthrough from the command palette, as a person would.
      await runCommand(page, 'Welcome: Open Walkthrough');
      const palette = page.locator('.quick-input-widget:not([style*="display: none"]) input').first();
      await palette.fill('Get Started with Haulcheck');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Haulcheck' }).first().click();
      const walkthrough = page.locator('.gettingStartedContainer').first();
      await walkthrough.locator('text=Create a dataset').first().waitFor({ timeout: STEP_TIMEOUT });
      await shot('1-walkthrough');

      /** Opens a step of the walkthrough (its title) and clicks its button. */
      const runStep = async (title: string, button: string) => {
        // Back to the walkthrough's tab when an editor covered it.
        const tab = page.locator('.tabs-container .tab', { hasText: /Walkthrough|Welcome/ }).first();
        if (!(await walkthrough.isVisible()) && (await tab.count())) await tab.click();
        await walkthrough.locator('.getting-started-step', { hasText: title }).first().click();
        await walkthrough.getByRole('button', { name: button }).first().click();
      };

      // 1) Create Dataset: the files appear and the example event opens.
      await runStep('Create a dataset', 'Create Dataset');
      await pollUntil(() => existsSync(join(folder, 'haulcheck.yaml')) && existsSync(join(folder, ...EXAMPLE_EVENT_PATH.split('/'))), {
        timeoutMs: STEP_TIMEOUT,
        what: 'the dataset files in the folder',
      });
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.view-line', { hasText: 'id: 2026-02-22-sy-homs-captagon' }).first().waitFor({ timeout: STEP_TIMEOUT });
      t.diagnostic(`created: ${readdirSync(folder).sort().join(', ')}`);
      assert.doesNotMatch(readFileSync(join(folder, ...EXAMPLE_EVENT_PATH.split('/')), 'utf8'), /yaml-language-server|\$schema/);
      await shot('2-created');

      // 2) Make a mistake: the status misspelt, underlined, in the Problems panel.
      await runStep('Make a mistake', 'Misspell It for Me');
      await editor.locator('.view-line', { hasText: 'status: reviewd' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await editor.locator('.squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT });
      await shot('3-mistake');

      // 3) Fix it: the quick-fix menu on the problem, the preferred fix first; Enter applies it.
      await runStep('Fix it with a quick-fix', 'Show the Quick Fixes');
      const fixRow = page.locator('.action-widget .monaco-list-row', { hasText: 'Change "reviewd" to "reviewed"' }).first();
      await fixRow.waitFor({ timeout: STEP_TIMEOUT });
      await pollUntil(async () => /\bfocused\b/.test((await fixRow.getAttribute('class')) ?? ''), { timeoutMs: STEP_TIMEOUT, what: 'the preferred fix to be focused' });
      await shot('4-quickfix');
      await page.keyboard.press('Enter');
      await editor.locator('.view-line', { hasText: 'status: reviewed' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await pollUntil(async () => (await editor.locator('.squiggly-error').count()) === 0, { timeoutMs: STEP_TIMEOUT, what: 'no error left in the example event' });

      // 4) Every problem: the Problems panel, empty now.
      await runStep('See every problem of the dataset', 'Open the Problems Panel');
      const panel = page.locator('.markers-panel-container').first();
      await panel.waitFor({ timeout: STEP_TIMEOUT });
      await pollUntil(async () => /No problems have been detected/.test(oneLine(await panel.innerText())), { timeoutMs: STEP_TIMEOUT, what: 'an empty Problems panel' });
      await shot('5-problems');

      // The steps done are ticked.
      await page.locator('.tabs-container .tab', { hasText: /Walkthrough|Welcome/ }).first().click();
      const steps = walkthrough.locator('.getting-started-step');
      const ticked: string[] = [];
      for (const step of await steps.all()) {
        if ((await step.locator('.codicon.complete').count()) > 0) ticked.push(oneLine(await step.locator('.step-title').first().innerText()));
      }
      t.diagnostic(`steps ticked: ${ticked.join(' | ')}`);
      for (const title of ['Create a dataset', 'Make a mistake', 'Fix it with a quick-fix', 'See every problem of the dataset']) assert.ok(ticked.includes(title), `"${title}" is ticked`);
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
