/** The built language server, driven through real JSON-RPC over stdio. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, SERVER_JS } from '../helpers/lsp-client';
import { copySamples } from '../helpers/dataset';

const fixtures = join(__dirname, '..', 'fixtures', 'core');
let client: LspClient;
let ws: ReturnType<typeof copySamples>;

before(async () => {
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: run `npm run build` first');
  ws = copySamples();
  client = new LspClient();
  const init = (await client.initialize(ws.dir)) as { capabilities: { hoverProvider?: boolean }; serverInfo: { name: string } };
  assert.equal(init.serverInfo.name, 'haulcheck-language-server');
  assert.equal(init.capabilities.hoverProvider, true);
});

after(async () => {
  await client?.close();
  ws?.cleanup();
});

test('a broken event gets its diagnostics on the exact range, with code, source and docs link', async () => {
  const text = readFileSync(join(fixtures, 'valid-event.yaml'), 'utf8').replace('status: draft', 'status: reviewd');
  const uri = client.open(join(ws.dir, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml'), text);
  const pub = await client.diagnosticsFor(uri, 1);
  const d = pub.diagnostics.find((x) => x.code === 'schema/enum');
  assert.ok(d, JSON.stringify(pub.diagnostics, null, 1));
  assert.deepEqual(d.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 15 } });
  assert.equal(d.severity, 1);
  assert.equal(d.source, 'haulcheck');
  assert.match(d.message, /Did you mean "reviewed"\?/);
  assert.match(d.codeDescription!.href, /docs\/rules\/schema\.md#enum$/);

  // Fixing the text clears the finding for the new version.
  const v = client.change(uri, text.replace('status: reviewd', 'status: reviewed'));
  const fixed = await client.diagnosticsFor(uri, v);
  assert.ok(!fixed.diagnostics.some((x) => x.code === 'schema/enum'), JSON.stringify(fixed.diagnostics));
});

test('hover on a key shows the schema description', async () => {
  const text = readFileSync(join(fixtures, 'valid-event.yaml'), 'utf8');
  const uri = client.open(join(ws.dir, 'events', '2026', 'hover-test.yaml'), text);
  await client.diagnosticsFor(uri, 1);
  const h = await client.hover(uri, 2, 2); // on "status"
  assert.ok(h, 'no hover');
  assert.equal(h.contents.kind, 'markdown');
  assert.match(h.contents.value, /\*\*status\*\*/);
  assert.match(h.contents.value, /draft/);
});

test('Arabic text, emoji and CRLF keep UTF-16 positions exact through the protocol', async () => {
  const text = readFileSync(join(fixtures, 'arabic-emoji.yaml'), 'utf8').replace(/\n/g, '\r\n');
  const uri = client.open(join(ws.dir, 'events', '2026', 'arabic.yaml'), text);
  const pub = await client.diagnosticsFor(uri, 1);
  const d = pub.diagnostics.find((x) => x.code === 'schema/enum');
  assert.ok(d, JSON.stringify(pub.diagnostics));
  // `location: {country: SY, place: "حمص 🏙", precision: towm}`: the emoji is two UTF-16 code units.
  assert.deepEqual(d.range.start, { line: 11, character: 52 });
  assert.deepEqual(d.range.end, { line: 11, character: 56 });
});

test('a YAML file outside any dataset and without a modeline gets no diagnostics', async () => {
  const uri = client.open(join(ws.dir, '..', 'not-a-dataset.yaml'), 'anything: [1, 2\n');
  const pub = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(pub.diagnostics, []);
});

test('bad YAML gets a clear diagnostic, not a crash', async () => {
  const uri = client.open(join(ws.dir, 'events', '2026', 'broken.yaml'), 'id: x\nstatus: "open\n');
  const pub = await client.diagnosticsFor(uri, 1);
  assert.ok(pub.diagnostics.some((d) => d.code === 'yaml/syntax'));
  // The server still answers afterwards.
  const h = await client.hover(uri, 0, 0);
  assert.ok(h === null || typeof h === 'object');
});

test('a document that checks fast is checked soon after a change, well before the longest debounce', async () => {
  const slow = new LspClient();
  const dir = copySamples();
  try {
    await slow.initialize(dir.dir, {}, { debounceMs: 1500 });
    const text = readFileSync(join(fixtures, 'valid-event.yaml'), 'utf8');
    const uri = slow.open(join(dir.dir, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml'), text);
    await slow.diagnosticsFor(uri, 1, 60_000);
    // The first check of this one-event file took milliseconds: the next waits about as long, not 1.5 s.
    const t0 = Date.now();
    const v = slow.change(uri, text.replace('status: draft', 'status: reviewd'));
    const pub = await slow.diagnosticsFor(uri, v, 60_000);
    const ms = Date.now() - t0;
    assert.ok(pub.diagnostics.some((d) => d.code === 'schema/enum'));
    assert.ok(ms < 1200, `diagnostics after ${ms} ms with debounceMs 1500`);
  } finally {
    await slow.close();
    dir.cleanup();
  }
});
