/**
 * The extension in VS Code desktop (Electron), through @vscode/test-electron: runs
 * test/vscode-electron/suite/index.js inside VS Code's extension host with this repository as the
 * extension under development and a copy of samples/ (plus one broken event) as the workspace.
 *
 * VS Code desktop comes from HAULCHECK_VSCODE_EXECUTABLE when set, else it is downloaded (and cached
 * under ~/.cache/haulcheck-e2e/vscode). A machine without internet cannot download it: the test then
 * skips and says so; the code-server test (test/e2e/code-server.test.ts) covers the workbench there.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { downloadAndUnzipVSCode, type ProgressReport, runTests } from '@vscode/test-electron';
import { ensureBuilt } from './e2e/lib/build';
import { ensureDisplay } from './e2e/lib/display';
import { E2E_HOME, REPO_ROOT, RESULTS_DIR } from './e2e/lib/paths';
import { descendants, killPids } from './e2e/lib/procs';
import { eventKeyDescription } from './e2e/lib/schema';
import { BAD_STATUS, makeWorkspace } from './e2e/lib/workspace';

const RUN_TIMEOUT = 240_000;
const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|timed? ?out|socket hang up|getaddrinfo|fetch failed/i;

/** VS Code desktop's executable, or why there is none. */
async function obtainVSCode(): Promise<{ executable: string } | { reason: string; offline: boolean }> {
  const fromEnv = process.env.HAULCHECK_VSCODE_EXECUTABLE;
  if (fromEnv) {
    assert.ok(existsSync(fromEnv), `HAULCHECK_VSCODE_EXECUTABLE=${fromEnv} does not exist`);
    return { executable: fromEnv };
  }
  const errors: string[] = [];
  const reporter = {
    report: (_p: ProgressReport) => undefined,
    error: (e: unknown) => errors.push(e instanceof Error ? e.message : String(e)),
  };
  try {
    const executable = await downloadAndUnzipVSCode({ version: 'stable', cachePath: join(E2E_HOME, 'vscode'), timeout: 15_000, reporter });
    return { executable };
  } catch (e) {
    const reason = [...errors, e instanceof Error ? e.message : String(e)].join('; ');
    return { reason, offline: NETWORK_ERROR.test(reason) };
  }
}

/** Collects a child's output and keeps it for the report. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

test('VS Code desktop (@vscode/test-electron) shows a Haulcheck diagnostic', { timeout: RUN_TIMEOUT + 60_000 }, async (t) => {
  const t0 = Date.now();
  const vscode = await obtainVSCode();
  if (!('executable' in vscode)) {
    t.skip(
      vscode.offline
        ? `VS Code desktop could not be downloaded (offline machine): ${vscode.reason}; the code-server e2e covers the workbench here`
        : `VS Code desktop could not be downloaded: ${vscode.reason}; set HAULCHECK_VSCODE_EXECUTABLE to a VS Code executable to run this test`,
    );
    return;
  }
  t.diagnostic(`VS Code: ${vscode.executable} (${((Date.now() - t0) / 1000).toFixed(1)} s to obtain)`);

  const display = await ensureDisplay();
  if ('missing' in display) {
    t.skip(`VS Code desktop needs an X display: ${display.missing}`);
    return;
  }

  await ensureBuilt();
  const ws = makeWorkspace();
  const profile = mkdtempSync(join(tmpdir(), 'haulcheck-electron-'));
  const out = collector();
  const ours = new Set<number>();
  let timer: NodeJS.Timeout | undefined;
  try {
    const started = Date.now();
    const run = runTests({
      vscodeExecutablePath: vscode.executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: join(__dirname, 'vscode-electron', 'suite', 'index.js'),
      launchArgs: [
        ws.dir,
        '--disable-extensions',
        `--user-data-dir=${join(profile, 'user-data')}`,
        `--extensions-dir=${join(profile, 'extensions')}`,
        '--disable-gpu',
        '--no-sandbox',
      ],
      extensionTestsEnv: {
        DISPLAY: display.display || undefined,
        HAULCHECK_BROKEN_FILE: ws.brokenFile,
        HAULCHECK_STATUS_LINE: String(ws.statusLine),
        HAULCHECK_BAD_STATUS: BAD_STATUS,
        HAULCHECK_STATUS_DESCRIPTION: eventKeyDescription('status'),
      },
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // VS Code hangs: end what this test started (VS Code's processes are our descendants)
        for (const pid of descendants()) ours.add(pid);
        reject(new Error(`VS Code did not finish within ${RUN_TIMEOUT} ms`));
      }, RUN_TIMEOUT);
    });
    try {
      await Promise.race([run, timeout]);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nVS Code output:\n${out.text()}`);
    }
    const suiteLines = out.text().split('\n').filter((l) => l.includes('[haulcheck-suite'));
    for (const l of suiteLines) t.diagnostic(l.trim());
    assert.ok(suiteLines.some((l) => l.includes('PASS')), `the suite ran to its end\n${out.text()}`);
    t.diagnostic(`VS Code run: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    clearTimeout(timer);
    killPids([...ours]);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'vscode-electron-output.txt'), out.text());
    await display.stop();
    ws.cleanup();
    rmSync(profile, { recursive: true, force: true });
  }
});
