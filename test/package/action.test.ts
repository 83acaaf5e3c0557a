/**
 * The GitHub Action installs the packed command line tool, not this repository's development tree:
 * its install and check steps, as action.yml writes them, run here with bash (the packed tarball in
 * place of the registry's package), and the install is measured.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli';
import { packTarball, REPO } from './pack';

interface Step {
  id?: string;
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { steps: Step[] } };
const install = action.runs.steps.find((s) => s.id === 'install')!;
const check = action.runs.steps.find((s) => s.id === 'check')!;

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'haulcheck-action-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

function dirSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

/** Runs a step's script as the runner would (bash -e), with the step's env as the inputs give it. */
function runStep(step: Step, env: Record<string, string>, cwd: string, path = process.env.PATH ?? '') {
  return spawnSync('bash', ['-e', '-c', step.run!], { cwd, encoding: 'utf8', timeout: 120_000, env: { PATH: path, HOME: process.env.HOME ?? tmp, ...env } });
}

test('action.yml installs haulcheck at its own version with npm install, never npm ci, no scripts', () => {
  assert.ok(install.run && !/npm ci\b/.test(install.run), install.run);
  assert.match(install.run, /npm install .*--ignore-scripts/);
  assert.deepEqual(Object.keys(install.env ?? {}).sort(), ['HAULCHECK_ACTION_PATH', 'HAULCHECK_PACKAGE', 'HAULCHECK_PREFIX']);
  assert.equal(install.env!.HAULCHECK_PACKAGE, '${{ inputs.package }}');
  assert.equal(action.inputs.package.default, '');
  // With no package input, the spec is haulcheck at the version of the action's package.json: a stub
  // npm on PATH records what the step asks for.
  const bin = join(tmp, 'stub-bin');
  rmSync(bin, { recursive: true, force: true });
  mkdirSync(bin);
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(tmp, 'npm-args')}"\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  const out = join(tmp, 'stub-output');
  const r = runStep(install, { HAULCHECK_PACKAGE: '', HAULCHECK_ACTION_PATH: REPO, HAULCHECK_PREFIX: join(tmp, 'stub'), GITHUB_OUTPUT: out }, tmp, `${bin}:${process.env.PATH}`);
  assert.equal(r.status, 0, r.stderr);
  const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version;
  const args = readFileSync(join(tmp, 'npm-args'), 'utf8').trim().split('\n');
  assert.equal(args[0], 'install');
  assert.equal(args[args.length - 1], `haulcheck@${version}`);
  assert.equal(readFileSync(out, 'utf8'), `bin=${join(tmp, 'stub')}/node_modules/haulcheck/bin/haulcheck.js\n`);
});

test('the action\'s install and check steps, with the packed tarball: one package, a few MB, about a second', async (t) => {
  const { tarball } = packTarball(tmp);
  const prefix = join(tmp, 'runner-temp', 'haulcheck');
  const output = join(tmp, 'github-output');
  const started = performance.now();
  const r = runStep(install, { HAULCHECK_PACKAGE: tarball, HAULCHECK_ACTION_PATH: REPO, HAULCHECK_PREFIX: prefix, GITHUB_OUTPUT: output, npm_config_offline: 'true' }, tmp);
  const ms = performance.now() - started;
  if (r.status !== 0) {
    t.skip(`npm could not install the packed tarball here: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
    return;
  }
  const modules = join(prefix, 'node_modules');
  assert.deepEqual(readdirSync(modules).filter((n) => !n.startsWith('.')), ['haulcheck']);
  const bytes = dirSize(modules);
  assert.ok(bytes < 20e6, `${bytes} bytes installed`);
  t.diagnostic(`the action's install: ${(ms / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB, 1 package`);

  // The check step, on a new dataset with one broken event: annotations and exit 1.
  const dataset = join(tmp, 'dataset');
  assert.equal((await runCli(['init', dataset], tmp)).code, 0);
  const event = join(dataset, 'events', '2026', '2026-02-22-sy-homs-captagon.yaml');
  writeFileSync(event, readFileSync(event, 'utf8').replace('status: draft', 'status: drafted'));
  const bin = /^bin=(.*)$/m.exec(readFileSync(output, 'utf8'))![1];
  const cache = join(tmp, 'runner-temp', 'haulcheck-cache') + '/';
  const env = { HAULCHECK_PATHS: '', HAULCHECK_FAIL_ON: 'error', HAULCHECK_FORMAT: 'github', HAULCHECK_SARIF: 'haulcheck.sarif', HAULCHECK_BASELINE: '', HAULCHECK_CHANGED_SINCE: '', HAULCHECK_BIN: bin, HAULCHECK_CACHE: cache };
  assert.deepEqual(Object.keys(check.env ?? {}).sort(), Object.keys(env).sort());
  const c = runStep(check, env, dataset);
  assert.equal(c.status, 1, c.stderr);
  assert.match(c.stdout, /^::error file=events\/2026\/2026-02-22-sy-homs-captagon\.yaml,line=2,.*title=schema\/enum/m);
  assert.equal(JSON.parse(readFileSync(join(dataset, 'haulcheck.sarif'), 'utf8')).version, '2.1.0');
  assert.match(c.stderr, /✖ 1 problem \(1 error, 0 warnings\) in 4 files \(1 event\)/);
  // The cache (where actions/cache keeps it): the second run takes every file from it, with the same report.
  assert.ok(statSync(join(cache, 'haulcheck-cache.json')).isFile());
  const again = runStep(check, env, dataset);
  assert.equal(again.status, 1, again.stderr);
  assert.equal(again.stdout, c.stdout);
  assert.match(again.stderr, /\(4 from the cache, 0 checked\)/);
});
