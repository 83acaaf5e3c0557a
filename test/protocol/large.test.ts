/**
 * The language server under the robustness issue's large inputs (docs/robustness.md): each file's
 * problems come, capped, with a notice when the file is checked in the reduced mode; while a large
 * file is parsed and checked, another small file's edits are answered (p95 ≤ 100 ms); the memory a
 * large file took returns when it is closed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LspClient } from '../helpers/lsp-client';
import { copySamples } from '../helpers/dataset';
import { dimension, eventText } from '../growth/inputs';
import { checkParsed, parseFile } from '../../server/src/core';
import { checkForEditor } from '../../server/src/lsp/large';

const SMALL = '2026-02-20-sy-homs-captagon';

async function start(): Promise<{ client: LspClient; dir: string; cleanup: () => Promise<void> }> {
  const ws = copySamples();
  const client = new LspClient(['--stdio'], { HAULCHECK_TEST_HEAP: '1' });
  await client.initialize(ws.dir);
  return {
    client,
    dir: ws.dir,
    cleanup: async () => {
      await client.close();
      ws.cleanup();
    },
  };
}

/** The text of an input of the issue, for one file. */
function large(name: string, n: number): string {
  return Object.values(dimension(name).make(n).files)[0];
}

const heap = (client: LspClient) => client.conn.sendRequest<{ used: number }>('haulcheck/test/heap').then((r) => r.used);

test('the issue\'s large inputs: problems capped, the reduced mode said, other files answered meanwhile, memory back after closing', async (t) => {
  const { client, dir, cleanup } = await start();
  try {
    const smallPath = join(dir, 'events', '2026', `${SMALL}.yaml`);
    let smallText = eventText({ id: SMALL });
    const small = client.open(smallPath, smallText);
    await client.diagnosticsFor(small, 1, 30_000);
    const before = await heap(client);
    // The small file's edits alone, first: the bound below is 100 ms on a quiet machine, and no less
    // than 2.5 times this run's own p95 on a machine that other work slows down.
    const alone: number[] = [];
    for (let i = 0; i < 20; i++) {
      smallText = smallText.replace(/as_reported: "about [\d,]+ pills"/, `as_reported: "about ${300000 + i} pills"`);
      const t0 = performance.now();
      const v = client.change(small, smallText);
      await client.diagnosticsFor(small, v, 30_000);
      alone.push(performance.now() - t0);
    }
    alone.sort((a, b) => a - b);
    const aloneP95 = alone[Math.ceil(alone.length * 0.95) - 1];
    const bound = Math.max(100, 2.5 * aloneP95);
    t.diagnostic(`the small file's edits alone: p95 ${aloneP95.toFixed(0)} ms; bound while a large file is checked ${bound.toFixed(0)} ms`);

    const cases: [string, string, number, boolean][] = [
      ['documents', 'documents', 200_000, true],
      ['keys', 'keys', 100_000, true],
      ['near', 'near-identical events', 1000, false],
      ['quote', 'quote: Arabic number words', 200_000, false],
    ];
    /** Edits the small file until the large file's problems of `version` come; each edit's time to its problems. */
    const editWhile = async (uri: string, version: number): Promise<number[]> => {
      const latencies: number[] = [];
      let largeDone = false;
      void client.diagnosticsFor(uri, version, 120_000).then(() => (largeDone = true));
      for (let i = 0; i < 40 && !largeDone; i++) {
        smallText = smallText.replace(/as_reported: "about [\d,]+ pills"/, `as_reported: "about ${400000 + i} pills"`);
        const t0 = performance.now();
        const v = client.change(small, smallText);
        await client.diagnosticsFor(small, v, 30_000);
        latencies.push(performance.now() - t0);
      }
      return latencies;
    };
    // One round: the large file opened, edited and closed, the small file edited meanwhile. A round whose
    // p95 is over the bound is measured again (up to three rounds): on a shared machine one stall of
    // another process lands in two of twenty-odd edits; a server that is slow is slow every round.
    const round = async (file: string, name: string, n: number, reduced: boolean): Promise<{ latencies: number[]; problems: number }> => {
      const text = large(name, n);
      const uri = client.open(join(dir, 'events', '2026', `${file}.yaml`), text);
      // While it is read and checked, and again after an edit of it, edits of the small file are answered.
      const latencies = await editWhile(uri, 1);
      const published = await client.diagnosticsFor(uri, 1, 120_000);
      const problems = published.diagnostics;
      assert.ok(problems.length <= 1002, `${file}: ${problems.length} problems shown`);
      assert.equal(problems.some((d) => d.code === 'output/reduced'), reduced, `${file}: the reduced mode said (${problems[0]?.message})`);
      const v2 = client.change(uri, text.replace(/\n$/, '\n# edited\n'));
      latencies.push(...(await editWhile(uri, v2)));
      await client.diagnosticsFor(uri, v2, 120_000);
      await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await client.until(() => client.diagnostics.get(uri)?.diagnostics.length === 0, 30_000, `${file} cleared`);
      return { latencies: latencies.sort((a, b) => a - b), problems: problems.length };
    };
    const p95Of = (xs: number[]) => xs[Math.ceil(xs.length * 0.95) - 1];
    for (const [file, name, n, reduced] of cases) {
      const rounds: number[][] = [];
      let problems = 0;
      for (let attempt = 0; attempt < 3; attempt++) {
        const r = await round(file, name, n, reduced);
        rounds.push(r.latencies);
        problems = r.problems;
        // The stream of 200,000 documents takes seconds: the small file is edited many times meanwhile.
        if (file === 'documents') assert.ok(r.latencies.length >= 10, `only ${r.latencies.length} edits while the stream was checked`);
        if (r.latencies.length < 5 || p95Of(r.latencies) <= bound) break;
      }
      const last = rounds[rounds.length - 1];
      if (last.length >= 5) {
        const p95 = p95Of(last);
        t.diagnostic(`${file}: ${problems} problems; ${last.length} edits of another file meanwhile, p95 ${p95.toFixed(0)} ms (max ${last[last.length - 1].toFixed(0)} ms; round ${rounds.length} of at most 3)`);
        assert.ok(
          p95 <= bound,
          `${file}: in each of ${rounds.length} rounds the small file's edits had a p95 over ${bound.toFixed(0)} ms: ` +
            rounds.map((r) => `${r.map((x) => x.toFixed(0)).join(', ')} ms (p95 ${p95Of(r).toFixed(0)})`).join('; '),
        );
      } else t.diagnostic(`${file}: ${problems} problems, checked before a second edit of another file`);
    }
    const after = await heap(client);
    t.diagnostic(`heap before ${(before / 1e6).toFixed(1)} MB, after closing ${(after / 1e6).toFixed(1)} MB`);
    assert.ok(after - before < 40e6, `the heap grew by ${((after - before) / 1e6).toFixed(1)} MB after the large files were closed`);
  } finally {
    await cleanup();
  }
});

test('a newer version of a large file gives the older check up: only the newer one is published', async () => {
  const { client, dir, cleanup } = await start();
  try {
    const text = large('documents', 200_000);
    const uri = client.open(join(dir, 'events', '2026', 'stream.yaml'), text);
    const v2 = client.change(uri, text + '---\nid: 2026-01-01-sy-doc-last\n');
    const published = await client.diagnosticsFor(uri, v2, 120_000);
    assert.ok(published.diagnostics.some((d) => d.code === 'output/reduced'));
    assert.deepEqual(
      client.published.filter((p) => p.uri === uri).map((p) => p.version),
      [v2],
      'the first version, given up, published nothing',
    );
  } finally {
    await cleanup();
  }
});

test('a saved file checked for the editor in one go (the indexing thread): the same reduced mode, cap and notices', () => {
  const stream = checkForEditor(large('documents', 20_000), 'event', {});
  assert.equal(stream[0].ruleId, 'output/reduced');
  assert.match(stream[0].message, /^This file holds 20,000 documents, over the 10,000 the editor checks in full/);
  assert.equal(stream.length, 1002);
  assert.equal(stream[stream.length - 1].ruleId, 'output/truncated');
  assert.match(stream[stream.length - 1].message, /^119,000 more problems in this file are not shown \(the editor shows 1,000 a file\)/);
  const small = eventText({ id: SMALL });
  assert.deepEqual(checkForEditor(small, 'event', {}), checkParsed(parseFile(small), 'event', {}));
});
