/**
 * Builds what the real-editor tests run: dist/server.js (`npm run build`) and dist/haulcheck.vsix
 * (`npm run package`), only when missing or older than their inputs. Test files run in parallel
 * processes, so builds are serialised by a lock directory.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BROWSER_BUNDLES, CLIENT_JS, DIST_DIR, REPO_ROOT, RESULTS_DIR, SERVER_JS, VSIX } from './paths';
import { pollUntil } from './poll';

const run = promisify(execFile);

function mtime(p: string): number {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

/** The newest modification time of the files under `dir` (recursive). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    max = Math.max(max, name.isDirectory() ? newest(p) : mtime(p));
  }
  return max;
}

async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const lock = join(RESULTS_DIR, '.build.lock');
  await pollUntil(
    () => {
      try {
        mkdirSync(lock);
        return true;
      } catch {
        // a lock left behind by a killed run is stale after 5 minutes
        if (Date.now() - mtime(lock) > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
        return false;
      }
    },
    { timeoutMs: 6 * 60_000, intervalMs: 250, what: 'the build lock' },
  );
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function npmRun(script: string): Promise<void> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    await run(npm, ['run', script], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 5 * 60_000 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`npm run ${script} failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
}

const sourcesTime = () =>
  Math.max(newest(join(REPO_ROOT, 'server', 'src')), newest(join(REPO_ROOT, 'client', 'src')), newest(join(REPO_ROOT, 'schemas')));

const built = () => [SERVER_JS, CLIENT_JS, ...BROWSER_BUNDLES].every((f) => existsSync(f) && mtime(f) >= sourcesTime());

/** dist/server.js, dist/client.js and the browser build (`npm run build`), built when missing or older than the sources. */
export async function ensureBuilt(): Promise<{ server: string; client: string }> {
  if (!built()) {
    await withBuildLock(async () => {
      if (!built()) await npmRun('build');
    });
  }
  return { server: SERVER_JS, client: CLIENT_JS };
}

/** dist/haulcheck.vsix, packaged when missing or older than the build, package.json or the sources. */
export async function ensureVsix(): Promise<string> {
  const stale = () =>
    !existsSync(VSIX) ||
    mtime(VSIX) < Math.max(newest(DIST_DIR) - 1000, mtime(join(REPO_ROOT, 'package.json')), sourcesTime());
  if (!stale()) return VSIX;
  await withBuildLock(async () => {
    if (stale()) await npmRun('package');
  });
  if (!existsSync(VSIX)) throw new Error(`npm run package did not write ${VSIX}`);
  return VSIX;
}
