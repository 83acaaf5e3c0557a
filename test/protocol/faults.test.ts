/**
 * Fault tolerance of the language server, through real JSON-RPC (dist/server.js over stdio): a
 * throwing rule, cancelled and slow requests, a burst of edits, an abrupt client disconnect, a server
 * that exits mid-session; and what the VS Code client does when the server crashes.
 * The test-only switches are documented in server/src/lsp/guard.ts and docs/robustness.md.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LspClient, SERVER_JS } from '../helpers/lsp-client';
import { copySamples } from '../helpers/dataset';
import { CLOSE_DO_NOT_RESTART, CLOSE_RESTART, ERROR_CONTINUE, ERROR_SHUTDOWN, MAX_RESTARTS, crashHandlers } from '../../client/src/faults';

const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'core', 'valid-event.yaml'), 'utf8');
const EVENT = join('events', '2026', '2026-02-22-sy-homs-captagon.yaml');

let ws: ReturnType<typeof copySamples>;
before(() => {
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: run `npm run build` first');
  ws = copySamples();
});
after(() => ws?.cleanup());

async function withServer(env: Record<string, string>, f: (c: LspClient) => Promise<void>): Promise<void> {
  const c = new LspClient(['--stdio'], env);
  try {
    await c.initialize(ws.dir);
    await f(c);
  } finally {
    await c.close();
  }
}

test('a rule that throws is an internal finding on the document, and the other rules still run', () =>
  withServer({ HAULCHECK_TEST_FAULTY_RULE: '1' }, async (c) => {
    const uri = c.open(join(ws.dir, EVENT), BASE.replace('status: draft', 'status: reviewd'));
    const pub = await c.diagnosticsFor(uri, 1, 20_000);
    const internal = pub.diagnostics.find((d) => d.code === 'internal/rule-error');
    assert.ok(internal, JSON.stringify(pub.diagnostics, null, 1));
    assert.match(internal.message, /Rule "test\/faulty" failed on this document and was skipped \(the other rules still ran\): injected failure/);
    assert.ok(pub.diagnostics.some((d) => d.code === 'schema/enum'), 'the schema rule ran after the faulty one');
    // And the server still answers.
    const h = await c.hover(uri, 2, 2);
    assert.ok(h && /status/.test(h.contents.value));
  }));

describe('slow requests: cancelled on request, answered empty after the budget', () => {
  // Every guarded request waits 4 s before it runs; the budget is 1 s.
  const env = { HAULCHECK_TEST_REQUEST_DELAY_MS: '4000', HAULCHECK_REQUEST_BUDGET_MS: '1000' };

  test('$/cancelRequest: the request is answered "cancelled" at once, and the cancellation is logged', () =>
    withServer(env, async (c) => {
      const uri = c.open(join(ws.dir, EVENT), BASE);
      await c.diagnosticsFor(uri, 1, 20_000);
      const source = new CancellationTokenSource();
      const t0 = performance.now();
      const pending = c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } }, source.token);
      setTimeout(() => source.cancel(), 100);
      await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
      const ms = performance.now() - t0;
      assert.ok(ms < 900, `the cancelled request took ${ms.toFixed(0)} ms`);
      await c.until(() => c.logs.some((l) => /Hover cancelled by the client/.test(l)), 5000, 'the cancellation in the log');
    }));

  test('a request over its time budget is answered empty and logged; requests do not pile up', () =>
    withServer(env, async (c) => {
      const uri = c.open(join(ws.dir, EVENT), BASE);
      await c.diagnosticsFor(uri, 1, 20_000);
      const t0 = performance.now();
      // Ten requests at once: each is answered within the budget, not one after the other.
      const answers = await Promise.all(Array.from({ length: 10 }, () => c.hover(uri, 2, 2)));
      const ms = performance.now() - t0;
      assert.deepEqual(answers, Array(10).fill(null));
      assert.ok(ms < 3500, `ten slow requests took ${ms.toFixed(0)} ms (budget 1000 ms each, concurrently)`);
      await c.until(() => c.logs.some((l) => /Hover exceeded its 1000 ms budget and was answered empty/.test(l)), 5000, 'the budget in the log');
    }));
});

test('a burst of 200 changes: diagnostics only for the last version, and the server stays responsive', () =>
  withServer({}, async (c) => {
    const uri = c.open(join(ws.dir, EVENT), BASE);
    await c.diagnosticsFor(uri, 1, 20_000);
    const before = c.published.length;
    // Type 200 characters into the title, one notification each, arriving together (one write to the pipe).
    const line = BASE.split('\n').findIndex((l) => l.startsWith('title: '));
    const col = 'title: '.length;
    const frames: Buffer[] = [];
    for (let i = 0; i < 200; i++) {
      const at = { line, character: col + i };
      const body = JSON.stringify({
        jsonrpc: '2.0',
        method: 'textDocument/didChange',
        params: { textDocument: { uri, version: 2 + i }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] },
      });
      frames.push(Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`));
    }
    c.proc.stdin!.write(Buffer.concat(frames));
    const last = 201;
    const pub = await c.diagnosticsFor(uri, last, 30_000);
    assert.ok(Array.isArray(pub.diagnostics));
    const t0 = performance.now();
    const h = await c.hover(uri, 2, 2);
    assert.ok(h, 'no hover after the burst');
    assert.ok(performance.now() - t0 < 3000, 'the server was slow to answer after the burst');
    // (Version 1 may be re-published once the dataset index is ready; no version of the burst but its last.)
    const versions = c.published.slice(before).filter((p) => p.uri === uri && p.version !== 1).map((p) => p.version);
    assert.deepEqual(versions, [201], `diagnostics were published for versions ${versions.join(', ')}`);
  }));

test('an abrupt client disconnect (pipes closed mid-session): the server exits promptly, without a crash', async () => {
  const c = new LspClient(['--stdio']);
  await c.initialize(ws.dir);
  const uri = c.open(join(ws.dir, EVENT), BASE);
  await c.diagnosticsFor(uri, 1, 20_000);
  // Busy: a burst of edits is still being processed when the client goes away.
  await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 + i },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }],
      }),
    ),
  );
  const t0 = performance.now();
  c.conn.dispose();
  c.proc.stdin!.destroy();
  c.proc.stdout!.destroy();
  const code = await Promise.race([c.exited, new Promise<string>((r) => setTimeout(() => r('still running'), 10_000))]);
  const ms = performance.now() - t0;
  if (code === 'still running') c.proc.kill('SIGKILL');
  assert.notEqual(code, 'still running', 'the server kept running after its client disappeared');
  assert.ok(ms < 10_000);
  const stderr = c.logs.join('\n');
  assert.doesNotMatch(stderr, /Uncaught|FATAL|out of memory/i, stderr);
});

test('a server that exits mid-session (process.exit) is seen by the client: connection closed, pending requests rejected', async () => {
  const c = new LspClient(['--stdio'], { HAULCHECK_TEST_EXIT_NOTIFICATION: '1', HAULCHECK_TEST_REQUEST_DELAY_MS: '3000' });
  await c.initialize(ws.dir);
  const uri = c.open(join(ws.dir, EVENT), BASE);
  await c.diagnosticsFor(uri, 1, 20_000);
  const pending = c.hover(uri, 2, 2); // held for 3 s by the test delay
  await c.conn.sendNotification('haulcheck/test/exit', { code: 7 });
  assert.equal(await c.exited, 7);
  await c.until(() => c.connectionClosed, 5000, 'the client to see the connection close');
  await assert.rejects(Promise.race([pending, new Promise((_, rej) => setTimeout(() => rej(new Error('the pending request was never settled')), 5000))]));
  await c.close();
});

describe('the VS Code client restarts a crashed server and says so in the output channel', () => {
  test('crashes are restarted, each with a line in the output; after 5 in 3 minutes it gives up, saying so', () => {
    const lines: string[] = [];
    let t = 0;
    const h = crashHandlers(() => ({ appendLine: (l) => lines.push(l) }), () => t);
    for (let i = 1; i <= MAX_RESTARTS; i++) {
      t += 1000;
      const r = h.errorHandler.closed() as { action: number };
      assert.equal(r.action, CLOSE_RESTART);
      assert.match(lines.at(-1)!, new RegExp(`\\[client\\] the Haulcheck language server stopped unexpectedly \\(crash ${i} in the last 3 minutes\\); restarting it\\.`));
    }
    t += 1000;
    const r = h.errorHandler.closed() as { action: number; message?: string };
    assert.equal(r.action, CLOSE_DO_NOT_RESTART);
    assert.match(lines.at(-1)!, /crashed 5 times in 3 minutes; it is not restarted again/);
    // Later crashes, once the old ones are more than 3 minutes old, restart again.
    t += 4 * 60 * 1000;
    assert.equal((h.errorHandler.closed() as { action: number }).action, CLOSE_RESTART);
  });

  test('connection errors: tolerated three times, then the connection is shut down; start-up failures are explained', () => {
    const lines: string[] = [];
    const h = crashHandlers(() => ({ appendLine: (l) => lines.push(l) }));
    assert.equal((h.errorHandler.error(new Error('write EPIPE'), undefined, 1) as { action: number }).action, ERROR_CONTINUE);
    assert.equal((h.errorHandler.error(new Error('write EPIPE'), undefined, 4) as { action: number }).action, ERROR_SHUTDOWN);
    assert.match(lines.join('\n'), /write EPIPE/);
    assert.equal(h.initializationFailedHandler!(new Error('boom')), false);
    assert.match(lines.at(-1)!, /failed to start: boom\. Run "Haulcheck: Restart Language Server"/);
  });

  test('the action numbers are vscode-languageclient\'s ErrorAction and CloseAction', () => {
    const src = readFileSync(join(__dirname, '..', '..', 'node_modules', 'vscode-languageclient', 'lib', 'common', 'client.js'), 'utf8');
    assert.match(src, new RegExp(`ErrorAction\\["Continue"\\] = ${ERROR_CONTINUE}`));
    assert.match(src, new RegExp(`ErrorAction\\["Shutdown"\\] = ${ERROR_SHUTDOWN}`));
    assert.match(src, new RegExp(`CloseAction\\["DoNotRestart"\\] = ${CLOSE_DO_NOT_RESTART}`));
    assert.match(src, new RegExp(`CloseAction\\["Restart"\\] = ${CLOSE_RESTART}`));
  });

  test('the extension wires these handlers into its LanguageClient, on the desktop and in the browser', () => {
    const src = (file: string) => readFileSync(join(__dirname, '..', '..', 'client', 'src', file), 'utf8');
    assert.match(src('activate.ts'), /\.\.\.crashHandlers\(/);
    // Both entries make their client through activate.ts.
    for (const entry of ['extension.ts', 'browser.ts']) assert.match(src(entry), /activateWith\(context, \{/, entry);
  });
});
