/**
 * code-server (the VS Code workbench served to a browser) for the e2e tests: a fresh user-data,
 * extensions and XDG dir per run, bound to 127.0.0.1, no auth, no telemetry, no update checks.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CODE_SERVER_ENTRY, CODE_SERVER_STAMP } from './paths';
import { pollUntil } from './poll';

const run = promisify(execFile);

/** The entry.js of a working install (see scripts/install-code-server.sh), if any. */
export function installedCodeServer(): string | undefined {
  return existsSync(CODE_SERVER_ENTRY) && existsSync(CODE_SERVER_STAMP) ? CODE_SERVER_ENTRY : undefined;
}

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
};

function dirs(runDir: string) {
  return {
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
    config: join(runDir, 'code-server.yaml'),
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(runDir, 'xdg', 'config'),
      XDG_DATA_HOME: join(runDir, 'xdg', 'data'),
      XDG_CACHE_HOME: join(runDir, 'xdg', 'cache'),
    },
  };
}

function prepare(runDir: string) {
  const d = dirs(runDir);
  for (const p of [join(d.userData, 'User'), d.extensions, d.env.XDG_CONFIG_HOME, d.env.XDG_DATA_HOME, d.env.XDG_CACHE_HOME]) {
    mkdirSync(p, { recursive: true });
  }
  const settings = join(d.userData, 'User', 'settings.json');
  if (!existsSync(settings)) writeFileSync(settings, JSON.stringify(SETTINGS, null, 2));
  return d;
}

const commonArgs = (d: ReturnType<typeof dirs>) => ['--config', d.config, '--user-data-dir', d.userData, '--extensions-dir', d.extensions];

/** Installs a .vsix into the run's own extensions dir (copying a folder there is ignored once extensions.json exists). */
export async function installExtension(entry: string, runDir: string, vsix: string): Promise<string> {
  const d = prepare(runDir);
  const { stdout, stderr } = await run(process.execPath, [entry, ...commonArgs(d), '--install-extension', vsix], {
    env: d.env,
    timeout: 120_000,
  });
  return (stdout + stderr).trim();
}

export interface RunningCodeServer {
  url: string;
  port: number;
  logFile: string;
  proc: ChildProcess;
  /** The server's output so far. */
  log(): string;
  /** Stops code-server and everything it started (its process group). */
  stop(): Promise<void>;
}

export async function startCodeServer(entry: string, runDir: string, port: number): Promise<RunningCodeServer> {
  const d = prepare(runDir);
  const logFile = join(runDir, 'code-server.log');
  const fd = openSync(logFile, 'a');
  const args = [
    entry,
    ...commonArgs(d),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  // its own process group, so that stop() also ends the extension host, pty host and watchers
  const proc = spawn(process.execPath, args, { env: d.env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  const killGroup = (signal: NodeJS.Signals) => {
    if (proc.pid === undefined) return;
    try {
      process.kill(-proc.pid, signal);
    } catch {
      // already gone
    }
  };
  // last resort when the test process ends without running its cleanup
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => proc.once('exit', () => ((exited = true), resolve())));
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const stop = async () => {
    process.removeListener('exit', onExit);
    if (!exited) killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exitedPromise;
    clearTimeout(timer);
    killGroup('SIGKILL'); // children that outlived the main process
  };
  const url = `http://127.0.0.1:${port}`;
  let state: 'up' | 'exited';
  try {
    state = await pollUntil<'up' | 'exited'>(
      async () => {
        if (exited) return 'exited';
        const r = await fetch(`${url}/healthz`).catch(() => undefined);
        return r?.ok === true ? 'up' : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100, what: `code-server on ${url}` },
    );
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\ncode-server log:\n${log()}`);
  }
  if (state === 'exited') {
    await stop();
    throw new Error(`code-server exited before it served ${url}:\n${log()}`);
  }
  return { url, port, logFile, proc, log, stop };
}
