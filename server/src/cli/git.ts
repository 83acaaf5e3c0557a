/**
 * `--changed-since REF`: the files changed since REF (`git diff --name-only REF...HEAD`, plus
 * uncommitted and untracked changes) and their changed lines. Git runs through execFile, never a
 * shell; paths come back NUL-separated.
 */
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from './work';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'core.quotepath=off', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
  });
  return stdout;
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
    top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new UsageError(`--changed-since needs a git repository; ${cwd} is not in one.`);
  }
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
