/**
 * The indexing thread's heap is bounded (node/threads.ts): a dataset too large for it is indexed
 * again in a thread without the limit, and the editor gets the same index and the same problems.
 * Forced here with a limit no dataset fits in (initializationOptions.indexHeapMb).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { LspClient, SERVER_JS } from '../helpers/lsp-client';
import { copySamples } from '../helpers/dataset';

/** Every file's problems once the dataset is ready, and the status, under the given options. */
async function problems(dir: string, init: Record<string, unknown>) {
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: run `npm run build` first');
  const c = new LspClient();
  try {
    await c.initialize(dir, {}, { statusNotifications: true, ...init });
    const status = await c.ready(dir, 60000);
    const shown = [...c.diagnostics].filter(([, p]) => p.diagnostics.length).map(([uri, p]) => `${uri} ${p.diagnostics.map((d) => `${d.range.start.line}:${d.code}`).join(',')}`);
    return { status, shown: shown.sort(), logs: c.logs.join('\n') };
  } finally {
    await c.close();
  }
}

test('a dataset too large for the indexing thread is indexed again without the limit: the same index and problems', async () => {
  const ws = copySamples();
  try {
    const normal = await problems(ws.dir, {});
    const starved = await problems(ws.dir, { indexHeapMb: 1 });
    assert.match(starved.logs, /the index needed more than the 1 MB its thread may use; reading it again without that limit/);
    assert.doesNotMatch(normal.logs, /without that limit/);
    assert.ok(normal.status.events > 0 && normal.shown.length > 0, 'the samples have events and problems');
    assert.equal(starved.status.events, normal.status.events);
    assert.equal(starved.status.files, normal.status.files);
    assert.deepEqual(starved.shown, normal.shown);
  } finally {
    ws.cleanup();
  }
});
