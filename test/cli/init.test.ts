/** `haulcheck init`: a new dataset that checks clean, the next steps, no overwriting, --from samples. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { EXAMPLE_EVENT_PATH, newDatasetFiles, parseFile, validateValue, BUILTIN_SCHEMAS } from '../../server/src/core';
import { runCli } from '../helpers/cli';
import { SAMPLES } from '../helpers/dataset';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}
const withoutModeline = (text: string) => text.replace(/^# yaml-language-server: \$schema=\S*\n/, '');

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'haulcheck-init-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('the core gives the files of a new dataset: the samples\' registries and a passing example event, no machine path', () => {
  const files = newDatasetFiles({ name: 'Seizures: Syria 2026' });
  assert.deepEqual(files.map((f) => f.path), ['haulcheck.yaml', 'registries/drugs.yaml', 'registries/agencies.yaml', EXAMPLE_EVENT_PATH]);
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  // The registries and the example are the samples' own (drugs with their bands and sources), so they stay in step.
  for (const p of ['registries/drugs.yaml', 'registries/agencies.yaml', EXAMPLE_EVENT_PATH]) {
    assert.equal(byPath.get(p), withoutModeline(readFileSync(join(SAMPLES, ...p.split('/')), 'utf8')), p);
  }
  const config = byPath.get('haulcheck.yaml')!;
  const value = parseFile(config).docs[0].value as Record<string, unknown>;
  assert.deepEqual(validateValue(BUILTIN_SCHEMAS.config, value), []);
  assert.equal(value.name, 'Seizures: Syria 2026');
  assert.ok(config.split('\n').filter((l) => l.startsWith('#')).length >= 10, 'the config explains itself in comments');
  for (const f of files) assert.doesNotMatch(f.text, /yaml-language-server|\.\.\/|\/home\/|\/Users\//, `${f.path} carries no path of this machine`);
});

test('haulcheck init, then haulcheck check: exit 0, a summary, and the next three steps', async () => {
  const ws = tempDir();
  try {
    const r = await runCli(['init', 'my-dataset'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    const dir = join(ws.dir, 'my-dataset');
    assert.deepEqual(walk(dir).map((f) => relative(dir, f)).sort(), ['events/2026/2026-02-22-sy-homs-captagon.yaml', 'haulcheck.yaml', 'registries/agencies.yaml', 'registries/drugs.yaml']);
    assert.match(r.stdout, /^Created a Haulcheck dataset in my-dataset:\n  haulcheck\.yaml\n/);
    const steps = r.stdout.split('Next steps:\n')[1].trimEnd().split('\n');
    assert.equal(steps.length, 3, r.stdout);
    assert.match(steps[0], /^  1\. Check it: cd my-dataset && npx haulcheck check/);
    assert.match(steps[1], /^  2\. Add an event: /);
    assert.match(steps[2], /^  3\. Check every pull request: /);
    const check = await runCli(['check'], dir);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.equal(check.stdout, '');
    assert.match(check.stderr, /^✔ no problems in 4 files \(1 event\), \d+\.\d\d s\n$/);
    // A half-filled copy of the example fails, as it should.
    const example = readFileSync(join(dir, ...EXAMPLE_EVENT_PATH.split('/')), 'utf8');
    writeFileSync(join(dir, 'events', '2026', '2026-02-23-sy-homs-captagon.yaml'), example.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-23-sy-homs-captagon').replace('publisher: The Media Line', 'publisher: TODO'));
    const half = await runCli(['check', '-f', 'json'], dir);
    assert.equal(half.code, 1);
    assert.match(half.stdout, /events\/placeholder/);
  } finally {
    ws.cleanup();
  }
});

test('haulcheck init refuses to write over anything, and writes nothing then', async () => {
  const ws = tempDir();
  try {
    writeFileSync(join(ws.dir, 'haulcheck.yaml'), 'version: 1\n# mine\n');
    const r = await runCli(['init'], ws.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^haulcheck: \. already holds haulcheck\.yaml; init writes nothing over existing files/);
    assert.equal(readFileSync(join(ws.dir, 'haulcheck.yaml'), 'utf8'), 'version: 1\n# mine\n');
    assert.deepEqual(readdirSync(ws.dir), ['haulcheck.yaml']);
    writeFileSync(join(ws.dir, 'file'), '');
    assert.equal((await runCli(['init', 'file'], ws.dir)).code, 2);
    const bad = await runCli(['init', 'x', '--from', 'elsewhere'], ws.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--from takes "samples"/);
    assert.match((await runCli(['init', '--help'], ws.dir)).stdout, /^Usage: haulcheck init \[DIR\] \[--from samples\]/);
  } finally {
    ws.cleanup();
  }
});

test('haulcheck init --from samples copies the sample dataset (without the comments that point into this project)', async () => {
  const ws = tempDir();
  try {
    const r = await runCli(['init', 'samples-copy', '--from', 'samples'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    const dir = join(ws.dir, 'samples-copy');
    const copied = walk(dir).map((f) => relative(dir, f)).sort();
    assert.deepEqual(copied, walk(SAMPLES).map((f) => relative(SAMPLES, f)).sort());
    for (const f of copied) assert.equal(readFileSync(join(dir, f), 'utf8'), withoutModeline(readFileSync(join(SAMPLES, f), 'utf8')), f);
    const check = await runCli(['check', '-f', 'json'], dir);
    const repo = await runCli(['check', '-f', 'json'], SAMPLES);
    const ids = (out: string) => (JSON.parse(out) as { messages: { ruleId: string }[] }[]).flatMap((x) => x.messages.map((m) => m.ruleId)).sort();
    assert.deepEqual(ids(check.stdout), ids(repo.stdout), 'the copy reports what the samples report');
    assert.equal(check.code, 1);
  } finally {
    ws.cleanup();
  }
});
