/**
 * Nothing from the workspace runs: `--changed-since` calls git with everything that can run a program
 * named by the repository's configuration switched off. A hostile `.git/config` names a program in
 * every place git could run one (fsmonitor, hooks, external diff, diff driver command and textconv,
 * clean/smudge filters, pager, credential helper, ssh command); each would leave a marker file.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type JsonResult, haulcheck, tempDataset, unprivileged } from '../helpers/hostile';

function git(cwd: string, ...args: string[]) {
  return execFileSync('git', ['-c', 'user.name=Haulcheck Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

let ds: ReturnType<typeof tempDataset>;
let markers: string;
const ran = () => (existsSync(markers) ? readdirSync(markers) : []);

before(() => {
  ds = tempDataset();
  markers = join(ds.dir, '..', 'markers');
  mkdirSync(markers);
  git(ds.dir, 'init', '-q');
  git(ds.dir, 'add', '-A');
  git(ds.dir, 'commit', '-q', '-m', 'base');
  git(ds.dir, 'tag', 'base');
  // Only now the hostile parts (the commits above ran no filter).
  const prog = (name: string) => {
    const p = join(markers, '..', `run-${name}.sh`);
    writeFileSync(p, `#!/bin/sh\ntouch '${join(markers, name)}'\ncat\n`);
    chmodSync(p, 0o755);
    return p;
  };
  const hooks = join(ds.dir, '..', 'hooks');
  mkdirSync(hooks);
  for (const h of ['post-index-change', 'pre-commit', 'post-checkout', 'reference-transaction', 'fsmonitor-watchman']) {
    writeFileSync(join(hooks, h), `#!/bin/sh\ntouch '${join(markers, `hook-${h}`)}'\n`);
    chmodSync(join(hooks, h), 0o755);
  }
  appendFileSync(
    join(ds.dir, '.git', 'config'),
    [
      '[core]',
      `\tfsmonitor = ${prog('fsmonitor')}`,
      `\thooksPath = ${hooks}`,
      `\tpager = ${prog('core-pager')}`,
      `\tsshCommand = ${prog('ssh')}`,
      '\tuntrackedCache = true',
      '[pager]',
      `\tdiff = ${prog('pager-diff')}`,
      '[diff]',
      `\texternal = ${prog('diff-external')}`,
      '[diff "hostile"]',
      `\tcommand = ${prog('diff-command')}`,
      `\ttextconv = ${prog('textconv')}`,
      '[filter "hostile"]',
      `\tclean = ${prog('filter-clean')}`,
      `\tsmudge = ${prog('filter-smudge')}`,
      `\tprocess = ${prog('filter-process')}`,
      '[filter "Second.one"]',
      `\tclean = ${prog('filter-clean-2')}`,
      '\trequired = true',
      '[credential]',
      `\thelper = !${prog('credential')}`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(ds.dir, '.gitattributes'), '*.yaml diff=hostile filter=hostile\nhaulcheck.yaml filter=Second.one\n');
  // A change to report: the event, uncommitted.
  appendFileSync(ds.event, '# changed\n');
});
after(() => ds.cleanup());

test('--changed-since on a repository whose config names programs: none of them runs, and the change is still found', () => {
  const r = haulcheck(['check', '.', '--changed-since', 'base', '-f', 'json'], { cwd: ds.dir, timeoutMs: 60_000 });
  assert.deepEqual(ran(), [], `programs named by .git/config ran:\n${r.stderr}`);
  assert.notEqual(r.code, 2, r.stderr);
  const files = (JSON.parse(r.stdout) as JsonResult[]).map((x) => relative(ds.dir, x.filePath));
  assert.deepEqual(files, ['events/2026/2026-02-22-sy-homs-captagon.yaml']);
});

test('a repository that belongs to another user is refused as git refuses it (no safe.directory override), with a clear message', (t) => {
  if (process.getuid?.() !== 0) {
    t.skip('needs root, to give the repository to another user');
    return;
  }
  const who = unprivileged();
  who.own(join(ds.dir, '.git'));
  try {
    const r = haulcheck(['check', '.', '--changed-since', 'base'], { cwd: ds.dir, timeoutMs: 60_000 });
    assert.deepEqual(ran(), []);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--changed-since: git does not trust the repository .*: it belongs to another user/);
  } finally {
    execFileSync('chown', ['-R', `${process.getuid!()}:${process.getgid!()}`, join(ds.dir, '.git')]);
  }
});
