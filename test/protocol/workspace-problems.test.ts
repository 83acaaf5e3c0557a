/**
 * Every problem of the dataset, not only the open files', through real JSON-RPC (dist/server.js over
 * stdio): the files never opened get their diagnostics pushed, the same findings the CLI reports;
 * they follow changes on disk and the edits that change what the dataset-wide rules see; the
 * `openFilesOnly` mode keeps to the open files; `haulcheck/status` counts them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type PublishedDiagnostics, SERVER_JS } from '../helpers/lsp-client';
import { copySamples } from '../helpers/dataset';

const CLI = join(__dirname, '..', '..', 'bin', 'haulcheck.js');
const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'core', 'valid-event.yaml'), 'utf8');
const uriOf = (p: string) => pathToFileURL(p).href;
const codes = (p: PublishedDiagnostics | undefined) => (p?.diagnostics ?? []).map((d) => d.code).sort();

/** A dataset (a copy of samples/) with one more event written to disk before the server starts. */
function dataset(extra: Record<string, string> = {}) {
  const ws = copySamples();
  for (const [rel, text] of Object.entries(extra)) {
    mkdirSync(join(ws.dir, rel, '..'), { recursive: true });
    writeFileSync(join(ws.dir, rel), text);
  }
  return ws;
}

async function start(dir: string, init: Record<string, unknown> = {}): Promise<LspClient> {
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: run `npm run build` first');
  const c = new LspClient();
  await c.initialize(dir, {}, { statusNotifications: true, ...init });
  return c;
}

const BROKEN = join('events', '2026', '2026-01-01-sy-test-captagon.yaml');
const BROKEN_TEXT = BASE.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-01-01-sy-test-captagon').replace('status: draft', 'status: reviewd');

test('files never opened get their problems: the same findings, lines and columns as the CLI reports', async () => {
  const ws = dataset({ [BROKEN]: BROKEN_TEXT });
  // Something that is not a file where an event is expected: an error on it, in both.
  const fifo = spawnSync('mkfifo', [join(ws.dir, 'events', '2026', 'pipe.yaml')]);
  const c = await start(ws.dir);
  try {
    const status = await c.ready(ws.dir);
    // What the CLI reports for the same dataset, file by file.
    const cli = spawnSync(process.execPath, [CLI, 'check', ws.dir, '--format', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(cli.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[];
    const expected = new Map<string, string[]>();
    for (const f of report) if (f.messages.length) expected.set(uriOf(f.filePath), f.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).sort());
    assert.ok(expected.size >= 5, `the CLI reports problems in several files (${expected.size})`);
    if (fifo.status === 0) assert.ok([...expected.values()].flat().some((m) => /io\/unreadable/.test(m)), 'the CLI reports the FIFO');
    const shown = new Map<string, string[]>();
    for (const [uri, p] of c.diagnostics) {
      if (p.diagnostics.length) shown.set(uri, p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`).sort());
    }
    assert.deepEqual(shown, expected);
    // The broken file was never opened, and its problems are there, unversioned (from disk).
    const broken = c.diagnostics.get(uriOf(join(ws.dir, BROKEN)));
    assert.ok(broken?.diagnostics.some((d) => d.code === 'schema/enum' && d.range.start.line === 2), JSON.stringify(broken));
    assert.equal(broken?.version, undefined);
    // The status counts the same problems.
    const all = report.flatMap((f) => f.messages);
    assert.equal(status.errors + status.warnings + status.infos, all.length);
    assert.equal(status.workspaceProblems, true);
    assert.ok(status.events >= 13 && status.files >= status.events, JSON.stringify(status));
    assert.equal(status.checked, status.files);
  } finally {
    await c.close();
    ws.cleanup();
  }
});

test('changes on disk: a created file gets its problems, a fixed one loses them, a deleted one too', async () => {
  const ws = dataset();
  const c = await start(ws.dir);
  try {
    await c.ready(ws.dir);
    const file = join(ws.dir, BROKEN);
    const uri = uriOf(file);
    writeFileSync(file, BROKEN_TEXT);
    c.filesChanged([{ path: file, type: 1 }]);
    await c.until(() => codes(c.diagnostics.get(uri)).includes('schema/enum'), 20000, 'the created file\'s schema/enum');

    writeFileSync(file, BROKEN_TEXT.replace('status: reviewd', 'status: reviewed'));
    c.filesChanged([{ path: file, type: 2 }]);
    await c.until(() => !codes(c.diagnostics.get(uri)).includes('schema/enum'), 20000, 'the fixed file without schema/enum');

    writeFileSync(file, BROKEN_TEXT);
    c.filesChanged([{ path: file, type: 2 }]);
    await c.until(() => codes(c.diagnostics.get(uri)).includes('schema/enum'), 20000, 'schema/enum again');
    rmSync(file);
    c.filesChanged([{ path: file, type: 3 }]);
    await c.until(() => c.diagnostics.get(uri)?.diagnostics.length === 0, 20000, 'the deleted file\'s problems cleared');
  } finally {
    await c.close();
    ws.cleanup();
  }
});

test('dataset-wide problems reach the closed files: a duplicate id typed in an open file flags the closed one, and goes', async () => {
  const ws = dataset();
  const c = await start(ws.dir);
  try {
    await c.ready(ws.dir);
    const closed = join(ws.dir, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml');
    const closedUri = uriOf(closed);
    assert.ok(!codes(c.diagnostics.get(closedUri)).includes('events/duplicate-id'));
    // A new file, open in the editor, takes the closed file's id.
    const open = join(ws.dir, 'events', '2026', '2026-02-23-sy-homs-captagon.yaml');
    const uri = c.open(open, BASE.replace('2026-02-22', '2026-02-23').replace('id: 2026-02-23-sy-homs-captagon', 'id: 2026-02-22-sy-homs-captagon'));
    const mine = await c.diagnosticsFor(uri, 1);
    assert.ok(codes(mine).includes('events/duplicate-id'), JSON.stringify(mine.diagnostics));
    const theirs = await c.until(() => c.diagnostics.get(closedUri)?.diagnostics.find((d) => d.code === 'events/duplicate-id'), 20000, 'duplicate-id on the closed file');
    assert.match(theirs.message, /2026-02-23-sy-homs-captagon\.yaml/);
    // The open file takes its own id: the closed one's finding goes.
    c.change(uri, BASE.replace(/2026-02-22/g, '2026-02-23'));
    await c.until(() => !codes(c.diagnostics.get(closedUri)).includes('events/duplicate-id'), 20000, 'duplicate-id gone from the closed file');
  } finally {
    await c.close();
    ws.cleanup();
  }
});

test('a file closed unsaved shows again the problems of its text on disk', async () => {
  const ws = dataset({ [BROKEN]: BROKEN_TEXT });
  const c = await start(ws.dir);
  try {
    await c.ready(ws.dir);
    const file = join(ws.dir, BROKEN);
    const uri = c.open(file, BROKEN_TEXT);
    await c.diagnosticsFor(uri, 1);
    const v = c.change(uri, BROKEN_TEXT.replace('status: reviewd', 'status: reviewed'));
    const fixed = await c.diagnosticsFor(uri, v);
    assert.ok(!codes(fixed).includes('schema/enum'));
    const before = c.published.length;
    c.closeDocument(uri);
    const again = await c.until(() => c.published.slice(before).find((p) => p.uri === uri), 20000, 'diagnostics after close');
    assert.ok(codes(again).includes('schema/enum'), JSON.stringify(again));
    assert.equal(again.version, undefined);
  } finally {
    await c.close();
    ws.cleanup();
  }
});

test('openFilesOnly: only the open files; switching the setting shows and clears the others', async () => {
  const ws = dataset({ [BROKEN]: BROKEN_TEXT });
  const brokenUri = uriOf(join(ws.dir, BROKEN));
  const c = await start(ws.dir, { diagnosticMode: 'openFilesOnly' });
  try {
    const status = await c.ready(ws.dir);
    assert.equal(status.workspaceProblems, false);
    // An open file still gets its problems; nothing else was published.
    const uri = c.open(join(ws.dir, 'events', '2026', 'open.yaml'), BASE.replace('status: draft', 'status: reviewd'));
    const mine = await c.diagnosticsFor(uri, 1);
    assert.deepEqual(
      c.published.filter((p) => p.uri !== uri),
      [],
    );
    const errors = mine.diagnostics.filter((d) => d.severity === 1).length;
    assert.ok(errors >= 1);
    await c.until(() => c.statusOf(ws.dir)?.errors === errors, 20000, 'the status to count the open file\'s errors');

    c.configure({ haulcheck: { diagnosticMode: 'workspace' } });
    await c.until(() => codes(c.diagnostics.get(brokenUri)).includes('schema/enum'), 20000, 'the closed broken file\'s problems');
    const on = await c.until(() => {
      const s = c.statusOf(ws.dir);
      return s?.workspaceProblems && s.state === 'ready' ? s : undefined;
    }, 20000, 'workspace mode ready');
    assert.ok(on.errors > 1);
    const shownUris = [...c.diagnostics].filter(([u, p]) => u !== uri && p.diagnostics.length).map(([u]) => u);
    assert.ok(shownUris.length >= 5, shownUris.join('\n'));

    c.configure({ haulcheck: { diagnosticMode: 'openFilesOnly' } });
    await c.until(() => shownUris.every((u) => c.diagnostics.get(u)?.diagnostics.length === 0), 20000, 'the closed files\' problems cleared');
    assert.ok(codes(c.diagnostics.get(uri)).includes('schema/enum'), 'the open file keeps its problems');
  } finally {
    await c.close();
    ws.cleanup();
  }
});

test('a change to haulcheck.yaml on disk checks every file again with the new rule severities', async () => {
  const ws = dataset();
  const c = await start(ws.dir);
  try {
    await c.ready(ws.dir);
    const withMissing = () => [...c.diagnostics.values()].filter((p) => codes(p).includes('sources/missing-published')).map((p) => p.uri);
    const before = withMissing();
    assert.ok(before.length >= 2, 'samples have sources without a publication date');
    const config = join(ws.dir, 'haulcheck.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('rules: {}', 'rules:\n  sources/missing-published: "off"'));
    c.filesChanged([{ path: config, type: 2 }]);
    await c.until(() => withMissing().length === 0, 30000, 'sources/missing-published gone everywhere');
    const status = await c.ready(ws.dir);
    assert.equal(status.files, status.checked);
  } finally {
    await c.close();
    ws.cleanup();
  }
});

test('the status follows the problems: counts by severity, relative to what the files show', async () => {
  const ws = dataset({ [BROKEN]: BROKEN_TEXT });
  const c = await start(ws.dir);
  try {
    const s = await c.ready(ws.dir);
    let errors = 0;
    let warnings = 0;
    for (const p of c.diagnostics.values()) {
      errors += p.diagnostics.filter((d) => d.severity === 1).length;
      warnings += p.diagnostics.filter((d) => d.severity === 2).length;
    }
    assert.equal(s.errors, errors);
    assert.equal(s.warnings, warnings);
    assert.equal(s.uri, uriOf(ws.dir));
  } finally {
    await c.close();
    ws.cleanup();
  }
});

test('a file open in the editor shows the problems of its text, never those of the file on disk', async () => {
  const ws = dataset({ [BROKEN]: BROKEN_TEXT });
  const c = new LspClient();
  try {
    await c.initialize(ws.dir, {}, { statusNotifications: true });
    // Opened at once, while the dataset is indexed: the editor's text is fixed, the file on disk is not.
    const uri = c.open(join(ws.dir, BROKEN), BROKEN_TEXT.replace('status: reviewd', 'status: reviewed'));
    await c.ready(ws.dir);
    const mine = c.published.filter((p) => p.uri === uri);
    assert.ok(mine.length >= 1);
    assert.deepEqual(mine.filter((p) => p.version === undefined || codes(p).includes('schema/enum')), []);
  } finally {
    await c.close();
    ws.cleanup();
  }
});
