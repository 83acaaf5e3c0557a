/** The editor features of the built server through real JSON-RPC: hovers, completion, code actions, navigation, inlay hints, commands, the dataset index. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CodeAction, LspClient, SERVER_JS, applyLspEdits, positionOf } from '../helpers/lsp-client';
import { copySamples } from '../helpers/dataset';

let client: LspClient;
let ws: ReturnType<typeof copySamples>;
const DAMASCUS = join('events', '2025', '2025-sy-damascus-captagon.yaml');
const HOMS = join('events', '2026', '2026-02-22-sy-homs-captagon.yaml');

const read = (rel: string) => readFileSync(join(ws.dir, rel), 'utf8');
async function openSample(rel: string, text = read(rel)) {
  const uri = client.open(join(ws.dir, rel), text);
  await client.diagnosticsFor(uri, 1);
  return { uri, text };
}
const hoverText = async (uri: string, text: string, needle: string, delta = 0) => {
  const p = positionOf(text, needle, delta);
  const h = await client.hover(uri, p.line, p.character);
  return h?.contents.value ?? '';
};

before(async () => {
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: run `npm run build` first');
  ws = copySamples();
  client = new LspClient();
  const init = (await client.initialize(ws.dir, {
    workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } },
    textDocument: { completion: { completionItem: { snippetSupport: true } } },
  })) as { capabilities: Record<string, unknown> };
  const c = init.capabilities;
  for (const k of ['completionProvider', 'codeActionProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider', 'inlayHintProvider', 'executeCommandProvider']) {
    assert.ok(c[k], `capability ${k}`);
  }
  assert.ok((c.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds.includes('source.fixAll.haulcheck'));
});

after(async () => {
  await client?.close();
  ws?.cleanup();
});

test('hover on a weight computes the mass per tablet against the drug band', async () => {
  const { uri, text } = await openSample(DAMASCUS);
  const heavy = await hoverText(uri, text, '2015, unit', 1);
  assert.match(heavy, /2,015 kg ÷ more than 1,350,000 tablets = \*\*at most 1\.49 g a tablet\*\*/);
  assert.match(heavy, /outside the error band/);
  assert.match(heavy, /Captagon tablet: typical 150–170 mg; warning outside 120–220 mg; error outside 80–350 mg/);
  const light = await hoverText(uri, text, 'value: 215', 8);
  assert.match(light, /at most 159 mg a tablet\*\* — typical/);
  // and on the count: paired with the same source's weight
  const count = await hoverText(uri, text, '1350000, unit: tablets, qualifier: more_than, as_reported: "over', 1);
  assert.match(count, /2,015 kg ÷ more than 1,350,000 tablets/);
});

test('hover on a date gives its weekday, its range and its distance to each publication', async () => {
  const { uri, text } = await openSample(HOMS);
  const to = await hoverText(uri, text, 'to: 2026-02-22', 5);
  assert.match(to, /\*\*Sunday\*\*, 22 February 2026/);
  assert.match(to, /the same day as medialine \(The Media Line\), published 2026-02-22/);
  const d = await openSample(DAMASCUS);
  const year = await hoverText(d.uri, d.text, 'on: "2025"', 5);
  assert.match(year, /precision year, any day from 1 January 2025 to 31 December 2025 \(365 days\)/);
  assert.match(year, /thenational: no publication date/);
});

test('hover on a source reference, a drug, an agency and a country code', async () => {
  const { uri, text } = await openSample(DAMASCUS);
  const src = await hoverText(uri, text, 'source: thenational', 9);
  assert.match(src, /\*\*The National\*\* \(`thenational`\), no publication date/);
  assert.match(src, /no URL/);
  assert.match(src, /> Iraqi counter-narcotics forces seized more than 1\.35 million/);
  assert.match(await hoverText(uri, text, '- drug: captagon', 9), /\*\*Captagon\*\* \(`captagon`\), stimulant/);
  assert.match(await hoverText(uri, text, 'agency: iq-gdnps', 9), /General Directorate of Narcotics and Psychotropic Substances \(Iraq\).*\n\nIraq \(IQ\)/);
  assert.match(await hoverText(uri, text, 'country: SY', 10), /\*\*SY\*\*: Syrian Arab Republic/);
  // a key still shows the schema's description
  assert.match(await hoverText(uri, text, 'seizures:', 1), /\*\*seizures\*\*/);
});

test('completion: registry drugs, enum values, the event\'s sources, countries and missing keys', async () => {
  const base = read(HOMS);
  const text = base.replace('  - drug: captagon', '  - drug: ').replace('status: draft', 'status: re').replace('    concealment: null', '    concealment: null\n    ');
  const uri = client.open(join(ws.dir, 'events', '2026', 'completion.yaml'), text);
  await client.diagnosticsFor(uri, 1);
  const at = async (needle: string, delta: number) => {
    const p = positionOf(text, needle, delta);
    return (await client.completion(uri, p.line, p.character))?.items ?? [];
  };
  const drugs = await at('  - drug: ', 10);
  assert.deepEqual(drugs.find((i) => i.label === 'captagon')?.detail, 'Captagon');
  assert.ok(drugs.some((i) => i.label === 'hashish'));
  const status = await at('status: re', 10);
  assert.deepEqual(status.map((i) => i.label), ['draft', 'reviewed', 'disputed', 'retracted']);
  assert.deepEqual(status[0].textEdit?.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 10 } });
  const sources = await at('source: medialine}', 8);
  assert.deepEqual(sources.map((i) => i.label), ['medialine']);
  assert.match(sources[0].detail ?? '', /The Media Line, 2026-02-22/);
  const countries = await at('country: SY', 9);
  assert.equal(countries.find((i) => i.label === 'IQ')?.detail, 'Iraq');
  const keys = await at('concealment: null\n    ', 22);
  assert.deepEqual(keys.map((i) => i.label).sort(), ['note', 'street_value', 'volume']);
  assert.match(String((keys.find((i) => i.label === 'volume')?.documentation as { value: string }).value), /\S/);
  // an empty event file: the skeleton snippet
  const empty = client.open(join(ws.dir, 'events', '2026', 'empty.yaml'), '');
  await client.diagnosticsFor(empty, 1);
  const snip = (await client.completion(empty, 0, 0))?.items ?? [];
  assert.equal(snip[0]?.insertTextFormat, 2);
  assert.match(snip[0]?.textEdit?.newText ?? '', /^id: \$\{1/);
});

async function actionsFor(uri: string, code: string, only?: string[]): Promise<CodeAction[]> {
  const pub = await client.diagnosticsFor(uri);
  const d = pub.diagnostics.find((x) => x.code === code);
  assert.ok(d, `a ${code} diagnostic in ${JSON.stringify(pub.diagnostics.map((x) => x.code))}`);
  return (await client.codeActions(uri, d.range, [d], only)) ?? [];
}

test('code actions: the enum fix is preferred and safe; every finding can be suppressed, indented like its line', async () => {
  const text = read(HOMS).replace('status: draft', 'status: reviewd');
  const uri = client.open(join(ws.dir, 'events', '2026', 'actions.yaml'), text);
  await client.diagnosticsFor(uri, 1);
  const actions = await actionsFor(uri, 'schema/enum');
  const fix = actions.find((a) => a.isPreferred);
  assert.equal(fix?.title, 'Change "reviewd" to "reviewed"');
  assert.equal(fix?.kind, 'quickfix');
  const fixed = applyLspEdits(text, fix!.edit!.changes![uri]);
  assert.equal(fixed, text.replace('status: reviewd', 'status: reviewed'));
  const suppress = actions.find((a) => /^Suppress schema\/enum/.test(a.title));
  assert.ok(suppress);
  assert.match(applyLspEdits(text, suppress.edit!.changes![uri]), /\n# haulcheck-disable-next-line schema\/enum -- TODO: why this is right\nstatus: reviewd\n/);
});

test('code actions for the consistency findings: tablet mass and source conflict choices (unsafe), none changing a sourced figure', async () => {
  const { uri, text } = await openSample(DAMASCUS);
  const mass = await actionsFor(uri, 'figures/tablet-mass');
  const titles = mass.map((a) => a.title);
  const keepMass = mass.find((a) => a.title === "Keep thenational's 215 kg (159 mg a tablet) and record asharq's 2,015 kg under conflicts");
  assert.ok(keepMass, titles.join('\n'));
  assert.ok(titles.includes('Record the doubt under conflicts (seizures[0].weight: no value kept; the figures stay as reported)'), titles.join('\n'));
  assert.ok(!mass.some((a) => a.isPreferred), 'no unsafe fix is preferred');
  for (const a of mass.filter((x) => !x.title.startsWith('Suppress'))) {
    // Every fix only adds a conflicts entry at the end: each source's words and figures stay as they are.
    const after = applyLspEdits(text, a.edit!.changes![uri]);
    assert.ok(after.startsWith(text), `${a.title}: only appends`);
    assert.match(after.slice(text.length), /^conflicts:\n  - field: seizures\[0\]\.weight\n/);
  }
  // Keeping The National's weight settles the tablet mass: the rejected 2,015 kg is no longer checked.
  const kept = applyLspEdits(text, keepMass.edit!.changes![uri]);
  let v = client.change(uri, kept);
  let pub = await client.diagnosticsFor(uri, v);
  assert.deepEqual(pub.diagnostics.filter((d) => d.code === 'figures/tablet-mass' || d.code === 'figures/source-conflict').map((d) => d.code), []);
  await client.diagnosticsFor(uri, client.change(uri, text));

  const conflict = await actionsFor(uri, 'figures/source-conflict');
  const keep = conflict.find((a) => a.title === "Keep thenational's 215 kg and record asharq's 2,015 kg under conflicts");
  assert.ok(keep, conflict.map((a) => a.title).join('\n'));
  const after = applyLspEdits(text, keep.edit!.changes![uri]);
  assert.ok(after.startsWith(text), 'the conflicts entry is added at the end, nothing else changes');
  v = client.change(uri, after);
  pub = await client.diagnosticsFor(uri, v);
  assert.ok(!pub.diagnostics.some((d) => d.code === 'figures/source-conflict'), JSON.stringify(pub.diagnostics.map((d) => d.code)));
  client.change(uri, text);
});

test('a disagreement carries every side as related information', async () => {
  const { uri } = await openSample(DAMASCUS);
  const pub = await client.diagnosticsFor(uri, 1);
  const d = pub.diagnostics.find((x) => x.code === 'figures/source-conflict');
  assert.ok(d, JSON.stringify(pub.diagnostics.map((x) => x.code)));
  assert.deepEqual(
    (d.relatedInformation ?? []).map((r) => [r.message, r.location.uri === uri, r.location.range.start.line]),
    [
      ['asharq: about 2,015 kg', true, 46],
      ['thenational: about 215 kg', true, 39],
    ],
  );
});

test('code actions: a misspelt file name is fixed by renaming the file (LSP RenameFile), not by changing the id', async () => {
  const misspelt = join(ws.dir, 'events', '2026', '2026-02-22-sy-homs-captgon.yaml');
  const uri = client.open(misspelt, read(HOMS));
  await client.diagnosticsFor(uri, 1);
  const actions = await actionsFor(uri, 'events/id-filename');
  const rename = actions.find((a) => a.title === 'Rename the file to "2026-02-22-sy-homs-captagon.yaml"');
  assert.ok(rename, actions.map((a) => a.title).join('\n'));
  assert.deepEqual(rename.edit?.documentChanges, [
    { kind: 'rename', oldUri: uri, newUri: pathToFileURL(join(ws.dir, HOMS)).href, options: { overwrite: false, ignoreIfExists: false } },
  ]);
  assert.ok(!actions.some((a) => /^Change the id/.test(a.title)), 'the id that looks right is not changed');
  assert.ok(!rename.isPreferred);
});

test('refactor: an exact unit conversion on a weight; fix all applies every safe fix in one go', async () => {
  const base = read(HOMS);
  const text = base
    .replace('weight: {value: 65, unit: kg,', 'weight: {value: 0.065, unit: t,')
    .replace('status: draft', 'status: reviewd')
    .replace('arrests: {value: 2,', 'arrests: {value: "2",');
  const uri = client.open(join(ws.dir, 'events', '2026', 'refactor.yaml'), text);
  await client.diagnosticsFor(uri, 1);
  const p = positionOf(text, 'value: 0.065', 8);
  const refactors = (await client.codeActions(uri, { start: p, end: p }, [], ['refactor'])) ?? [];
  const conv = refactors.find((a) => a.kind === 'refactor.rewrite');
  assert.equal(conv?.title, 'Convert 0.065 t to 65 kg (exact)');
  assert.ok(applyLspEdits(text, conv!.edit!.changes![uri]).includes('weight: {value: 65, unit: kg,'));
  const all = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.haulcheck'])) ?? [];
  assert.equal(all.length, 1);
  const fixed = applyLspEdits(text, all[0].edit!.changes![uri]);
  assert.ok(fixed.includes('status: reviewed') && fixed.includes('arrests: {value: 2,'), fixed);
  assert.ok(fixed.includes('unit: t,'), 'fix all leaves the unit alone: a conversion is a refactor, not a problem');
});

test('go to definition and find references: source ids within the event, drug ids into the registry and the dataset', async () => {
  const { uri, text } = await openSample(DAMASCUS);
  const p = positionOf(text, 'source: asharq}', 9);
  const def = (await client.definition(uri, p.line, p.character)) as { uri: string; range: { start: { line: number } } };
  assert.equal(def.uri, uri);
  assert.equal(text.split('\n')[def.range.start.line], '  - id: asharq');
  const refs = (await client.references(uri, p.line, p.character)) ?? [];
  assert.equal(refs.length, 3, JSON.stringify(refs)); // the definition, asharq's count and its weight
  const dp = positionOf(text, '- drug: captagon', 9);
  const drugDef = (await client.definition(uri, dp.line, dp.character)) as { uri: string; range: { start: { line: number; character: number } } };
  assert.equal(drugDef.uri, pathToFileURL(join(ws.dir, 'registries', 'drugs.yaml')).href);
  assert.equal(read(join('registries', 'drugs.yaml')).split('\n')[drugDef.range.start.line], '  - id: captagon');
  const drugRefs = (await client.references(uri, dp.line, dp.character)) ?? [];
  const files = new Set(drugRefs.map((r) => r.uri.split('/').pop()));
  assert.ok(files.has('drugs.yaml') && files.has('2025-sy-damascus-captagon.yaml') && files.has('2026-02-22-sy-homs-captagon.yaml'), [...files].join(', '));
});

test('outline: seizures with their drug and figures, sources with their publisher, the date', async () => {
  const { uri } = await openSample(DAMASCUS);
  const syms = (await client.documentSymbols(uri)) ?? [];
  const names = syms.map((s) => s.name);
  for (const k of ['id', 'date', 'location', 'seizures', 'sources']) assert.ok(names.includes(k), names.join(','));
  const seizure = syms.find((s) => s.name === 'seizures')!.children![0];
  assert.equal(seizure.name, 'captagon');
  assert.equal(seizure.detail, '>1,350,000 tablets / >1,350,000 tablets · ~215 kg / ~2,015 kg');
  const sources = syms.find((s) => s.name === 'sources')!.children!;
  assert.deepEqual(sources.map((s) => `${s.name}: ${s.detail}`), ['thenational: The National, no publication date', 'asharq: Asharq Al-Awsat, no publication date']);
  assert.match(syms.find((s) => s.name === 'date')!.detail ?? '', /^2025 \(year\) · thenational$/);
});

test('inlay hints: mg per tablet beside weights and the weekday beside full dates, each switchable', async () => {
  const { uri, text } = await openSample(HOMS);
  const range = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
  const hints = (await client.inlayHints(uri, range)) ?? [];
  const labels = hints.map((h) => `${h.position.line}:${h.label}`);
  const wl = positionOf(text, 'weight: {value: 65').line;
  assert.ok(labels.includes(`${wl}:≈163 mg/tablet`), labels.join(' '));
  assert.ok(labels.includes(`${positionOf(text, 'to: 2026-02-22').line}:Sun`), labels.join(' '));
  client.settings = { inlayHints: { unitMass: false, weekday: true } };
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const fewer = (await client.inlayHints(uri, range)) ?? [];
  assert.ok(fewer.length > 0 && fewer.every((h) => !/mg/.test(h.label)), JSON.stringify(fewer));
  client.settings = null;
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
});

test('the new-event command composes events/<year>/<id>.yaml with every required key and no schema path', async () => {
  const r = (await client.executeCommand('haulcheck.server.newEvent', [{ date: '2026-03-01', country: 'sy', place: 'Rural Damascus', drug: 'captagon', folder: pathToFileURL(ws.dir).href }])) as { uri: string; path: string; text: string; exists: boolean };
  assert.equal(r.path, 'events/2026/2026-03-01-sy-rural-damascus-captagon.yaml');
  assert.equal(r.exists, false);
  // No modeline: nothing of this machine's paths in a file meant to be committed.
  assert.match(r.text, /^id: 2026-03-01-sy-rural-damascus-captagon\n/);
  assert.doesNotMatch(r.text, /yaml-language-server|\$schema|\/(tmp|home|root|Users)\//);
  // written and opened, it has no schema error; its only errors are the placeholders to fill in
  writeFileSync(join(ws.dir, r.path), r.text);
  const uri = client.open(join(ws.dir, r.path), r.text);
  const pub = await client.diagnosticsFor(uri, 1);
  const placeholder = (d: { code?: unknown }) => d.code === 'events/placeholder';
  assert.deepEqual(pub.diagnostics.filter((d) => !placeholder(d) && (String(d.code).startsWith('schema/') || d.severity === 1)).map((d) => d.message), []);
  assert.ok(pub.diagnostics.some(placeholder), 'a half-filled event fails');
});

test('the new-event command refuses a file the dataset\'s globs would not check', async () => {
  const other = copySamples();
  try {
    const config = join(other.dir, 'haulcheck.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('- events/**/*.yaml', '- seizures/**/*.yaml'));
    await assert.rejects(
      client.executeCommand('haulcheck.server.newEvent', [{ date: '2026-03-01', country: 'sy', place: 'Homs', drug: 'captagon', folder: pathToFileURL(other.dir).href }]),
      /events\/2026\/2026-03-01-sy-homs-captagon\.yaml would not be checked: the `events` globs of .*haulcheck\.yaml do not match it/,
    );
  } finally {
    other.cleanup();
  }
});

test('the dataset index: two open files with the same id both get events/duplicate-id, and lose it when one changes', async () => {
  const text = read(HOMS);
  const a = client.open(join(ws.dir, 'events', '2026', 'dup-a.yaml'), text.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-22-sy-homs-twin'));
  const b = client.open(join(ws.dir, 'events', '2026', 'dup-b.yaml'), text.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-22-sy-homs-twin'));
  const has = (uri: string) => client.diagnostics.get(uri)?.diagnostics.filter((d) => d.code === 'events/duplicate-id').length;
  await client.until(() => has(a) === 1 && has(b) === 1, 10000, 'events/duplicate-id on both files');
  client.change(b, text.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-22-sy-homs-other'));
  await client.until(() => has(a) === 0, 10000, 'events/duplicate-id gone from the first file');
});
