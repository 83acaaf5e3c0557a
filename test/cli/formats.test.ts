/** Output formats for CI, each checked against its consumer's rules. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { ALL_RULES, INTERNAL_RULE_ID, LineIndex, ruleDocsUrl, type Finding } from '../../server/src/core';
import { escapeData, escapeProperty, githubReport } from '../../server/src/cli/formatters/github';
import { formatJunit } from '../../server/src/cli/formatters/junit';
import { formatToString } from '../../server/src/cli/types';
import type { FileResult } from '../../server/src/cli/types';
import { runCli } from '../helpers/cli';
import { copySamples } from '../helpers/dataset';

const ROOT = join(__dirname, '..', '..');
const fixtures = join(ROOT, 'test', 'fixtures', 'core');
const MULTITOOL_PKG = join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux');
const SARIF_SCHEMA = join(MULTITOOL_PKG, 'sarif-2.1.0.json');
const EVENT = join('events', '2026', '2026-02-22-sy-homs-captagon.yaml');

const run = runCli;

/** A copy of the samples whose Homs event has an Arabic status (schema/enum) on line 3. */
function brokenDataset(status = '"مسودة 🙂"') {
  const ws = copySamples();
  const text = readFileSync(join(fixtures, 'valid-event.yaml'), 'utf8').replace('status: draft', `status: ${status}`);
  writeFileSync(join(ws.dir, EVENT), text);
  return ws;
}

function sarifOf(s: string): Log {
  return JSON.parse(s) as Log;
}

test('sarif: valid against the SARIF 2.1.0 schema, with full rule metadata and repo-relative UTF-16 regions', async () => {
  const ws = brokenDataset();
  try {
    const r = await run(['check', '-f', 'sarif'], ws.dir);
    assert.equal(r.code, 1, r.stderr);
    const log = sarifOf(r.stdout);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run0 = log.runs[0];
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    const rules = run0.tool.driver.rules!;
    // Every id that can be reported is described (family rules by the ids they report).
    const ids = rules.map((x) => x.id);
    for (const rule of ALL_RULES) for (const id of rule.meta.reports?.length ? rule.meta.reports : [rule.meta.id]) assert.ok(ids.includes(id), id);
    assert.ok(ids.includes(INTERNAL_RULE_ID));
    assert.ok(!ids.includes('schema'), 'a family id is not a reportable rule');
    for (const d of rules) {
      assert.ok(d.name && /^[A-Za-z0-9]+$/.test(d.name), d.id);
      assert.ok(d.shortDescription?.text && d.fullDescription?.text && d.help?.text && d.help.markdown, d.id);
      assert.equal(d.helpUri, ruleDocsUrl(d.id));
      assert.ok(['error', 'warning', 'note', 'none'].includes(d.defaultConfiguration!.level!), d.id);
    }
    assert.equal(rules[ids.indexOf('schema/enum')].defaultConfiguration!.level, 'error');
    for (const res of run0.results!) {
      assert.equal(rules[res.ruleIndex!].id, res.ruleId);
      const loc = res.locations![0].physicalLocation!;
      assert.equal(loc.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.ok(!loc.artifactLocation!.uri!.startsWith('/') && !loc.artifactLocation!.uri!.includes('\\'), loc.artifactLocation!.uri);
      assert.match(Object.values(res.partialFingerprints!)[0], /^[0-9a-f]{64}$/);
    }
    const enumResult = run0.results!.find((x) => x.ruleId === 'schema/enum')!;
    assert.equal(enumResult.locations![0].physicalLocation!.artifactLocation!.uri, 'events/2026/2026-02-22-sy-homs-captagon.yaml');
    // "مسودة 🙂" in quotes: 5 + 1 + 2 (a surrogate pair) + 2 quotes = 10 UTF-16 code units from column 9.
    assert.deepEqual(enumResult.locations![0].physicalLocation!.region, { startLine: 3, startColumn: 9, endLine: 3, endColumn: 19 });
    assert.equal(enumResult.level, 'error');
  } finally {
    ws.cleanup();
  }
});

test('sarif: partial fingerprints survive reformatting (lines added above, indentation of comments)', async () => {
  const ws = brokenDataset();
  try {
    const before = sarifOf((await run(['check', '-f', 'sarif'], ws.dir)).stdout).runs[0].results!.find((x) => x.ruleId === 'schema/enum')!;
    const file = join(ws.dir, EVENT);
    writeFileSync(file, '# a new comment\n\n' + readFileSync(file, 'utf8'));
    const after = sarifOf((await run(['check', '-f', 'sarif'], ws.dir)).stdout).runs[0].results!.find((x) => x.ruleId === 'schema/enum')!;
    assert.equal(after.locations![0].physicalLocation!.region!.startLine, 5);
    assert.deepEqual(after.partialFingerprints, before.partialFingerprints);
    // --root changes the URIs (and so the fingerprints) consistently.
    const rooted = sarifOf((await run(['check', ws.dir, '-f', 'sarif', '--root', join(ws.dir, '..')], ws.dir)).stdout);
    const uri = rooted.runs[0].results!.find((x) => x.ruleId === 'schema/enum')!.locations![0].physicalLocation!.artifactLocation!.uri!;
    assert.ok(uri.endsWith('/events/2026/2026-02-22-sy-homs-captagon.yaml') && !uri.startsWith('events/'), uri);
  } finally {
    ws.cleanup();
  }
});

test("sarif: Microsoft's SARIF Multitool validates it (SARIF and GitHub rules) without errors or warnings", async (t) => {
  const bin = join(MULTITOOL_PKG, 'Sarif.Multitool');
  const probe = existsSync(bin) ? spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 }) : undefined;
  if (!probe || probe.status !== 0) {
    t.skip(`the SARIF Multitool cannot run here (${!probe ? `${bin} is missing: npm ci installs @microsoft/sarif-multitool-linux` : (probe.error?.message ?? probe.stderr)})`);
    return;
  }
  const ws = brokenDataset();
  const out = mkdtempSync(join(tmpdir(), 'haulcheck-sarif-'));
  try {
    const file = join(out, 'results.sarif');
    await run(['check', '-f', 'sarif', '-o', file], ws.dir);
    const report = join(out, 'validation.sarif');
    const v = spawnSync(bin, ['validate', file, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '-o', report, '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(v.status, 0, v.stdout + v.stderr);
    const problems = (sarifOf(readFileSync(report, 'utf8')).runs[0].results ?? []).filter((x) => x.level === 'error' || x.level === 'warning');
    assert.deepEqual(
      problems.map((x) => `${x.level} ${x.ruleId} ${JSON.stringify(x.message.arguments)}`),
      [],
    );
  } finally {
    ws.cleanup();
    rmSync(out, { recursive: true, force: true });
  }
});

function finding(severity: Finding['severity'], line: number, message = `m${line}`, ruleId = 'schema/enum'): Finding {
  const pos = { offset: 0, line, character: 2 };
  return { ruleId, severity, message, range: { start: pos, end: { ...pos, character: 5 } }, pointer: '/status', docIndex: 0 };
}

function fileResult(path: string, findings: Finding[]): FileResult {
  const text = 'x\n'.repeat(60);
  return { path, displayPath: path, text, lines: new LineIndex(text), findings };
}

test('github: workflow commands escaped as the runner reads them', () => {
  assert.equal(escapeData('100% a\r\nb'), '100%25 a%0D%0Ab');
  assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  const r = githubReport([fileResult('/ws/d/e,1.yaml', [finding('error', 2, '50% of "x": a\nb')])], { cwd: '/ws', root: '/ws', color: false });
  assert.equal(r.commands, '::error file=d/e%2C1.yaml,line=3,endLine=3,col=3,endColumn=6,title=schema/enum (error)::50%25 of "x": a%0Ab\n');
});

test('github: at most N annotations a level, errors and changed lines first, the rest said and summarised', () => {
  const findings = [...Array.from({ length: 14 }, (_, i) => finding('warning', i)), ...Array.from({ length: 12 }, (_, i) => finding('error', 20 + i)), finding('info', 40)];
  const res = fileResult('/ws/a.yaml', findings);
  const r = githubReport([res], { cwd: '/ws', root: '/ws', color: false, maxAnnotations: 10, changedLines: new Map([['/ws/a.yaml', new Set([31, 13])]]) });
  const lines = r.commands.trim().split('\n');
  const errors = lines.filter((l) => l.startsWith('::error '));
  const warnings = lines.filter((l) => l.startsWith('::warning '));
  const notices = lines.filter((l) => l.startsWith('::notice '));
  assert.equal(errors.length, 10);
  assert.equal(warnings.length, 10);
  // Errors come first; the error on changed line 31 (0-based 30) comes first of all.
  assert.ok(lines[0].startsWith('::error ') && lines[0].includes('line=31,'), lines[0]);
  assert.ok(warnings[0].includes('line=13,'), warnings[0]);
  // The info finding fits within the notice slots (one is kept for the cap notice).
  assert.equal(notices.length, 2);
  assert.match(notices[1], /^::notice title=Haulcheck%3A annotations capped::Haulcheck: 27 findings, 21 shown as annotations \(at most 10 of each level\), 6 left out/);
  assert.equal(r.omitted, 6);
  assert.match(r.summary, /\*\*Annotations capped\.\*\* .*6 left out/);
  assert.equal(r.summary.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity') && !l.startsWith('| ---')).length, 27);
});

test('github: chosen when GITHUB_ACTIONS=true; the job summary is appended to GITHUB_STEP_SUMMARY', async () => {
  const ws = brokenDataset('"a|b"');
  try {
    const summary = join(ws.dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = await run(['check', EVENT, '--max-annotations', '1'], ws.dir, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^::error file=events\/2026\/2026-02-22-sy-homs-captagon\.yaml,line=3,endLine=3,col=9,endColumn=14,title=schema\/enum \(error\)::/m);
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('::error ')).length, 1);
    const md = readFileSync(summary, 'utf8');
    assert.ok(md.startsWith('# earlier step\n## Haulcheck'), md);
    assert.match(md, /\| error \| `events\/2026\/2026-02-22-sy-homs-captagon\.yaml`:3:9 \| \[schema\/enum\]\(.*\) \| .*a\\\|b/);
    // Without GITHUB_ACTIONS the default stays stylish.
    assert.match((await run(['check', EVENT], ws.dir)).stdout, /\d+:\d+ +error +.*schema\/enum/);
  } finally {
    ws.cleanup();
  }
});

test('junit: well-formed XML, a suite per file, a failing case per finding, a passing case per clean file', async () => {
  const nasty = `bad <tag> & "quotes" 'single' \u0001 ]]> end`;
  const xml = formatToString(formatJunit, [fileResult('/ws/a & b.yaml', [finding('error', 1, nasty), finding('warning', 2)]), fileResult('/ws/clean.yaml', [])], {
    cwd: '/ws',
    root: '/ws',
    color: false,
  });
  assert.equal(XMLValidator.validate(xml), true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(xml);
  const suites = doc.testsuites.testsuite;
  assert.equal(doc.testsuites.tests, '3');
  assert.equal(doc.testsuites.failures, '2');
  assert.deepEqual(suites.map((s: { name: string }) => s.name), ['a & b.yaml', 'clean.yaml']);
  assert.equal(suites[0].testcase.length, 2);
  assert.equal(suites[0].testcase[0].failure.message, nasty.replace('\u0001', '\uFFFD'));
  assert.equal(suites[0].testcase[0].failure.type, 'schema/enum');
  assert.equal(suites[1].testcase.length, 1);
  assert.equal(suites[1].testcase[0].failure, undefined);
  // And from the command, on the samples.
  const ws = brokenDataset();
  try {
    const r = await run(['check', '-f', 'junit'], ws.dir);
    assert.equal(XMLValidator.validate(r.stdout), true);
    assert.match(r.stdout, /<testsuite name="events\/2026\/2026-02-22-sy-homs-captagon\.yaml"/);
  } finally {
    ws.cleanup();
  }
});

test('rdjson: reviewdog diagnostics with UTF-8 byte columns, rule code and docs link', async () => {
  const ws = brokenDataset();
  try {
    const r = await run(['check', '-f', 'rdjson'], ws.dir);
    const out = JSON.parse(r.stdout) as { source: { name: string }; diagnostics: { message: string; severity: string; code: { value: string; url: string }; location: { path: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } } }[] };
    assert.equal(out.source.name, 'haulcheck');
    const d = out.diagnostics.find((x) => x.code.value === 'schema/enum')!;
    assert.equal(d.location.path, 'events/2026/2026-02-22-sy-homs-captagon.yaml');
    assert.equal(d.severity, 'ERROR');
    assert.equal(d.code.url, ruleDocsUrl('schema/enum'));
    // "مسودة 🙂" in quotes: 5×2 + 1 + 4 + 2 = 17 bytes from column 9.
    assert.deepEqual(d.location.range, { start: { line: 3, column: 9 }, end: { line: 3, column: 26 } });
    for (const x of out.diagnostics) assert.ok(['ERROR', 'WARNING', 'INFO'].includes(x.severity));
  } finally {
    ws.cleanup();
  }
});

test('several formats in one run, each --format with the --output after it; one may go to stdout', async () => {
  const ws = brokenDataset();
  try {
    const r = await run(['check', '--format', 'sarif', '--output', 'out/results.sarif', '--format', 'stylish', '-f', 'junit', '-o', 'junit.xml'], ws.dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\d+:\d+ +error /);
    assert.equal(sarifOf(readFileSync(join(ws.dir, 'out', 'results.sarif'), 'utf8')).version, '2.1.0');
    assert.equal(XMLValidator.validate(readFileSync(join(ws.dir, 'junit.xml'), 'utf8')), true);
    const two = await run(['check', '-f', 'json', '-f', 'stylish'], ws.dir);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /only one --format can go to standard output/);
  } finally {
    ws.cleanup();
  }
});

test('gating: --fail-on, --max-warnings, usage errors', async () => {
  const ws = copySamples();
  try {
    const file = join(ws.dir, EVENT);
    // Only a warning: an unused suppression comment.
    writeFileSync(file, readFileSync(join(fixtures, 'valid-event.yaml'), 'utf8').replace('status: draft', '# haulcheck-disable-next-line schema/enum -- stale\nstatus: draft'));
    const only = (extra: string[]) => run(['check', EVENT, '-f', 'json', ...extra], ws.dir);
    const base = await only([]);
    const msgs = (JSON.parse(base.stdout) as { messages: { severity: string; ruleId: string }[] }[])[0].messages;
    assert.ok(msgs.some((m) => m.ruleId === 'suppressions/unused' && m.severity === 'warning'), base.stdout);
    const hasErrors = msgs.some((m) => m.severity === 'error');
    assert.equal(base.code, hasErrors ? 1 : 0);
    assert.equal((await only(['--fail-on', 'warning'])).code, 1);
    assert.equal((await only(['--fail-on', 'info'])).code, 1);
    const warnings = msgs.filter((m) => m.severity === 'warning').length;
    if (!hasErrors) {
      assert.equal((await only(['--max-warnings', String(warnings)])).code, 0);
      assert.equal((await only(['--max-warnings', String(warnings - 1)])).code, 1);
    }
    for (const bad of [['--fail-on', 'loud'], ['--max-warnings', '-1'], ['--jobs', '0'], ['--update-baseline'], ['--fix', '--dry-run', '--format', 'nope'], ['--dry-run']]) {
      const r = await only(bad);
      assert.equal(r.code, 2, `${bad.join(' ')}: ${r.stderr}`);
    }
  } finally {
    ws.cleanup();
  }
});
