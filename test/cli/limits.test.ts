/**
 * Reports that cannot overflow: at most --max-findings-per-file findings of a file and
 * --max-findings-per-rule of one rule are shown, a last finding (`output/truncated`) says how many
 * more there are and how to see them, and every finding still counts in the summary and the exit code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { TRUNCATED_RULE_ID } from '../../server/src/cli/limits';
import { eventText } from '../growth/inputs';
import { runCli as run } from '../helpers/cli';
import { SAMPLES } from '../helpers/dataset';

const ID = '2026-02-20-sy-homs-captagon';
const EVENT = `events/2026/${ID}.yaml`;

/** A dataset of one event with `keys` keys the schema does not know (one error each), and `extra` lines appended. */
function dataset(keys: number, extra = ''): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'haulcheck-limits-'));
  writeFileSync(join(dir, 'haulcheck.yaml'), readFileSync(join(SAMPLES, 'haulcheck.yaml')));
  mkdirSync(join(dir, 'registries'));
  for (const f of ['drugs.yaml', 'agencies.yaml']) writeFileSync(join(dir, 'registries', f), readFileSync(join(SAMPLES, 'registries', f)));
  mkdirSync(join(dir, 'events', '2026'), { recursive: true });
  const lines = Array.from({ length: keys }, (_, i) => `k${i}: ${i}`).join('\n');
  writeFileSync(join(dir, EVENT), eventText({ id: ID, extra: lines + extra }));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number }[];
  errorCount: number;
  warningCount: number;
}

const eventOf = (stdout: string) => (JSON.parse(stdout) as JsonFile[]).find((f) => f.filePath.endsWith(EVENT))!;

test('a file with more findings than a rule may show: the first 100 by position, then one finding counting the rest', async () => {
  const ws = dataset(250);
  try {
    const r = await run(['check', '-f', 'json'], ws.dir);
    assert.equal(r.code, 1);
    const file = eventOf(r.stdout);
    const shown = file.messages.filter((m) => m.ruleId === 'schema/additionalProperties');
    assert.equal(shown.length, 100);
    const k0 = readFileSync(join(ws.dir, EVENT), 'utf8').split('\n').indexOf('k0: 0') + 1;
    assert.deepEqual(
      shown.slice(0, 2).map((m) => m.line),
      [k0, k0 + 1],
      'the first by position',
    );
    const last = file.messages[file.messages.length - 1];
    assert.equal(last.ruleId, TRUNCATED_RULE_ID);
    assert.equal(last.severity, 'error');
    assert.match(last.message, /^150 more findings in this file are not shown \(150 schema\/additionalProperties\): the report shows at most 1,000 a file and 100 of one rule\./);
    assert.match(last.message, /--max-findings-per-file 0 --max-findings-per-rule 0/);
    // The counts and the summary hold every finding (not the notice).
    assert.equal(file.errorCount, 250);
    assert.match(r.stderr, /✖ 250 problems \(250 errors, 0 warnings\)/);
    // All of them when asked.
    const all = eventOf((await run(['check', '-f', 'json', '--max-findings-per-file', '0', '--max-findings-per-rule', '0'], ws.dir)).stdout);
    assert.equal(all.messages.length, 250);
    assert.ok(!all.messages.some((m) => m.ruleId === TRUNCATED_RULE_ID));
    // A cap per file.
    const some = eventOf((await run(['check', '-f', 'json', '--max-findings-per-file', '30', '--max-findings-per-rule', '0'], ws.dir)).stdout);
    assert.equal(some.messages.length, 31);
    assert.match(some.messages[30].message, /^220 more findings .* at most 30 a file\./);
  } finally {
    ws.cleanup();
  }
});

test('findings left out still decide the exit code', async () => {
  // Warnings first (the unknown keys, made warnings), an error after them (a key written twice).
  const ws = dataset(5, '\nk0: again');
  try {
    const warn = ['--rule', 'schema/additionalProperties=warning'];
    const r = await run(['check', '-f', 'json', '--max-findings-per-file', '1', ...warn], ws.dir);
    const file = eventOf(r.stdout);
    assert.deepEqual(
      file.messages.map((m) => `${m.ruleId} ${m.severity}`),
      ['schema/additionalProperties warning', `${TRUNCATED_RULE_ID} error`],
    );
    assert.equal(r.code, 1, 'the error left out fails the run');
    assert.match(r.stderr, /6 problems \(1 error, 5 warnings\)/);
    // --max-warnings counts them too.
    const w = await run(['check', '-f', 'json', '--max-findings-per-file', '1', ...warn, '--rule', 'yaml/duplicate-key=off', '--max-warnings', '3'], ws.dir);
    assert.equal(eventOf(w.stdout).messages.length, 2);
    assert.equal(w.code, 1);
  } finally {
    ws.cleanup();
  }
});

test('a baseline records every finding and hides them before the limits apply', async () => {
  const ws = dataset(250);
  try {
    const baseline = join(ws.dir, 'baseline.json');
    const u = await run(['check', '--baseline', baseline, '--update-baseline'], ws.dir);
    assert.equal(u.code, 0, u.stderr);
    assert.match(u.stderr, /wrote 250 findings to the baseline/);
    const r = await run(['check', '-f', 'json', '--baseline', baseline], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(eventOf(r.stdout).messages, []);
    assert.match(r.stderr, /250 findings hidden by the baseline/);
    // One more problem than the baseline knows: it alone shows, and no notice.
    writeFileSync(join(ws.dir, EVENT), readFileSync(join(ws.dir, EVENT), 'utf8') + 'k250: 1\n');
    const more = await run(['check', '-f', 'json', '--baseline', baseline], ws.dir);
    assert.deepEqual(
      eventOf(more.stdout).messages.map((m) => m.ruleId),
      ['schema/additionalProperties'],
    );
  } finally {
    ws.cleanup();
  }
});

test('--fix fixes what the report left out too', async () => {
  // 150 unused suppression comments: each a warning with a safe fix (remove the comment).
  const comments = Array.from({ length: 150 }, (_, i) => `# haulcheck-disable-next-line figures/tablet-mass -- ${i}\nz${i}: 1`).join('\n');
  const ws = dataset(0, comments);
  try {
    const r = await run(['check', '--fix', '-f', 'json', '--rule', 'schema/additionalProperties=off'], ws.dir);
    assert.match(r.stderr, /applied 150 fixes in 1 file/);
    assert.ok(!readFileSync(join(ws.dir, EVENT), 'utf8').includes('haulcheck-disable'));
    assert.deepEqual(
      eventOf(r.stdout).messages.map((m) => m.ruleId),
      [],
    );
  } finally {
    ws.cleanup();
  }
});

test('every format writes the notice and stays well-formed', async () => {
  const ws = dataset(120);
  const out = mkdtempSync(join(tmpdir(), 'haulcheck-limits-out-'));
  try {
    const files = { sarif: join(out, 'r.sarif'), junit: join(out, 'r.xml'), rdjson: join(out, 'r.json') };
    const r = await run(['check', '-f', 'sarif', '-o', files.sarif, '-f', 'junit', '-o', files.junit, '-f', 'rdjson', '-o', files.rdjson, '-f', 'stylish'], ws.dir);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(readFileSync(files.sarif, 'utf8')) as Log;
    const results = sarif.runs[0].results!;
    assert.equal(results.length, 101);
    assert.equal(results[100].ruleId, TRUNCATED_RULE_ID);
    assert.ok(sarif.runs[0].tool.driver.rules!.some((d) => d.id === TRUNCATED_RULE_ID), 'the notice has a rule descriptor');
    const xml = readFileSync(files.junit, 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    assert.match(xml, /failures="101"/);
    const rd = JSON.parse(readFileSync(files.rdjson, 'utf8')) as { diagnostics: { code: { value: string } }[] };
    assert.equal(rd.diagnostics.length, 101);
    assert.match(r.stdout, /20 more findings in this file are not shown/);
  } finally {
    ws.cleanup();
    rmSync(out, { recursive: true, force: true });
  }
});

test('a usage error for a cap that is not a whole number', async () => {
  const r = await run(['check', SAMPLES, '--max-findings-per-file', 'many']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--max-findings-per-file expects a whole number/);
});

test('worker threads keep and count the same findings as one thread, the baseline applied in them', async () => {
  const ws = dataset(150);
  try {
    // Enough files for two workers (32 a worker at least), each with more findings than a rule may show.
    const text = readFileSync(join(ws.dir, EVENT), 'utf8');
    for (let i = 0; i < 70; i++) writeFileSync(join(ws.dir, 'events', '2026', `copy-${i}.yaml`), text.replace(`id: ${ID}`, `id: 2026-02-20-sy-copy-${i}-captagon`));
    const baseline = join(ws.dir, 'baseline.json');
    // A baseline of the first file only.
    await run(['check', EVENT, '--baseline', baseline, '--update-baseline'], ws.dir);
    const one = await run(['check', '-f', 'json', '--jobs', '1', '--baseline', baseline], ws.dir);
    const two = await run(['check', '-f', 'json', '--jobs', '2', '--baseline', baseline], ws.dir);
    assert.equal(two.code, one.code);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr.replace(/, [\d.]+ s/, ''), one.stderr.replace(/, [\d.]+ s/, ''));
    const files = JSON.parse(one.stdout) as JsonFile[];
    assert.deepEqual(files.find((f) => f.filePath.endsWith(EVENT))!.messages.filter((m) => m.ruleId === 'schema/additionalProperties'), [], 'the baseline hides them');
    const copy = files.find((f) => f.filePath.endsWith('copy-0.yaml'))!;
    assert.equal(copy.messages.filter((m) => m.ruleId === 'schema/additionalProperties').length, 100);
    assert.equal(copy.messages[copy.messages.length - 1].ruleId, TRUNCATED_RULE_ID);
  } finally {
    ws.cleanup();
  }
});
