/**
 * End to end with a second, independent LSP client: headless Neovim (Debian's 0.7) runs
 * `node dist/server.js --stdio` on a broken event in a copy of samples/, and must receive the
 * diagnostics and the hover that VS Code shows. Catches protocol assumptions only VS Code forgives.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureBuilt } from './lib/build';
import { RESULTS_DIR, SETUP_HINT, which } from './lib/paths';
import { eventKeyDescription } from './lib/schema';
import { BAD_STATUS, MISSING_KEY, makeWorkspace } from './lib/workspace';

interface Diag {
  lnum: number;
  col: number;
  severity: string;
  message: string;
  source: string | null;
  code: string | number | null;
}

function runNvim(nvim: string, env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const script = join(__dirname, 'nvim', 'lsp-check.lua');
    const child = spawn(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nvim did not finish within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test('Neovim as an LSP client gets Haulcheck diagnostics, hovers and code actions', { timeout: 120_000 }, async (t) => {
  const nvim = which('nvim');
  if (!nvim) {
    t.skip(`nvim not installed: ${SETUP_HINT} (or apt-get install neovim)`);
    return;
  }
  const serverJs = (await ensureBuilt()).server;
  const ws = makeWorkspace();
  const home = mkdtempSync(join(tmpdir(), 'haulcheck-e2e-nvim-'));
  try {
    const started = Date.now();
    const { code, stdout, stderr } = await runNvim(
      nvim,
      {
        LSP_CMD_JSON: JSON.stringify([process.execPath, serverJs, '--stdio']),
        LSP_ROOT: ws.dir,
        LSP_FILE: ws.brokenFile,
        EXPECT_LINE: String(ws.statusLine),
        HOVER_LINE: String(ws.statusLine),
        HOVER_CHAR: '2', // inside the key `status`
        // the first weight of the lorry sample (`- {value: 1.1, unit: t, ...}`), when the broken event was made from it
        HOVER2_LINE: String(ws.brokenText.split('\n').findIndex((l) => l.includes('{value: 1.1, unit: t'))),
        HOVER2_CHAR: String(Math.max(0, (ws.brokenText.split('\n').find((l) => l.includes('{value: 1.1, unit: t')) ?? '').indexOf('1.1'))),
        // keep nvim's log, state and cache out of $HOME
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_STATE_HOME: join(home, 'state'),
        XDG_CACHE_HOME: join(home, 'cache'),
      },
      60_000,
    );
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'nvim-output.txt'), `${stdout}\n--- stderr ---\n${stderr}`);
    const transcript = `nvim output (exit ${code}):\n${stdout}\n${stderr}`;
    assert.doesNotMatch(stdout, /^ERROR /m, transcript);
    assert.equal(code, 0, transcript);

    const lines = stdout.split('\n');
    const parse = <T>(kind: string): T[] => lines.filter((l) => l.startsWith(kind + ' ')).map((l) => JSON.parse(l.slice(kind.length + 1)) as T);
    const [wait] = parse<{ arrived: boolean; ms: number }>('WAIT');
    const diags = parse<Diag>('DIAG');
    t.diagnostic(`diagnostics after ${wait?.ms} ms (${Date.now() - started} ms with nvim's start and exit)`);
    for (const d of diags) t.diagnostic(`${d.lnum + 1}:${d.col + 1} [${d.severity}] ${d.code} ${d.message}`);
    assert.ok(wait?.arrived, `no diagnostic on line ${ws.statusLine + 1} (the status line)\n${transcript}`);

    const status = diags.find((d) => d.lnum === ws.statusLine && d.message.includes(BAD_STATUS));
    assert.ok(status, `a diagnostic about "${BAD_STATUS}" on line ${ws.statusLine + 1}\n${transcript}`);
    assert.equal(status.source, 'haulcheck');
    assert.equal(status.code, 'schema/enum');
    assert.equal(status.severity, 'ERROR');
    assert.equal(status.col, 'status: '.length, 'the diagnostic starts at the value');
    assert.match(status.message, /reviewed/, 'the message suggests "reviewed"');

    const required = diags.find((d) => d.code === 'schema/required' && d.message.includes(`"${MISSING_KEY}"`));
    assert.ok(required, `a schema/required diagnostic for the missing "${MISSING_KEY}"\n${transcript}`);

    const [hover] = parse<{ contents: unknown; error?: string }>('HOVER');
    assert.ok(hover && !hover.error, `hover failed: ${hover?.error}`);
    const c = hover.contents as { kind?: string; value?: string } | string | null;
    const hoverText = typeof c === 'string' ? c : (c?.value ?? JSON.stringify(c));
    t.diagnostic(`hover: ${hoverText.replace(/\s+/g, ' ').slice(0, 160)}`);
    assert.equal(typeof c === 'object' && c !== null ? c.kind : undefined, 'markdown', 'the hover is MarkupContent in markdown');
    assert.ok(hoverText.includes(eventKeyDescription('status')), `the hover shows the description of "status": ${hoverText}`);

    // code actions: the preferred safe fix, applied by Neovim, rewrites the misspelt status
    const actions = parse<{ title: string; kind: string | null; preferred: boolean; error?: string }>('ACTION');
    for (const a of actions) t.diagnostic(`action: ${a.preferred ? '* ' : ''}${a.title} (${a.kind})`);
    assert.ok(!actions.some((a) => a.error), transcript);
    const preferred = actions.find((a) => a.preferred);
    assert.equal(preferred?.title, `Change "${BAD_STATUS}" to "reviewed"`, transcript);
    assert.ok(actions.some((a) => a.title.startsWith('Suppress schema/enum')), transcript);
    const [line] = parse<{ text: string }>('LINE');
    assert.equal(line?.text, 'status: reviewed', 'Neovim applied the workspace edit');

    // a computed hover on a weight, when the broken event has the lorry's 1.1 t
    if (ws.madeFrom.endsWith('2025-02-iq-lorry-captagon.yaml')) {
      const [h2] = parse<{ contents: { value?: string } | null; error: string | null }>('HOVER2');
      assert.ok(h2 && !h2.error && h2.contents?.value, `second hover: ${JSON.stringify(h2)}`);
      t.diagnostic(`weight hover: ${h2.contents!.value!.replace(/\s+/g, ' ').slice(0, 160)}`);
      assert.match(h2.contents!.value!, /= 1,100 kg/);
    }
  } finally {
    ws.cleanup();
    rmSync(home, { recursive: true, force: true });
  }
});
