/** The `haulcheck` command: formats, exit codes, paths, and the real sample dataset. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { SAMPLES, copySamples } from '../helpers/dataset';

const fixtures = join(__dirname, '..', 'fixtures', 'core');
const BIN = join(__dirname, '..', '..', 'bin', 'haulcheck.js');

const run = runCli;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  errorCount: number;
  warningCount: number;
}

test('every file of the sample dataset is checked', async () => {
  const r = await run(['check', SAMPLES, '--format', 'json']);
  const results = JSON.parse(r.stdout) as JsonResult[];
  const checked = results.map((x) => x.filePath.slice(SAMPLES.length + 1)).sort();
  assert.ok(checked.includes('haulcheck.yaml'));
  assert.ok(checked.includes('registries/drugs.yaml'));
  assert.ok(checked.includes('registries/agencies.yaml'));
  assert.ok(checked.filter((f) => f.startsWith('events/')).length >= 10, checked.join('\n'));
  // The findings themselves are asserted in test/samples/findings.test.ts.
  assert.equal(r.code, results.some((x) => x.errorCount > 0) ? 1 : 0);
});

test('a broken event: exit 1, json in ESLint shape with 1-based positions and severity words', async () => {
  const ws = copySamples();
  try {
    const text = readFileSync(join(fixtures, 'valid-event.yaml'), 'utf8').replace('status: draft', 'status: reviewd');
    writeFileSync(join(ws.dir, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml'), text);
    const r = await run(['check', 'events/2026/2026-02-22-sy-homs-captagon.yaml', '-f', 'json'], ws.dir);
    assert.equal(r.code, 1);
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    assert.ok(res.filePath.endsWith('2026-02-22-sy-homs-captagon.yaml'));
    const m = res.messages.find((x) => x.ruleId === 'schema/enum');
    assert.ok(m, r.stdout);
    assert.deepEqual([m.severity, m.line, m.column, m.endLine, m.endColumn], ['error', 3, 9, 3, 16]);
    assert.ok(res.errorCount >= 1);
  } finally {
    ws.cleanup();
  }
});

test('stylish output: file, line:column, severity, message, rule id and a code frame', async () => {
  const ws = copySamples();
  try {
    const text = readFileSync(join(fixtures, 'valid-event.yaml'), 'utf8').replace('status: draft', 'status: reviewd');
    writeFileSync(join(ws.dir, 'events', '2026', 'x.yaml'), text);
    const r = await run(['check'], ws.dir); // no paths: the dataset from haulcheck.yaml in cwd
    assert.equal(r.code, 1);
    assert.match(r.stdout, /events\/2026\/x\.yaml/);
    assert.match(r.stdout, /3:9 +error +"status" is the text "reviewd".*schema\/enum/);
    assert.match(r.stdout, /> 3 \| status: reviewd\n\s+\|\s+\^\^\^\^\^\^\^/);
    // The summary goes to standard error, once, after the report.
    assert.doesNotMatch(r.stdout, /problems?/);
    assert.match(r.stderr, /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?(, \d+ info)?\) in 16 files \(13 events\), \d+\.\d\d s\n$/m);
  } finally {
    ws.cleanup();
  }
});

test('exit 2 on bad usage and on unreadable input, with a clear message', async () => {
  assert.equal((await run([])).code, 2);
  const unknown = await run(['lint']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "lint"/);
  const fmt = await run(['check', SAMPLES, '--format', 'xml']);
  assert.equal(fmt.code, 2);
  assert.match(fmt.stderr, /unknown format "xml"/);
  const missing = await run(['check', 'no/such/file.yaml']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Cannot read no\/such\/file\.yaml/);
  const rule = await run(['check', SAMPLES, '--rule', 'schema/enum=loud']);
  assert.equal(rule.code, 2);
});

test('--rule turns a rule off; --output writes the report to a file', async () => {
  const ws = copySamples();
  try {
    const text = readFileSync(join(fixtures, 'valid-event.yaml'), 'utf8').replace('status: draft', 'status: reviewd');
    const f = join(ws.dir, 'events', '2026', 'x.yaml');
    writeFileSync(f, text);
    const off = await run(['check', f, '--rule', 'schema/enum=off', '-f', 'json']);
    const [res] = JSON.parse(off.stdout) as JsonResult[];
    assert.ok(!res.messages.some((m) => m.ruleId === 'schema/enum'));
    const out = join(ws.dir, 'report.json');
    const w = await run(['check', f, '-f', 'json', '-o', out]);
    assert.equal(w.stdout, '');
    assert.ok(existsSync(out));
    assert.ok(JSON.parse(readFileSync(out, 'utf8'))[0].messages.length > 0);
  } finally {
    ws.cleanup();
  }
});

test('a file outside any dataset is not a dataset file, unless its $schema comment says what it is', async () => {
  const ws = copySamples();
  const dir = join(ws.dir, '..', `loose-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(dir);
    writeFileSync(join(dir, 'e.yaml'), 'id: x\nstatus: open\n');
    writeFileSync(join(dir, 'README.md'), '# Notes\n\nSome *text*: "with a quote\n');
    const loose = await run(['check', join(dir, 'e.yaml'), join(dir, 'README.md'), '-f', 'json']);
    assert.equal(loose.code, 2, loose.stderr);
    assert.deepEqual(JSON.parse(loose.stdout), []);
    assert.match(loose.stderr, /e\.yaml is not a dataset file \(no haulcheck\.yaml in its folder or above, and no "# yaml-language-server: \$schema=" comment saying what it is\); it is not checked\./);
    assert.match(loose.stderr, /README\.md is not a dataset file \(not a YAML file\); it is not checked\./);
    assert.doesNotMatch(loose.stderr + loose.stdout, /YAML syntax error/);
    writeFileSync(join(dir, 'e.yaml'), '# yaml-language-server: $schema=https://example.org/event.schema.json\nid: x\nstatus: open\n');
    const r = await run(['check', join(dir, 'e.yaml'), '-f', 'json']);
    assert.equal(r.code, 1);
    assert.ok((JSON.parse(r.stdout) as JsonResult[])[0].messages.some((m) => m.ruleId === 'schema/enum'));
    // README.md inside a dataset: the same words, and the dataset's events are still read.
    const inside = await run(['check', 'README.md'], ws.dir);
    assert.equal(inside.code, 0, inside.stderr);
    assert.match(inside.stderr, /^haulcheck: README\.md is not a dataset file \(not a YAML file\); it is not checked\.$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    ws.cleanup();
  }
});

test('a missing registry is an error on its line of haulcheck.yaml that names the checks it turns off (exit 1)', async () => {
  const ws = copySamples();
  try {
    rmSync(join(ws.dir, 'registries', 'drugs.yaml'));
    const r = await run(['check', '-f', 'json'], ws.dir);
    assert.equal(r.code, 1, r.stderr);
    const config = (JSON.parse(r.stdout) as JsonResult[]).find((x) => x.filePath.endsWith('haulcheck.yaml'))!;
    const m = config.messages.find((x) => x.ruleId === 'config/paths');
    assert.ok(m, JSON.stringify(config.messages));
    assert.deepEqual([m.severity, m.line, m.column], ['error', 8, 10]);
    assert.equal(m.message, 'registries.drugs: registries/drugs.yaml does not exist: figures/drug-name, figures/magnitude, figures/tablet-mass, figures/unit-for-drug and refs/unknown-drug cannot run.');
    // The 1.6 g tablets of the samples are no longer checked: the config finding is what fails the run.
    assert.ok(!(JSON.parse(r.stdout) as JsonResult[]).some((x) => x.messages.some((y) => y.ruleId === 'figures/tablet-mass')));
  } finally {
    ws.cleanup();
  }
});

test('a run that checks no event file says so and exits 2, unless --allow-empty; every run ends with a summary on stderr', async () => {
  const ws = copySamples();
  try {
    writeFileSync(join(ws.dir, 'haulcheck.yaml'), readFileSync(join(ws.dir, 'haulcheck.yaml'), 'utf8').replace('  - events/**/*.yaml', '  - event/**/*.yaml'));
    const r = await run(['check'], ws.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^haulcheck: no event file was checked: the events globs of haulcheck\.yaml \(event\/\*\*\/\*\.yaml\) match no file\. Pass --allow-empty if that is expected\.$/m);
    assert.match(r.stdout, /events\[0\]: event\/\*\*\/\*\.yaml matches no file, so no event is checked through it\.\s+config\/paths/);
    const allowed = await run(['check', '--allow-empty'], ws.dir);
    assert.equal(allowed.code, 1, 'the config finding still fails the run');
    assert.match(allowed.stderr, /no event file was checked: .* match no file\.\n/);
    // A clean run ends with its summary too.
    const clean = await run(['check', SAMPLES + '/registries']);
    assert.equal(clean.code, 0, clean.stderr);
    assert.equal(clean.stdout, '');
    assert.match(clean.stderr, /^✔ no problems in 2 files \(0 events\), \d+\.\d\d s\n$/);
  } finally {
    ws.cleanup();
  }
});

test('the installed bin runs end to end (exit code from the process)', () => {
  const ok = spawnSync(process.execPath, [BIN, 'check', join(SAMPLES, 'registries')], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const samples = spawnSync(process.execPath, [BIN, 'check', SAMPLES], { encoding: 'utf8' });
  assert.equal(samples.status, 1, 'the samples hold real errors');
  assert.match(samples.stdout, /figures\/tablet-mass/);
  const bad = spawnSync(process.execPath, [BIN, 'check', '/no/such/dataset'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /Cannot read/);
  const v = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
  assert.match(v.stdout, /^\d+\.\d+\.\d+/);
});

test('files named explicitly that the dataset does not hold (pre-commit passes every staged YAML) are skipped', async () => {
  const ws = copySamples();
  try {
    mkdirSync(join(ws.dir, '.github', 'workflows'), { recursive: true });
    const wf = join(ws.dir, '.github', 'workflows', 'ci.yml');
    writeFileSync(wf, 'on: [pull_request]\njobs: {}\n');
    const r = await run(['check', wf, join(ws.dir, 'registries', 'drugs.yaml'), '-f', 'json'], ws.dir);
    const results = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(results.map((x) => x.filePath.slice(ws.dir.length + 1)), ['registries/drugs.yaml']);
    assert.equal(r.code, 0);
  } finally {
    ws.cleanup();
  }
});
