/**
 * `haulcheck report` and `export` run in a worker thread of bounded heap (node/threads.ts), the rows
 * summed up as they are read: what they write is what the core makes of every row at once, and a
 * dataset too large for the thread's heap is read again without the limit, with the same output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack, summarize, toCsv } from '../../server/src/core';
import { datasetRows } from '../../server/src/node/rows';
import { analysisCommand } from '../../server/src/cli/analysis';
import { runCli } from '../helpers/cli';
import { SAMPLES } from '../helpers/dataset';

const TODAY = '2026-01-01';

/** The data a report page carries (its JSON block). */
function pageData(file: string): unknown {
  const html = readFileSync(file, 'utf8');
  const m = /<script type="application\/json" id="haulcheck-data">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(m, 'the page carries its data');
  return JSON.parse(m[1]);
}

/** The summary of the samples made from all their rows at once, in this process, as the page packs it. */
async function expectedData(): Promise<unknown> {
  const { rows, dataset } = await datasetRows({ root: SAMPLES, today: TODAY });
  const name = (dataset.rawConfig as { name?: unknown }).name;
  const s = summarize(rows, { title: typeof name === 'string' ? name : 'Seizure dataset', today: dataset.context.today, registries: dataset.context.registries });
  return JSON.parse(JSON.stringify(pack(s)));
}

test('report: the page written by the thread holds the summary of every row at once', async () => {
  const out = mkdtempSync(join(tmpdir(), 'haulcheck-report-'));
  try {
    const r = await runCli(['report', SAMPLES, '--out', out, '--today', TODAY]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /wrote .*index\.html: 12 events, 1 disagreements/);
    assert.deepEqual(pageData(join(out, 'index.html')), await expectedData());
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('report: a dataset too large for the thread is read again without the limit, with the same page', async () => {
  const out = mkdtempSync(join(tmpdir(), 'haulcheck-report-'));
  try {
    let stderr = '';
    const code = await analysisCommand('report', [SAMPLES, '--out', out, '--today', TODAY], { cwd: process.cwd(), stdout: () => undefined, stderr: (s) => (stderr += s) }, { maxOldGenerationSizeMb: 1 });
    assert.equal(code, 0, stderr);
    assert.match(stderr, /the report needed more than the 1 MB its thread may use; reading the dataset again without that limit/);
    assert.deepEqual(pageData(join(out, 'index.html')), await expectedData());
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('export: the thread writes to stdout what the core makes of the rows', async () => {
  const r = await runCli(['export', SAMPLES, '--format', 'csv', '--today', TODAY]);
  assert.equal(r.code, 0, r.stderr);
  const { rows } = await datasetRows({ root: SAMPLES, today: TODAY });
  assert.equal(r.stdout, toCsv(rows));
});
