/**
 * The language server's browser build (dist/browser-server.js), run in a context that has what a
 * web worker has and nothing of Node's, with code generation refused (test/helpers/web-server.ts),
 * on a dataset it reads only through the file-system port under a virtual URI (as on github.dev):
 * the problems of the files never opened are the CLI's, found by a background index with progress;
 * an opened file's problems come at once; hovers, quick-fixes, completion, navigation and inlay
 * hints answer; changes on disk are followed. And the bundle imports nothing of Node's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyLspEdits, type CodeAction, type CompletionItem, type Location, type PublishedDiagnostics, positionOf } from '../helpers/lsp-client';
import { copySamples } from '../helpers/dataset';
import { BROWSER_SERVER_JS, VFS_ROOT, WebServer } from '../helpers/web-server';

const CLI = join(__dirname, '..', '..', 'bin', 'haulcheck.js');
const DAMASCUS = 'events/2025/2025-sy-damascus-captagon.yaml';
const COPY = 'events/2025/2025-sy-damascus-captagon-copy.yaml';
const BROKEN = 'events/2026/2026-01-01-sy-test-captagon.yaml';
const codes = (p: PublishedDiagnostics | undefined) => (p?.diagnostics ?? []).map((d) => String(d.code));

function dataset() {
  const ws = copySamples();
  const damascus = readFileSync(join(ws.dir, DAMASCUS), 'utf8');
  // The same event twice (a dataset-wide finding, events/duplicate-id), and a broken one.
  writeFileSync(join(ws.dir, COPY), damascus);
  mkdirSync(join(ws.dir, 'events', '2026'), { recursive: true });
  const base = readFileSync(join(__dirname, '..', 'fixtures', 'core', 'valid-event.yaml'), 'utf8');
  writeFileSync(join(ws.dir, BROKEN), base.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-01-01-sy-test-captagon').replace('status: draft', 'status: reviewd'));
  return ws;
}

test('the browser bundle imports nothing of Node and holds no run-time schema compiler', () => {
  assert.ok(existsSync(BROWSER_SERVER_JS), 'dist/browser-server.js is missing: run `npm run build` first');
  const text = readFileSync(BROWSER_SERVER_JS, 'utf8');
  // An IIFE for a worker: no module system, and none of Node's modules (the build refuses them).
  assert.doesNotMatch(text, /\brequire\s*\(\s*["'](node:)?(fs|path|url|crypto|worker_threads|child_process|os|v8|vm|util|stream|net)["']/);
  // ajv's compiler (which runs its code with `new Function`) is not in the bundle.
  assert.doesNotMatch(text, /new Function\s*\(/);
  assert.match(text, /this build compiles no code at run time/);
});

test('in a web worker with no file system: the problems of files never opened are the CLI\'s, read through the port with progress, and follow changes on disk', async () => {
  const ws = dataset();
  const server = new WebServer(ws.dir);
  try {
    // What the server's context has: a worker's globals, none of Node's, no code from strings.
    assert.equal(server.evaluate('[typeof process, typeof require, typeof setImmediate, typeof Buffer, typeof global].join()'), 'undefined,undefined,undefined,undefined,undefined');
    assert.throws(() => server.evaluate('new Function("return 1")()'), /Code generation from strings disallowed/);
    await server.initialize();
    const status = await server.ready();
    assert.equal(status.root, VFS_ROOT);
    assert.ok(status.events >= 12, `${status.events} events indexed`);
    // Progress while indexing, as the editor shows it.
    assert.ok(server.progress.some((p) => p.kind === 'begin' && /Indexing dataset/.test(p.title ?? '')), JSON.stringify(server.progress));
    assert.ok(server.progress.some((p) => p.kind === 'end'));
    // The files were read through the port: listed, stat'ed and read.
    for (const m of ['haulcheck/fs/readFile', 'haulcheck/fs/readDirectory', 'haulcheck/fs/stat']) assert.ok((server.requests.get(m) ?? 0) > 0, `${m} was asked`);

    // Exactly what the CLI reports for the same files, line, column and words.
    const cli = spawnSync(process.execPath, [CLI, 'check', ws.dir, '--format', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(cli.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[];
    const expected = new Map<string, string[]>();
    for (const f of report) if (f.messages.length) expected.set(server.uri(relative(ws.dir, f.filePath)), f.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).sort());
    assert.ok(expected.size >= 8, `the CLI reports problems in several files (${expected.size})`);
    const shown = new Map<string, string[]>();
    for (const [uri, p] of server.diagnostics) if (p.diagnostics.length) shown.set(uri, p.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`).sort());
    assert.deepEqual(shown, expected);
    // Among them the Damascus raid's 2,015 kg, and the dataset-wide duplicate of its id.
    const damascus = server.diagnostics.get(server.uri(DAMASCUS));
    assert.ok(damascus?.diagnostics.some((d) => d.code === 'figures/tablet-mass' && /at most 1\.49 g a tablet/.test(d.message)), JSON.stringify(codes(damascus)));
    assert.ok(codes(damascus).includes('events/duplicate-id'));
    assert.match(String(damascus!.diagnostics.find((d) => d.code === 'figures/tablet-mass')!.codeDescription?.href), /docs\/rules\/figures\/tablet-mass\.md$/);

    // The copy is deleted on disk: the duplicate goes from the file that stays (never opened).
    rmSync(join(ws.dir, COPY));
    server.filesChanged([{ rel: COPY, type: 3 }]);
    await server.until(() => !codes(server.diagnostics.get(server.uri(DAMASCUS))).includes('events/duplicate-id') && server.diagnostics.get(server.uri(COPY))?.diagnostics.length === 0, 20000, 'the duplicate gone');
    assert.ok(codes(server.diagnostics.get(server.uri(DAMASCUS))).includes('figures/tablet-mass'));
    assert.deepEqual(server.errors, []);
  } finally {
    await server.close();
    ws.cleanup();
  }
});

test('in a web worker: an opened file is checked at once (anyOf errors collapsed without generating code), with hovers, quick-fixes, completion, navigation and inlay hints', async () => {
  const ws = dataset();
  const server = new WebServer(ws.dir);
  try {
    await server.initialize();
    const text = readFileSync(join(ws.dir, BROKEN), 'utf8');
    const uri = server.open(BROKEN, text);
    const first = await server.diagnosticsFor(uri, 1);
    const status = first.diagnostics.find((d) => d.code === 'schema/enum');
    assert.ok(status && /Did you mean "reviewed"/.test(status.message), JSON.stringify(first.diagnostics));

    // A count written as text: the anyOf of a count is collapsed to its best branch (generated validators).
    const countText = text.replace(/count: \{value: (\d+),[^}]*\}/, 'count: "400,000"');
    assert.notEqual(countText, text);
    const v2 = server.change(uri, countText);
    const second = await server.diagnosticsFor(uri, v2);
    assert.ok(second.diagnostics.some((d) => d.code === 'schema/type' && /should be a number, a figure \(with source\) or a list of figures/.test(d.message)), JSON.stringify(second.diagnostics.map((d) => d.message)));
    const v3 = server.change(uri, text);
    const third = await server.diagnosticsFor(uri, v3);

    // The quick-fix of the misspelt status: preferred, and it applies.
    const diag = third.diagnostics.find((d) => d.code === 'schema/enum')!;
    const actions = (await server.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Change "reviewd" to "reviewed"');
    assert.ok(fix?.isPreferred, JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyLspEdits(text, fix!.edit!.changes![uri]);
    assert.match(fixed, /^status: reviewed$/m);
    const v4 = server.change(uri, fixed);
    assert.ok(!codes(await server.diagnosticsFor(uri, v4)).includes('schema/enum'));

    // Completion of a drug: the registry's, read through the port.
    const drugAt = positionOf(fixed, 'drug: captagon', 'drug: '.length);
    const completion = (await server.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: drugAt })) as { items: CompletionItem[] };
    assert.ok(['captagon', 'hashish', 'heroin'].every((d) => completion.items.some((i) => i.label === d)), JSON.stringify(completion.items.map((i) => i.label)));
    // Go to the drug's definition: its entry in the registry, under the workspace's own URI.
    const def = (await server.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: drugAt })) as Location;
    assert.equal(def.uri, server.uri('registries/drugs.yaml'));

    // The Damascus raid: its hover computes the mass per tablet; its inlay hint says it.
    const damascusText = readFileSync(join(ws.dir, DAMASCUS), 'utf8');
    const damascus = server.open(DAMASCUS, damascusText);
    const pub = await server.diagnosticsFor(damascus, 1);
    assert.ok(pub.diagnostics.some((d) => d.code === 'figures/tablet-mass'));
    const weight = positionOf(damascusText, 'value: 2015', 'value: '.length + 1);
    const hover = (await server.conn.sendRequest('textDocument/hover', { textDocument: { uri: damascus }, position: weight })) as { contents: { value: string } };
    assert.match(hover.contents.value, /at most 1\.49 g a tablet/);
    assert.match(hover.contents.value, /typical 150–170 mg/);
    const hints = (await server.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri: damascus }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } } })) as { label: string }[];
    assert.ok(hints.some((h) => /^≈1\.49 g\/tablet$/.test(h.label)), JSON.stringify(hints.map((h) => h.label)));

    // The dataset overview, read through the port on the server's thread.
    const overview = (await server.conn.sendRequest('haulcheck/overview', { uri: damascus })) as { root: string; rootUri: string; summary: { headline: { events: number } } };
    assert.equal(overview.rootUri, VFS_ROOT);
    assert.ok(overview.summary.headline.events >= 12, JSON.stringify(overview.summary.headline));
    assert.deepEqual(server.errors, []);
  } finally {
    await server.close();
    ws.cleanup();
  }
});
