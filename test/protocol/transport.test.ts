/**
 * A server that cannot go deaf: a malformed frame on stdio (a missing or bad Content-Length, LF-only
 * headers, garbage, a body that is not JSON) is logged and the server exits non-zero at once, so that
 * the client restarts it and says so (client/src/faults.ts) — instead of staying alive and deaf.
 * After `shutdown`, requests get the error the LSP specification names (InvalidRequest); `exit` then
 * ends the process with 0. A FIFO as the dataset's config or a registry does not stall the server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, type Socket, createServer } from 'node:net';
import { join } from 'node:path';
import { LspClient, SERVER_JS } from '../helpers/lsp-client';
import { copySamples } from '../helpers/dataset';

const LIMIT_MS = 10_000;

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

/** Starts the server on stdio, writes `bytes`, and waits (at most LIMIT_MS) for it to exit. */
async function feed(chunks: (string | Buffer)[]): Promise<{ code: number | string | null; stderr: string; stdout: string; ms: number }> {
  const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  proc.stderr.on('data', (d) => (stderr += String(d)));
  proc.stdout.on('data', (d) => (stdout += String(d)));
  const exited = new Promise<number | string | null>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal)));
  const t0 = performance.now();
  for (const c of chunks) proc.stdin.write(c);
  // The client keeps its end open: a server that only exits on end-of-input is still deaf.
  const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), LIMIT_MS))]);
  const ms = performance.now() - t0;
  if (code === 'still running') proc.kill('SIGKILL');
  proc.stdin.destroy();
  return { code, stderr, stdout, ms };
}

before(() => assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: run `npm run build` first'));

describe('a malformed frame: logged, connection closed, non-zero exit', () => {
  const cases: [string, (string | Buffer)[], RegExp][] = [
    ['no Content-Length header', [`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${INIT}`], /no Content-Length/],
    ['a Content-Length that is not a number', [`Content-Length: abc\r\n\r\n${INIT}`], /Content-Length "abc" is not a whole number/],
    ['a negative Content-Length', ['Content-Length: -5\r\n\r\n'], /Content-Length "-5" is not a whole number/],
    ['an absurd Content-Length', ['Content-Length: 99999999999\r\n\r\n'], /Content-Length 99999999999 is over/],
    ['LF-only headers', [`Content-Length: ${Buffer.byteLength(INIT)}\n\n${INIT}`], /line ends with LF alone/],
    ['a header line without a colon', ['Content-Length 12\r\n\r\n'], /not a header line/],
    ['a body with no header at all', [INIT], /not a header line/],
    ['binary garbage', [Buffer.from([0x00, 0xff, 0x1b, 0x5b, 0x32, 0x4a, 0x0a, 0x0a])], /not a header line/],
    ['a body that is not JSON', [frame('{"jsonrpc": "2.0", "id": 1, "method": ')], /not JSON/],
    ['a body that is not UTF-8', [`Content-Length: 3\r\n\r\n`, Buffer.from([0x22, 0xe9, 0x22])], /not UTF-8/],
    ['a malformed frame after a good one', [frame(INIT), 'Content-Length: 5\n\nhello'], /line ends with LF alone/],
  ];
  for (const [name, chunks, reason] of cases) {
    test(name, async () => {
      const r = await feed(chunks);
      assert.notEqual(r.code, 'still running', `the server stayed alive and deaf for ${LIMIT_MS / 1000} s`);
      assert.ok(typeof r.code === 'number' && r.code !== 0, `exit code ${String(r.code)}`);
      assert.match(r.stderr, /haulcheck-language-server: malformed message from the client/);
      assert.match(r.stderr, reason);
      assert.ok(r.ms < LIMIT_MS);
    });
  }
});

test('over a socket (--socket=PORT) too: a good frame is answered, a malformed one ends the server', async () => {
  const server = createServer();
  const connected = new Promise<Socket>((resolve) => server.once('connection', resolve));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const proc = spawn(process.execPath, [SERVER_JS, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  try {
    const socket = await connected;
    let received = '';
    const answered = new Promise<void>((resolve) =>
      socket.on('data', (d) => {
        received += String(d);
        if (/"id":1/.test(received) && /"capabilities"/.test(received)) resolve();
      }),
    );
    socket.write(frame(INIT));
    await Promise.race([answered, new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer to initialize over the socket: ${stderr}`)), LIMIT_MS))]);
    socket.write('Content-Length: 2\n\n{}');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), LIMIT_MS))]);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /malformed message from the client \(a header line ends with LF alone/);
  } finally {
    proc.kill('SIGKILL');
    server.close();
  }
});

describe('after shutdown', () => {
  let ws: ReturnType<typeof copySamples>;
  before(() => (ws = copySamples()));
  after(() => ws.cleanup());

  test('requests get InvalidRequest (-32600); exit then ends the process with 0', async () => {
    const c = new LspClient(['--stdio']);
    try {
      await c.initialize(ws.dir);
      assert.equal(await c.conn.sendRequest('shutdown'), null);
      await assert.rejects(
        c.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.yaml' }, position: { line: 0, character: 0 } }),
        (e: { code?: number; message?: string }) => e.code === -32600 && /shut/.test(e.message ?? ''),
      );
      await assert.rejects(c.conn.sendRequest('shutdown'), (e: { code?: number }) => e.code === -32600);
      void c.conn.sendNotification('exit');
      const code = await Promise.race([c.exited, new Promise<string>((r) => setTimeout(() => r('still running'), LIMIT_MS))]);
      assert.equal(code, 0);
    } finally {
      await c.close();
    }
  });
});

describe('a FIFO as the config or a registry does not stall the server', () => {
  let ws: ReturnType<typeof copySamples>;
  before(() => {
    ws = copySamples();
    for (const f of ['haulcheck.yaml', join('registries', 'agencies.yaml')]) {
      rmSync(join(ws.dir, f));
      execFileSync('mkfifo', [join(ws.dir, f)]);
    }
  });
  after(() => ws.cleanup());

  test('an open event gets its diagnostics, and the log says what was not read', async () => {
    const c = new LspClient(['--stdio']);
    try {
      await c.initialize(ws.dir);
      const file = join(ws.dir, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml');
      const uri = c.open(file, readFileSync(file, 'utf8'));
      const pub = await c.diagnosticsFor(uri, 1, 15_000);
      assert.ok(Array.isArray(pub.diagnostics));
      await c.until(() => c.logs.some((l) => /haulcheck\.yaml is a FIFO \(named pipe\), not a file/.test(l)), 5000, 'the FIFO in the log');
    } finally {
      await c.close();
    }
  });
});
