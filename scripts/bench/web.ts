/**
 * The extension's browser build, measured (docs/performance.md, "In the browser"):
 *
 *   npm run bench:web [-- --runs 3] [--events 1000] [--no-browser]
 *
 * 1. the size of the browser bundles (the web worker's language server and the client), raw and
 *    gzipped, beside the desktop ones;
 * 2. the language server alone, over LSP, the browser build (in a context with a web worker's
 *    globals, its files read through the file-system port from disk: test/helpers/web-server.ts)
 *    against the desktop one (dist/server.js over stdio): start to every file checked, and opening
 *    the Damascus sample to its first diagnostics, on samples/ and on a generated dataset;
 * 3. in a real browser (code-server and Chromium, when installed: scripts/setup-e2e.sh), the
 *    packaged extension run as a web extension (remote.extensionKind ui) and as the desktop one
 *    (code-server's remote Node host): the workbench loaded to the Damascus raid's problem in the
 *    Problems panel (the dataset listed, read and checked), and a click on the file in the explorer
 *    to its problem (in openFilesOnly mode, so that nothing was known of it before).
 *
 * Medians of --runs runs; every figure is printed, nothing is written.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LspClient } from '../../test/helpers/lsp-client';
import { WebServer } from '../../test/helpers/web-server';
import { copySamples } from '../../test/helpers/dataset';
import { launchChromium } from '../../test/e2e/lib/browser';
import { ensureVsix } from '../../test/e2e/lib/build';
import { installExtension, installedCodeServer, startCodeServer } from '../../test/e2e/lib/code-server';
import { REPO_ROOT, chromiumPath } from '../../test/e2e/lib/paths';
import { pollUntil } from '../../test/e2e/lib/poll';
import { freePort } from '../../test/e2e/lib/ports';

const arg = (k: string, d?: string) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : d;
};
const RUNS = Number(arg('--runs', '3'));
const EVENTS = Number(arg('--events', '1000'));
const DAMASCUS = 'events/2025/2025-sy-damascus-captagon.yaml';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function sizes(): void {
  console.log('## Bundles\n');
  console.log('| Bundle | Bytes | gzip |');
  console.log('|---|---:|---:|');
  for (const f of ['browser-server.js', 'browser-client.js', 'server.js', 'server-index.js', 'client.js']) {
    const p = join(REPO_ROOT, 'dist', f);
    const bytes = statSync(p).size;
    console.log(`| dist/${f} | ${kb(bytes)} | ${kb(gzipSync(readFileSync(p)).length)} |`);
  }
  console.log('');
}

interface Timing {
  ready: number;
  first: number;
}

/** The browser build in a worker's context: initialize to every file checked; open the Damascus sample to its first diagnostics. */
async function webServer(dir: string, damascus: string | undefined): Promise<Timing> {
  const s = new WebServer(dir);
  try {
    const t0 = performance.now();
    await s.initialize();
    await s.ready(300_000);
    const ready = performance.now() - t0;
    let first = NaN;
    if (damascus) {
      const t1 = performance.now();
      await s.diagnosticsFor(s.open(DAMASCUS, damascus), 1);
      first = performance.now() - t1;
    }
    return { ready, first };
  } finally {
    await s.close();
  }
}

/** The desktop build (dist/server.js over stdio), the same steps. */
async function desktopServer(dir: string, damascus: string | undefined): Promise<Timing> {
  const c = new LspClient();
  try {
    const t0 = performance.now();
    await c.initialize(dir, { workspace: { configuration: true } }, { statusNotifications: true });
    await c.until(() => c.statuses.at(-1)?.datasets.find((d) => d.state === 'ready' && d.files > 0 && d.checked === d.files), 300_000, 'ready');
    const ready = performance.now() - t0;
    let first = NaN;
    if (damascus) {
      const t1 = performance.now();
      await c.diagnosticsFor(c.open(join(dir, DAMASCUS), damascus), 1);
      first = performance.now() - t1;
    }
    return { ready, first };
  } finally {
    await c.close();
  }
}

async function servers(): Promise<void> {
  console.log('## The language server over LSP (Node; the browser build with a web worker\'s globals, files through the port)\n');
  const samples = copySamples();
  const generated = mkdtempSync(join(tmpdir(), 'haulcheck-web-bench-'));
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'bench', 'generate.mjs'), '--events', String(EVENTS), '--out', generated], { stdio: 'ignore' });
  try {
    const damascus = readFileSync(join(samples.dir, DAMASCUS), 'utf8');
    console.log('| Dataset | Build | Start to every file checked | Open the Damascus sample to its first diagnostics |');
    console.log('|---|---|---:|---:|');
    for (const [name, dir, text] of [
      ['samples/ (14 files)', samples.dir, damascus],
      [`${EVENTS.toLocaleString('en-US')} generated events`, generated, undefined],
    ] as const) {
      for (const [build, run] of [
        ['browser', webServer],
        ['desktop', desktopServer],
      ] as const) {
        const r: Timing[] = [];
        for (let i = 0; i < RUNS; i++) r.push(await run(dir, text));
        console.log(`| ${name} | ${build} | ${ms(r.map((x) => x.ready))} | ${text ? ms(r.map((x) => x.first)) : '–'} |`);
      }
    }
    console.log('');
  } finally {
    samples.cleanup();
    rmSync(generated, { recursive: true, force: true });
  }
}

/**
 * One code-server session on a copy of samples/. `workspace` (the default mode): the workbench loaded
 * to the Damascus problem in the Problems panel, the file never opened. `openFilesOnly` (no problem
 * is known before a file opens, so that what is timed is the server's first diagnostics): once the
 * server has checked another file, a click on the Damascus file to its problem in the Problems panel.
 */
async function browserRun(entry: string, chromium: string, vsix: string, web: boolean, mode: 'workspace' | 'openFilesOnly'): Promise<number> {
  const runDir = mkdtempSync(join(tmpdir(), 'haulcheck-web-bench-cs-'));
  const ws = copySamples();
  const cs = { stop: async () => undefined } as { stop(): Promise<void> };
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    await installExtension(entry, runDir, vsix);
    const file = join(runDir, 'user-data', 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (web) settings['remote.extensionKind'] = { 'haulcheck.haulcheck': ['ui'] };
    settings['haulcheck.diagnosticMode'] = mode;
    writeFileSync(file, JSON.stringify(settings));
    const server = await startCodeServer(entry, runDir, await freePort());
    cs.stop = server.stop;
    browser = await launchChromium(chromium);
    const page = await browser.context.newPage();
    const problemRow = (text: string) => page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
    const showProblems = async () => {
      if (!(await page.locator('.markers-panel').first().isVisible())) await page.keyboard.press('Control+Shift+M');
    };
    const t0 = performance.now();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws.dir)}`);
    const row = (name: string) =>
      page
        .locator('.explorer-folders-view .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) })
        .first();
    if (mode === 'workspace') {
      await pollUntil(
        async () => {
          await showProblems();
          return problemRow('at most 1.49 g a tablet').isVisible();
        },
        { timeoutMs: 120_000, intervalMs: 50, what: 'the Damascus problem in the Problems panel' },
      );
      return performance.now() - t0;
    }
    await row('events').click();
    await row('2025').click();
    // The server started and the dataset indexed: another file's problem shown.
    await row('2025-02-iq-lorry-captagon.yaml').click();
    await pollUntil(
      async () => {
        await showProblems();
        return problemRow('dates/source-conflict').isVisible();
      },
      { timeoutMs: 120_000, intervalMs: 50, what: 'the problem of the first file opened' },
    );
    const t1 = performance.now();
    await row('2025-sy-damascus-captagon.yaml').click();
    await problemRow('at most 1.49 g a tablet').waitFor({ timeout: 60_000 });
    return performance.now() - t1;
  } finally {
    await browser?.close();
    await cs.stop();
    ws.cleanup();
    rmSync(runDir, { recursive: true, force: true });
  }
}

async function realBrowser(): Promise<void> {
  const entry = installedCodeServer();
  const chromium = chromiumPath();
  if (!entry || !chromium) {
    console.log('## In a real browser\n\nskipped: code-server or Chromium is not installed (bash scripts/setup-e2e.sh)\n');
    return;
  }
  const vsix = await ensureVsix();
  console.log('## In a real browser (code-server 4.100.3, headless Chromium, samples/)\n');
  console.log('| Extension | Workbench loaded to the Damascus problem in the Problems panel (never opened) | Click on the Damascus file to its problem (openFilesOnly) |');
  console.log('|---|---:|---:|');
  for (const web of [true, false]) {
    const loaded: number[] = [];
    const opened: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      loaded.push(await browserRun(entry, chromium, vsix, web, 'workspace'));
      opened.push(await browserRun(entry, chromium, vsix, web, 'openFilesOnly'));
    }
    console.log(`| ${web ? 'web (browser extension host, server in a web worker)' : 'desktop (remote Node host, server in Node)'} | ${ms(loaded)} | ${ms(opened)} |`);
  }
  console.log('');
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  console.log(`Load average at the start: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`);
  sizes();
  await servers();
  if (!process.argv.includes('--no-browser')) await realBrowser();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
