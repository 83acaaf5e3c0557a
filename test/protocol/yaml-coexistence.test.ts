/**
 * Haulcheck beside Red Hat's YAML extension: yaml-language-server (the server that extension runs)
 * and Haulcheck's server, both over real JSON-RPC, on the same dataset files. yaml-language-server is
 * given what the YAML extension would give it: the schema associations every installed extension
 * contributes (`contributes.yamlValidation` of this package.json — none now) and its defaults.
 *
 * A file made by Create Dataset or New Seizure Event names no schema, so each schema problem is
 * reported once (by Haulcheck, with its rule id and quick-fixes) and each key has one hover. The
 * control: the same file with the `$schema` modeline New Seizure Event used to write (or the
 * association this extension used to contribute) gets every schema problem and hover twice.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newDatasetFiles, newEventPath, newEventText } from '../../server/src/core';
import { LspClient, type PublishedDiagnostics, type Range, SERVER_JS, applyLspEdits, positionOf } from '../helpers/lsp-client';

const REPO = join(__dirname, '..', '..');
const YAML_LS = join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const EXTENSION = join(REPO, 'package.json');

/** The YAML extension's settings with their defaults, the schema store off (no network in tests). */
function yamlSettings() {
  return { validate: true, hover: true, completion: true, format: { enable: true }, schemaStore: { enable: false }, schemas: {}, customTags: [] };
}

/**
 * What the YAML extension sends as `json/schemaAssociations`: every extension's yamlValidation, its
 * `url` resolved against the extension's folder and `fileMatch` made absolute as the YAML extension does.
 */
function associationsOf(packageJson: string, folder: string): { fileMatch: string[]; uri: string }[] {
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as { contributes?: { yamlValidation?: { fileMatch: string | string[]; url: string }[] } };
  return (pkg.contributes?.yamlValidation ?? []).map((v) => ({
    fileMatch: (Array.isArray(v.fileMatch) ? v.fileMatch : [v.fileMatch]).map((m) => (m.startsWith('/') || /\w+:\/\//.test(m) ? m : `/${m}`)),
    uri: /^\w+:/.test(v.url) ? v.url : pathToFileURL(join(folder, v.url)).href,
  }));
}

/** The associations this extension contributed before (every event file → the event schema), for the control. */
const OLD_ASSOCIATIONS = [{ fileMatch: ['/**/events/**/*.yaml'], uri: pathToFileURL(join(REPO, 'schemas', 'event.schema.json')).href }];

let dir: string;
before(() => {
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'haulcheck-yamlls-'));
  for (const f of newDatasetFiles()) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function yamlServer(associations: readonly { fileMatch: string[]; uri: string }[]): Promise<LspClient> {
  if (!existsSync(YAML_LS)) throw new Error(`${YAML_LS} is missing: run npm ci`);
  const c = new LspClient(['--stdio'], {}, YAML_LS);
  c.sections = { yaml: yamlSettings() };
  await c.initialize(dir, { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { hover: { contentFormat: ['markdown'] } } });
  c.configure({ yaml: yamlSettings() });
  await c.conn.sendNotification('json/schemaAssociations', associations);
  return c;
}

async function haulcheck(): Promise<LspClient> {
  const c = new LspClient();
  await c.initialize(dir, { workspace: { configuration: true } }, { diagnosticMode: 'openFilesOnly' });
  return c;
}

/** A new event as New Seizure Event writes it, with a misspelt status and a key the schema does not know. */
function brokenEvent(): { path: string; text: string } {
  const input = { date: '2026-03-01', country: 'SY', place: 'Homs', drug: 'captagon' };
  const text = newEventText(input).replace('status: draft', 'status: reviewd').replace('type: seizure', 'type: seizure\nseverity: high');
  return { path: join(dir, newEventPath(input)), text };
}

/** The keys of a file at the start of a line: `key:` or `- key:`. */
function keyPositions(text: string): { key: string; line: number; character: number }[] {
  const out: { key: string; line: number; character: number }[] = [];
  text.split('\n').forEach((l, line) => {
    const m = /^(\s*(?:- )?)([a-z_]+):/.exec(l);
    if (m) out.push({ key: m[2], line, character: m[1].length + 1 });
  });
  return out;
}

const overlaps = (a: Range, b: Range) => a.start.line === b.start.line || a.end.line === b.end.line;

async function bothOn(file: { path: string; text: string }, associations: readonly { fileMatch: string[]; uri: string }[]) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.text);
  const [yamlls, hc] = await Promise.all([yamlServer(associations), haulcheck()]);
  try {
    const yUri = yamlls.open(file.path, file.text);
    const hUri = hc.open(file.path, file.text);
    const [y, h]: PublishedDiagnostics[] = await Promise.all([yamlls.diagnosticsFor(yUri, undefined, 30000), hc.diagnosticsFor(hUri, 1, 30000)]);
    const hovers: { key: string; yaml: boolean; haulcheck: boolean }[] = [];
    for (const k of keyPositions(file.text)) {
      const [yh, hh] = await Promise.all([yamlls.hover(yUri, k.line, k.character), hc.hover(hUri, k.line, k.character)]);
      hovers.push({ key: k.key, yaml: !!yh, haulcheck: !!hh });
    }
    return { yaml: y.diagnostics, haulcheck: h.diagnostics, hovers };
  } finally {
    await Promise.all([yamlls.close(), hc.close()]);
    rmSync(file.path, { force: true });
  }
}

test('this extension contributes no schema association to the YAML extension', () => {
  assert.deepEqual(associationsOf(EXTENSION, REPO), []);
});

test('a new event: each schema problem once (Haulcheck\'s), one hover per key (Haulcheck\'s)', async () => {
  const file = brokenEvent();
  assert.doesNotMatch(file.text, /yaml-language-server/);
  const r = await bothOn(file, associationsOf(EXTENSION, REPO));
  const schema = r.haulcheck.filter((d) => String(d.code).startsWith('schema/'));
  assert.ok(schema.some((d) => d.code === 'schema/enum') && schema.some((d) => d.code === 'schema/additionalProperties'), JSON.stringify(r.haulcheck));
  assert.deepEqual(r.yaml, [], 'yaml-language-server reports nothing on a valid YAML file with no schema');
  const keys = r.hovers.filter((h) => h.haulcheck);
  assert.ok(keys.length >= 10, JSON.stringify(r.hovers));
  assert.deepEqual(r.hovers.filter((h) => h.yaml), [], 'no second hover from yaml-language-server');
});

test('a syntax error is the one problem yaml-language-server also reports (it reads every YAML file)', async () => {
  const file = brokenEvent();
  file.text = file.text.replace('title: "captagon seized in Homs"', 'title: "captagon seized in Homs');
  const r = await bothOn(file, associationsOf(EXTENSION, REPO));
  assert.ok(r.haulcheck.some((d) => d.code === 'yaml/syntax'), JSON.stringify(r.haulcheck));
  assert.ok(r.yaml.length > 0);
  assert.deepEqual(r.yaml.filter((d) => !/YAML/.test(String(d.source))), [], JSON.stringify(r.yaml));
});

test('control: the old modeline, or the old association, gets the schema problems and the hovers twice', async () => {
  const old = brokenEvent();
  old.text = `# yaml-language-server: $schema=${pathToFileURL(join(REPO, 'schemas', 'event.schema.json')).href}\n${old.text}`;
  for (const [file, associations] of [
    [old, []],
    [brokenEvent(), OLD_ASSOCIATIONS],
  ] as const) {
    const r = await bothOn(file, associations);
    const enumHc = r.haulcheck.find((d) => d.code === 'schema/enum');
    assert.ok(enumHc);
    assert.ok(
      r.yaml.some((d) => overlaps(d.range, enumHc.range) && /reviewd|allowed values|Value is not accepted/i.test(d.message)),
      `yaml-language-server reports the misspelt status too: ${JSON.stringify(r.yaml)}`,
    );
    const status = positionOf(file.text, 'status:');
    assert.ok(r.hovers.some((h) => h.key === 'status' && h.yaml && h.haulcheck), `two hovers on "status" (line ${status.line})`);
  }
});

test('an old modeline: Haulcheck offers to delete it (a refactor), and then each schema problem comes once', async () => {
  const file = brokenEvent();
  file.text = `# yaml-language-server: $schema=../../../../home/someone/.vscode/extensions/haulcheck.haulcheck-0.1.0/schemas/event.schema.json\n${file.text}`;
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.text);
  const hc = await haulcheck();
  let fixed: string;
  try {
    const uri = hc.open(file.path, file.text);
    await hc.diagnosticsFor(uri, 1);
    const actions = (await hc.codeActions(uri, { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, [], ['refactor.rewrite'])) ?? [];
    const remove = actions.find((a) => /Remove the \$schema modeline/.test(a.title));
    assert.ok(remove?.edit?.changes?.[uri], JSON.stringify(actions));
    fixed = applyLspEdits(file.text, remove.edit.changes[uri]);
    assert.equal(fixed, brokenEvent().text);
    // Not offered on another line, nor in a file the dataset's globs do not hold.
    const elsewhere = (await hc.codeActions(uri, { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, [], ['refactor.rewrite'])) ?? [];
    assert.ok(!elsewhere.some((a) => /modeline/.test(a.title)));
    const outside = hc.open(join(dir, 'not-an-event.yaml'), file.text);
    await hc.diagnosticsFor(outside, 1);
    const none = (await hc.codeActions(outside, { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, [], ['refactor.rewrite'])) ?? [];
    assert.ok(!none.some((a) => /modeline/.test(a.title)), 'outside the globs the modeline is what says the file is an event');
  } finally {
    await hc.close();
    rmSync(file.path, { force: true });
  }
  const r = await bothOn({ path: file.path, text: fixed }, associationsOf(EXTENSION, REPO));
  assert.deepEqual(r.yaml, []);
  assert.ok(r.haulcheck.some((d) => d.code === 'schema/enum'));
});
