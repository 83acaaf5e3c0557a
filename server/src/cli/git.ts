/**
 * `--changed-since REF`: the files changed since REF (`git diff --name-only REF...HEAD`, plus
 * uncommitted and untracked changes) and their changed lines. Git runs through execFile, never a
 * shell; paths come back NUL-separated.
 *
 * Nothing from the workspace runs: a repository's configuration can name programs git would run
 * (an fsmonitor, hooks, an external diff, diff drivers and textconv, clean/smudge filters, a pager, a
 * credential helper). Every call switches all of them off (SAFE_CONFIG, and each diff driver and
 * filter the configuration defines); the system configuration is not read; and git's own refusal of
 * a repository that belongs to another user (safe.directory) is kept and explained, never overridden.
 */
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from './work';

const run = promisify(execFile);

/** Configuration that would let git run a program, switched off on every call (`-c`). */
export const SAFE_CONFIG = [
  'core.fsmonitor=false',
  'core.untrackedCache=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'core.askPass=',
  'core.sshCommand=',
  'core.gitProxy=',
  'core.alternateRefsCommand=',
  'diff.external=',
  'credential.helper=',
  'protocol.allow=never',
  'gc.auto=0',
  'maintenance.auto=false',
  'core.quotepath=off',
];

/** The environment git runs with: no system config, no pager, no external diff, no optional locks. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  for (const k of ['GIT_EXTERNAL_DIFF', 'GIT_DIFF_OPTS', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT']) delete env[k];
  return env;
}

async function rawGit(cwd: string, config: string[], args: string[]): Promise<string> {
  const { stdout } = await run('git', [...config.flatMap((c) => ['-c', c]), '--no-pager', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: gitEnv(),
  });
  return stdout;
}

/**
 * The `-c` settings that switch off every diff driver command and textconv and every clean, smudge
 * and process filter the repository's configuration (any level) defines: `.gitattributes` can name
 * them, and git would run them to compare the working tree.
 */
async function driverOverrides(top: string): Promise<string[]> {
  let listed = '';
  try {
    listed = await rawGit(top, SAFE_CONFIG, ['config', '--null', '--get-regexp', '^(filter|diff|merge)\\..+\\.(clean|smudge|process|command|textconv|driver|required)$']);
  } catch (err) {
    // Exit 1: none defined.
    if ((err as { code?: number }).code !== 1) throw err;
  }
  const out: string[] = [];
  for (const entry of listed.split('\0')) {
    const key = entry.split('\n')[0];
    if (!key) continue;
    if (key.includes('=')) throw new UsageError(`--changed-since: the repository's configuration defines "${key}", which cannot be switched off; it is not run.`);
    out.push(key.endsWith('.required') ? `${key}=false` : `${key}=`);
  }
  return out;
}

function gitFailure(err: unknown): string {
  const e = err as { stderr?: string; message?: string };
  return (e.stderr || e.message || String(err)).trim();
}

export interface ChangedFiles {
  /** Real absolute paths of the changed files. */
  files: Set<string>;
  /** Changed (added or modified) lines, 1-based, in the working tree's version of each file; `all` for a new file. */
  lines: Map<string, Set<number> | 'all'>;
}

const nulList = (s: string) => s.split('\0').filter(Boolean);

export async function changedSince(ref: string, cwd: string): Promise<ChangedFiles> {
  let top: string;
  try {
    top = (await rawGit(cwd, SAFE_CONFIG, ['rev-parse', '--show-toplevel'])).trim();
  } catch (err) {
    const why = gitFailure(err);
    const owner = /dubious ownership in repository at '([^']*)'/.exec(why);
    if (owner)
      throw new UsageError(
        `--changed-since: git does not trust the repository ${owner[1]}: it belongs to another user (git's safe.directory protection, which Haulcheck keeps). Run as its owner, or add it to safe.directory in your own git configuration if you trust it.`,
      );
    throw new UsageError(`--changed-since needs a git repository; ${cwd} is not in one.`);
  }
  const config = [...SAFE_CONFIG, ...(await driverOverrides(top))];
  const git = (dir: string, args: string[]) => rawGit(dir, config, args);
  if (ref.startsWith('-')) throw new UsageError(`--changed-since expects a git revision, not "${ref}".`);
  let base: string;
  try {
    await git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
    base = (await git(top, ['merge-base', '--end-of-options', ref, 'HEAD'])).trim();
  } catch {
    throw new UsageError(`--changed-since: "${ref}" is not a commit of this repository (with a shallow clone, fetch more history: fetch-depth: 0).`);
  }
  const names = new Set<string>([
    ...nulList(await git(top, ['diff', '--name-only', '-z', '--no-ext-diff', '--no-textconv', `${base}...HEAD`])),
    ...nulList(await git(top, ['diff', '--name-only', '-z', '--no-ext-diff', '--no-textconv', 'HEAD'])),
  ]);
  const untracked = nulList(await git(top, ['ls-files', '--others', '--exclude-standard', '-z']));
  for (const u of untracked) names.add(u);
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const files = new Set([...names].map((n) => real(path.join(top, n))));
  // Changed lines: the working tree against the merge base covers committed and uncommitted changes.
  const lines = new Map<string, Set<number> | 'all'>();
  const diff = await git(top, ['diff', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', base]);
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = unquote(line.slice(4).replace(/\t$/, ''));
      current = undefined;
      if (name.startsWith('b/')) {
        const abs = real(path.join(top, name.slice(2)));
        const known = lines.get(abs);
        current = known instanceof Set ? known : new Set();
        lines.set(abs, current);
      }
      continue;
    }
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (m && current) {
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let l = start; l < start + count; l++) current.add(l);
    }
  }
  for (const u of untracked) lines.set(real(path.join(top, u)), 'all');
  return { files, lines };
}

function unquote(s: string): string {
  if (!s.startsWith('"')) return s;
  return s.slice(1, -1).replace(/\\(["\\tn])/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c));
}
