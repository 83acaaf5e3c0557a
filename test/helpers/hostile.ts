/**
 * Helpers for the hostile tests that run the built command as a child process: a hanging child is
 * killed at its time limit (and the test says so) instead of hanging the test runner.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'haulcheck.js');
export const SAMPLES = join(ROOT, 'samples');
export const VALID_EVENT = readFileSync(join(ROOT, 'test', 'fixtures', 'core', 'valid-event.yaml'), 'utf8');
/** A stale suppression comment: `suppressions/unused` removes it with a safe fix. */
export const STALE = '# haulcheck-disable-next-line schema/enum -- stale';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds the command ran. */
  ms: number;
  /** True when the command had to be killed at its time limit. */
  timedOut: boolean;
}

export interface RunOptions {
  cwd: string;
  timeoutMs?: number;
  env?: Record<string, string | undefined>;
  /** Run as this user (and group): see `unprivileged`. */
  uid?: number;
  gid?: number;
  input?: string;
}

/** Runs `haulcheck` (bin/haulcheck.js, the built CLI) in a child process, with a time limit. */
export function haulcheck(args: string[], o: RunOptions): Run {
  const t0 = performance.now();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: o.cwd,
    encoding: 'utf8',
    timeout: o.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...o.env },
    uid: o.uid,
    gid: o.gid,
    input: o.input,
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - t0, timedOut };
}

/**
 * A user for whom file permissions apply. Root reads and writes through any mode bits, so when the
 * tests run as root the command runs as `nobody` (65534) on files handed to it; otherwise as the
 * current user. `own(dir)` gives a tree to that user. `skip` says why it cannot be done here: as
 * `nobody` the command must reach the project's own files (bin/, dist/, node_modules/), which a
 * checkout inside a folder only its owner may enter (mkdtemp makes them 0700) does not allow.
 */
export function unprivileged(): { uid?: number; gid?: number; own: (dir: string) => void; skip?: string } {
  if (process.getuid?.() !== 0) return { own: () => undefined };
  const uid = 65534;
  const gid = 65534;
  const own = (p: string) => {
    chownSync(p, uid, gid);
    if (statSync(p).isDirectory()) for (const n of readdirSync(p)) own(join(p, n));
  };
  for (let dir = resolve(ROOT); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      const octal = (mode & 0o777).toString(8);
      return { uid, gid, own, skip: `the tests run as root, so this command runs as the user nobody, who cannot enter ${dir} (mode ${octal}) to reach ${BIN}: check out the project where others may enter (or chmod o+x ${dir})` };
    }
    if (dirname(dir) === dir) break;
  }
  return { uid, gid, own };
}

/**
 * A temporary dataset: the samples' config and registries and one valid event
 * (events/2026/2026-02-22-sy-homs-captagon.yaml), or the whole sample dataset.
 */
export function tempDataset(whole = false): { dir: string; event: string; cleanup: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'haulcheck-hostile-'));
  // Readable by an unprivileged user (mkdtemp makes 0700 folders).
  chmodSync(base, 0o755);
  const dir = join(base, 'dataset');
  if (whole) cpSync(SAMPLES, dir, { recursive: true });
  else {
    mkdirSync(join(dir, 'events', '2026'), { recursive: true });
    cpSync(join(SAMPLES, 'haulcheck.yaml'), join(dir, 'haulcheck.yaml'));
    cpSync(join(SAMPLES, 'registries'), join(dir, 'registries'), { recursive: true });
    writeFileSync(join(dir, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml'), VALID_EVENT);
  }
  return { dir, event: join(dir, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml'), cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** The event with a stale suppression comment above `status:` (one safe fix to apply). */
export function withStale(text: string): string {
  return text.replace(/^status:/m, `${STALE}\nstatus:`);
}

/** JSON report entries (`--format json`). */
export interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number }[];
  errorCount: number;
}
