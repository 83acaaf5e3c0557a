/** The article commands of the built server through real JSON-RPC: a draft file from an article, and the edits that add an article to an open event. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { LspClient, SERVER_JS, applyLspEdits, positionOf } from '../helpers/lsp-client';
import { copySamples } from '../helpers/dataset';

const ARTICLE = readFileSync(join(__dirname, '..', 'fixtures', 'extract', 'thenational-damascus.txt'), 'utf8');
let client: LspClient;
let ws: ReturnType<typeof copySamples>;

before(async () => {
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: run `npm run build` first');
  ws = copySamples();
  client = new LspClient();
  const init = (await client.initialize(ws.dir, { workspace: { configuration: true } })) as { capabilities: { executeCommandProvider: { commands: string[] } } };
  for (const c of ['haulcheck.server.extract', 'haulcheck.server.addSource']) assert.ok(init.capabilities.executeCommandProvider.commands.includes(c), c);
});

after(async () => {
  await client?.close();
  ws?.cleanup();
});

test('New Event from Article: the server drafts events/<year>/<id>.yaml from the text; opened, each value shows its sentence on hover', async () => {
  const r = (await client.executeCommand('haulcheck.server.extract', [{ text: ARTICLE, published: '2025-07-30', publisher: 'The National', folder: pathToFileURL(ws.dir).href }])) as { path: string; exists: boolean; text: string; review: number };
  assert.equal(r.path, 'events/2025/2025-07-30-sy-damascus-captagon.yaml');
  assert.equal(r.exists, false);
  assert.ok(r.review >= 1);
  const event = parse(r.text) as Record<string, unknown>;
  assert.equal(event.status, 'draft');
  writeFileSync(join(ws.dir, r.path), r.text);
  const uri = client.open(join(ws.dir, r.path), r.text);
  const pub = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(pub.diagnostics.filter((d) => d.severity === 1).map((d) => d.message), [], 'no error in the draft');
  const p = positionOf(r.text, 'value: 215', 8);
  const h = await client.hover(uri, p.line, p.character);
  assert.match(h?.contents.value ?? '', /From \*\*The National\*\* \(`thenational`\):\n\n> The operation led to the capture of a major international drug trafficking network and the confiscation of \*\*approximately 215kg of narcotics\*\*, it added\./);
});

test('Add Article as Source: the server answers with the edits that add the article to the open event; the rules then show the disagreement', async () => {
  const rel = join('events', '2025', '2025-sy-damascus-captagon.yaml');
  let text = readFileSync(join(ws.dir, rel), 'utf8');
  text = text
    .replace(/ {2}- id: thenational[\s\S]*?(?= {2}- id: asharq)/, '')
    .replace(/ {6}- \{value: 1350000[^\n]*thenational\}\n/, '')
    .replace(/ {6}- value: 215\n[\s\S]*?source: thenational\n/, '')
    .replace(/date:\n {2}on: "2025"\n[\s\S]*?source: thenational\n/, 'date: null\n');
  const uri = client.open(join(ws.dir, rel), text);
  await client.diagnosticsFor(uri, 1);
  const r = (await client.executeCommand('haulcheck.server.addSource', [{ uri, text: ARTICLE, published: '2025-07-30', publisher: 'The National' }])) as { edits: Parameters<typeof applyLspEdits>[1]; added: string[]; sourceId: string };
  assert.equal(r.sourceId, 'thenational');
  assert.deepEqual(r.added, ['the count of the seizure of captagon', 'the weight of the seizure of captagon', 'a date claim', 'the source thenational']);
  const edited = applyLspEdits(text, r.edits);
  const event = parse(edited) as { sources: { id: string }[] };
  assert.deepEqual(event.sources.map((s) => s.id), ['asharq', 'thenational']);
  const version = client.change(uri, edited);
  const pub = await client.diagnosticsFor(uri, version);
  assert.ok(pub.diagnostics.some((d) => d.code === 'figures/source-conflict'), pub.diagnostics.map((d) => d.code).join(' '));
  await assert.rejects(client.executeCommand('haulcheck.server.addSource', [{ uri, text: '', published: '2025-07-30' }]), /the article is empty/);
});
