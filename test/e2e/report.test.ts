/**
 * The HTML report of the samples, opened from the file system in Debian's Chromium through
 * playwright-core: every request the page makes is recorded and any to a host is refused (none must
 * be made), the charts are drawn with their marks, the totals equal those added up from the CSV
 * export, the Damascus raid's 215 kg and 2,015 kg sit side by side, and the table filters, sorts and
 * opens. Screenshots (light, dark, print): test-results/report/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { COLUMNS } from '../../server/src/core';
import { runCli } from '../helpers/cli';
import { parseCsv } from '../helpers/csv';
import { SAMPLES } from '../helpers/dataset';
import { chromiumPath, REPO_ROOT, SETUP_HINT } from './lib/paths';

const RESULTS = join(REPO_ROOT, 'test-results', 'report');

/** Low and high ends per drug and unit, added up from the export's rows (null high: no upper end). */
function totalsFromCsv(csv: string): Map<string, { lo: number; hi: number | null }> {
  const [head, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  const col = (name: string) => head.indexOf(name);
  assert.deepEqual(head, COLUMNS.map((c) => c.name));
  const out = new Map<string, { lo: number; hi: number | null }>();
  const add = (key: string, lo: string, hi: string) => {
    if (lo === '') return;
    const t = out.get(key) ?? { lo: 0, hi: 0 };
    t.lo += Number(lo);
    t.hi = t.hi === null || hi === '' ? null : t.hi + Number(hi);
    out.set(key, t);
  };
  for (const r of rows) {
    const drug = r[col('drug')];
    if (!drug) continue;
    add(`${drug} ${r[col('count_unit')]}`, r[col('count_low')], r[col('count_high')]);
    add(`${drug} kg`, r[col('weight_kg_low')], r[col('weight_kg_high')]);
  }
  return out;
}

test('the report of the samples opens offline in Chromium and shows the charts, map, totals and disagreements', { timeout: 120_000 }, async (t) => {
  const executablePath = chromiumPath();
  if (!executablePath) {
    t.skip(`chromium (${process.env.HAULCHECK_CHROMIUM ?? '/usr/bin/chromium'}) not installed: ${SETUP_HINT}`);
    return;
  }
  mkdirSync(RESULTS, { recursive: true });
  const out = mkdtempSync(join(tmpdir(), 'haulcheck-report-'));
  let browser: Browser | undefined;
  try {
    const made = await runCli(['report', SAMPLES, '--out', out]);
    assert.equal(made.code, 0, made.stderr);
    const url = pathToFileURL(join(out, 'index.html')).href;
    const csv = await runCli(['export', SAMPLES, '--format', 'csv']);
    const expected = totalsFromCsv(csv.stdout);

    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      const refused: string[] = [];
      // Anything but the report's own file is refused, and recorded.
      await context.route('**/*', (route) => {
        const u = route.request().url();
        if (u === url) return route.continue();
        refused.push(u);
        return route.abort();
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => (m.type() === 'error' || /Content Security Policy/.test(m.text())) && problems.push(`console ${m.type()}: ${m.text()}`));
      await page.goto(url);
      await page.locator('body[data-ready]').waitFor({ timeout: 30_000 });
      await checkPage(page, expected, scheme === 'light');
      await page.screenshot({ path: join(RESULTS, `report-${scheme}.png`), fullPage: true, animations: 'disabled' });
      if (scheme === 'light') {
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: join(RESULTS, 'report-print.png'), fullPage: true, animations: 'disabled' });
      }
      assert.deepEqual(refused, [], 'no request to anything but the report itself');
      assert.deepEqual([...new Set(requests)], [url], 'the page loads nothing but itself');
      assert.deepEqual(problems, [], 'no script error and no content security policy violation');
      t.diagnostic(`${scheme}: ${requests.length} request(s), all to the report itself; screenshot test-results/report/report-${scheme}.png`);
      await context.close();
    }
  } finally {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  }
});

async function checkPage(page: Page, expected: Map<string, { lo: number; hi: number | null }>, interact: boolean): Promise<void> {
  // The charts: SVG with the marks their data calls for, and alt text.
  const marks = (chart: string, mark: string, el: string) => page.locator(`figure[data-chart="${chart}"] svg g[aria-label="${mark}"] ${el}`).count();
  assert.equal(await marks('timeline-seizures', 'bar', 'rect'), 4, 'a bar per month and drug: Feb 2025, Apr 2025, Jan 2026, Feb 2026');
  assert.equal(await marks('timeline-tablets', 'bar', 'rect'), 3);
  assert.equal(await marks('timeline-weight', 'bar', 'rect'), 2);
  assert.equal(await marks('map', 'dot', 'circle'), 7, 'a dot per placed event (4 by coordinates, 3 by province)');
  assert.ok((await marks('map', 'geo', 'path')) > 200, 'the countries of the world are drawn');
  assert.equal(await marks('countries', 'bar', 'rect'), 4, 'Syria, Iraq, Jordan, Lebanon');
  assert.ok((await marks('agencies', 'bar', 'rect')) >= 10);
  for (const chart of ['timeline-seizures', 'timeline-tablets', 'timeline-weight', 'map', 'countries', 'agencies']) {
    const label = await page.locator(`figure[data-chart="${chart}"] svg[role="img"]`).first().getAttribute('aria-label');
    assert.ok(label && label.length > 30, `${chart} has alt text: ${label}`);
    assert.equal(await page.locator(`figure[data-chart="${chart}"] details.numbers table tbody tr`).count() > 0, true, `${chart} has its numbers as a table`);
  }
  // The totals, against the export's rows added up.
  const shown = await page.locator('#totals .total').evaluateAll((els) =>
    els.map((e) => ({ drug: e.closest('tr')!.getAttribute('data-drug')!, unit: e.getAttribute('data-unit')!, lo: Number(e.getAttribute('data-lo')), hi: e.getAttribute('data-hi'), text: e.textContent ?? '' })),
  );
  assert.equal(shown.length, expected.size, `one total per drug and unit: ${[...expected.keys()].join(', ')}`);
  for (const s of shown) {
    const e = expected.get(`${s.drug} ${s.unit}`);
    assert.ok(e, `the export has ${s.drug} ${s.unit}`);
    assert.ok(Math.abs(s.lo - e.lo) < 1e-6, `${s.drug} ${s.unit}: low ${s.lo} = ${e.lo}`);
    assert.equal(s.hi === 'open' ? null : Number(s.hi), e.hi === null ? null : Math.round(e.hi * 1e6) / 1e6, `${s.drug} ${s.unit}: high`);
  }
  const captagon = shown.filter((s) => s.drug === 'captagon').map((s) => s.text.split(' — ')[0]);
  assert.deepEqual(captagon, ['at least 4,882,000 tablets', 'about 1,380–3,180 kg']);
  assert.match(await page.locator('#totals tr[data-drug="captagon"] .counts').innerText(), /lower bound/);
  // The Damascus raid: 215 kg against 2,015 kg, side by side in one row.
  const row = page.locator('#disagreements tr[data-event="2025-sy-damascus-captagon"]');
  const sides = await row.locator('td.side .value').allInnerTexts();
  assert.deepEqual(sides, ['about 215 kg', 'about 2,015 kg']);
  assert.match(await row.innerText(), /thenational, line 40[\s\S]*asharq, line 47[\s\S]*disputed, not settled/);
  // The table: 12 events; a filter; a sort; a row opens to its findings.
  assert.equal(await page.locator('#events-count').innerText(), '12 of 12 events');
  if (!interact) return;
  await page.locator('#events-filter').fill('latakia');
  assert.equal(await page.locator('#events-count').innerText(), '1 of 12 events');
  await page.locator('#events-filter').fill('');
  await page.locator('#events-findings').check();
  await page.locator('button.sort[data-sort="findings"]').click();
  const first = page.locator('#events-table tbody tr[data-id]').first();
  assert.equal(await first.getAttribute('data-id'), '2025-sy-damascus-captagon', 'most findings first (2 errors)');
  await first.locator('button.findings-toggle').click();
  assert.match(await page.locator('#events-table tbody tr.findings:not([hidden])').first().innerText(), /figures\/tablet-mass/);
  const href = await first.locator('a.title').getAttribute('href');
  assert.ok(href && href.endsWith('/samples/events/2025/2025-sy-damascus-captagon.yaml'), `the title links to the event file: ${href}`);
  await page.locator('#events-findings').uncheck();
}
