/**
 * "Haulcheck: New Event from Article…" in the real VS Code workbench (code-server with the packaged
 * extension, driven through headless Chromium): the article is selected in an editor, the command
 * asks for the publication date, publisher and address, the draft opens as events/2025/<id>.yaml,
 * and hovering a drafted value shows the sentence it was read from. Every step waits for something a
 * person would see. Screenshots: test-results/e2e/article-*.png.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { pollUntil } from './lib/poll';
import { explorerRow, runCommand, STEP_TIMEOUT, withWorkbench } from './lib/workbench';
import { makeWorkspace } from './lib/workspace';

const ARTICLE = readFileSync(join(__dirname, '..', 'fixtures', 'extract', 'thenational-damascus.txt'), 'utf8');
const DRAFT = join('events', '2025', '2025-07-30-sy-damascus-captagon.yaml');

/** Answers the open input box: its text replaced by `value`, then Enter. */
async function answer(page: Page, prompt: RegExp, value: string) {
  const box = page.locator('.quick-input-widget:not([style*="display: none"])');
  await box.locator('.quick-input-message, .quick-input-title', { hasText: prompt }).first().waitFor({ timeout: STEP_TIMEOUT });
  const input = box.locator('input').first();
  await input.fill(value);
  await page.keyboard.press('Enter');
}

test('VS Code (code-server): New Event from Article… drafts the selected article and each value shows its sentence on hover', { timeout: 300_000 }, async (t) => {
  const ws = makeWorkspace();
  writeFileSync(join(ws.dir, 'article.txt'), ARTICLE);
  try {
    await withWorkbench(t, { name: 'article', folder: ws.dir }, async ({ page, shot }) => {
      // The article, open and selected.
      await explorerRow(page, 'article.txt').click();
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.view-line', { hasText: 'Iraqi counter-narcotics forces' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await editor.locator('.view-line').first().click();
      await page.keyboard.press('Control+a');

      // The command, from the palette; it takes the selection and asks the rest.
      await runCommand(page, 'Haulcheck: New Event from Article');
      await answer(page, /Publication date/, '2025-07-30');
      await answer(page, /Publisher/, 'The National');
      await answer(page, /Address of the article/, '');

      // The draft opens, written to events/2025/<id>.yaml.
      await editor.locator('.view-line', { hasText: 'id: 2025-07-30-sy-damascus-captagon' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await pollUntil(() => existsSync(join(ws.dir, DRAFT)), { timeoutMs: STEP_TIMEOUT, what: `${DRAFT} to be written` });
      const written = readFileSync(join(ws.dir, DRAFT), 'utf8');
      assert.match(written, /count: \{value: 1350000, unit: tablets, qualifier: more_than, as_reported: "more than 1\.35 million Captagon pills", source: thenational\}/);
      await shot('1-draft');

      // Hovering the weight shows the sentence it was read from.
      const weightLine = editor.locator('.view-line', { hasText: 'value: 215' }).first();
      await weightLine.waitFor({ timeout: STEP_TIMEOUT });
      await weightLine.locator('span > span').filter({ hasText: /^215$/ }).first().hover({ position: { x: 6, y: 5 } });
      const hover = page.locator('.monaco-hover:not(.hidden) .rendered-markdown', { hasText: 'From The National' }).first();
      await hover.waitFor({ timeout: STEP_TIMEOUT });
      const text = (await page.locator('.monaco-hover:not(.hidden)').first().innerText()).replace(/\s+/g, ' ');
      t.diagnostic(`hover: ${text.slice(0, 240)}`);
      assert.match(text, /the confiscation of approximately 215kg of narcotics, it added/);
      await shot('2-hover');
    });
  } finally {
    ws.cleanup();
  }
});
