/** Where the real-editor tests find the repository, the installed tools and their output. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SAMPLES_DIR = join(REPO_ROOT, 'samples');
export const DIST_DIR = join(REPO_ROOT, 'dist');
export const SERVER_JS = join(DIST_DIR, 'server.js');
export const CLIENT_JS = join(DIST_DIR, 'client.js');
/** The extension's browser build: its client and its language server for a web worker. */
export const BROWSER_BUNDLES = [join(DIST_DIR, 'browser-client.js'), join(DIST_DIR, 'browser-server.js')];
export const VSIX = join(DIST_DIR, 'haulcheck.vsix');
/** Screenshots and logs of the real-editor tests (gitignored). */
export const RESULTS_DIR = join(REPO_ROOT, 'test-results', 'e2e');

export const E2E_HOME = process.env.HAULCHECK_E2E_HOME || join(homedir(), '.cache', 'haulcheck-e2e');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_ENTRY = join(E2E_HOME, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Written by scripts/install-code-server.sh once the install works. */
export const CODE_SERVER_STAMP = join(E2E_HOME, 'code-server', `.installed-${CODE_SERVER_VERSION}`);

export const SETUP_HINT = 'run `bash scripts/setup-e2e.sh` (as root, on Debian) to install what is missing';

/** The first executable called `name` on PATH, if any. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Debian's chromium (or HAULCHECK_CHROMIUM), driven by playwright-core. */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.HAULCHECK_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}
