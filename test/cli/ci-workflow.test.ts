/** --changed-since, baselines, --fix and --jobs, on temporary datasets (and a temporary git repository). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { runCheck } from '../../server/src/cli/check';
import { fixFile } from '../../server/src/cli/fix';
import { runCli } from '../helpers/cli';
import { copySamples } from '../helpers/dataset';

const EVENT = join('events', '2026', '2026-02-22-sy-homs-captagon.yaml');
const OTHER = join('events', '2025', '2025-sy-al-rai-cannabis.yaml');
const STALE = '# haulcheck-disable-next-line schema/enum -- stale';

const run = runCli;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: string; line: number }[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

function git(cwd: string, ...args: string[]) {
  // A test identity on the command line only: no global configuration is read or changed.
  return execFileSync('git', ['-c', 'user.name=Haulcheck Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

/** Adds a stale suppression comment above `status:` (a safe fix removes it). */
function addStale(file: string, times = 1) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^status:/m, `${`${STALE}\n`.repeat(times)}status:`));
}

test('--changed-since reports only files changed since REF (committed, uncommitted, untracked)', async () => {
  const ws = copySamples();
  try {
    git(ws.dir, 'init', '-q');
    git(ws.dir, 'add', '-A');
    git(ws.dir, 'commit', '-q', '-m', 'samples');
    git(ws.dir, 'tag', 'base');
    addStale(join(ws.dir, EVENT)); // committed on the branch
    git(ws.dir, 'commit', '-q', '-am', 'edit');
    addStale(join(ws.dir, OTHER)); // uncommitted
    const fresh = join('events', '2026', '2026-03-01-sy-new-captagon.yaml'); // untracked
    writeFileSync(join(ws.dir, fresh), readFileSync(join(ws.dir, EVENT), 'utf8').replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-03-01-sy-new-captagon'));
    const r = await run(['check', '--changed-since', 'base', '-f', 'json'], ws.dir);
    const files = (JSON.parse(r.stdout) as JsonResult[]).map((x) => relative(ws.dir, x.filePath)).sort();
    assert.deepEqual(files, [OTHER, fresh, EVENT].sort(), r.stderr);
    // Dataset-wide rules still saw the whole dataset: the copy duplicates an event that is not reported.
    const all = JSON.parse(r.stdout) as JsonResult[];
    assert.ok(all.every((x) => x.messages.every((m) => m.ruleId !== 'internal/rule-error')));
    const bad = await run(['check', '--changed-since', 'no-such-ref'], ws.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not a commit/);
    // The github format puts findings on changed lines first.
    const gh = await run(['check', '--changed-since', 'HEAD', '-f', 'github', '--fail-on', 'info'], ws.dir);
    assert.equal(gh.code, 1);
    assert.match(gh.stdout, /suppressions\/unused/);
  } finally {
    ws.cleanup();
  }
});

test('--baseline hides known findings (with a count per key); --update-baseline writes sorted, stable JSON', async () => {
  const ws = copySamples();
  try {
    addStale(join(ws.dir, EVENT));
    const upd = await run(['check', '--baseline', 'haulcheck-baseline.json', '--update-baseline'], ws.dir);
    assert.equal(upd.code, 0, upd.stderr);
    const text = readFileSync(join(ws.dir, 'haulcheck-baseline.json'), 'utf8');
    const b = JSON.parse(text) as { version: number; findings: { file: string; ruleId: string; pointer: string; docIndex: number; count: number }[] };
    assert.equal(b.version, 1);
    const keys = b.findings.map((e) => JSON.stringify([e.file, e.ruleId, e.docIndex, e.pointer]));
    assert.deepEqual(keys, [...keys].sort((x, y) => (JSON.parse(x) as string[]).join('\0') < (JSON.parse(y) as string[]).join('\0') ? -1 : 1));
    assert.ok(b.findings.some((e) => e.ruleId === 'suppressions/unused' && e.file === 'events/2026/2026-02-22-sy-homs-captagon.yaml' && e.count === 1));
    // Stable: the same run writes the same bytes.
    await run(['check', '--baseline', 'haulcheck-baseline.json', '--update-baseline'], ws.dir);
    assert.equal(readFileSync(join(ws.dir, 'haulcheck-baseline.json'), 'utf8'), text);
    const clean = await run(['check', '--baseline', 'haulcheck-baseline.json', '-f', 'json', '--fail-on', 'info'], ws.dir);
    assert.equal(clean.code, 0, clean.stdout);
    assert.ok((JSON.parse(clean.stdout) as JsonResult[]).every((x) => x.messages.length === 0));
    // A second identical problem (same rule, file, pointer and document) still shows.
    addStale(join(ws.dir, EVENT));
    const more = await run(['check', '--baseline', 'haulcheck-baseline.json', '-f', 'json', '--fail-on', 'warning'], ws.dir);
    assert.equal(more.code, 1);
    const shown = (JSON.parse(more.stdout) as JsonResult[]).flatMap((x) => x.messages);
    assert.deepEqual(shown.map((m) => m.ruleId), ['suppressions/unused']);
    assert.equal((await run(['check', '--baseline', 'missing.json'], ws.dir)).code, 2);
  } finally {
    ws.cleanup();
  }
});

test('--fix removes a stale suppression, keeps the BOM and CRLF line endings; --dry-run prints a unified diff', async () => {
  const ws = copySamples();
  try {
    const file = join(ws.dir, EVENT);
    addStale(file);
    const original = '\uFEFF' + readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, original);
    const dry = await run(['check', EVENT, '--fix', '--dry-run', '-o', 'report.txt'], ws.dir);
    assert.equal(readFileSync(file, 'utf8'), original, 'a dry run writes nothing');
    assert.match(dry.stdout, /^--- a\/events\/2026\/2026-02-22-sy-homs-captagon\.yaml/m);
    assert.match(dry.stdout, /^-# haulcheck-disable-next-line schema\/enum -- stale/m);
    const fixed = await run(['check', EVENT, '--fix', '-f', 'json'], ws.dir);
    assert.match(fixed.stderr, /applied 1 fix in 1 file/);
    const after = readFileSync(file, 'utf8');
    assert.equal(after, original.replace(`${STALE}\r\n`, ''));
    assert.ok(after.startsWith('\uFEFF'));
    assert.ok(!/[^\r]\n/.test(after), 'CRLF kept');
    assert.ok(!(JSON.parse(fixed.stdout) as JsonResult[])[0].messages.some((m) => m.ruleId === 'suppressions/unused'));
    assert.deepEqual(readdirSync(join(ws.dir, 'events', '2026')).filter((n) => n.includes('.tmp')), [], 'no temporary file left');
  } finally {
    ws.cleanup();
  }
});

test('--fix never writes over a file that changed since it was read (exit 2 from the command)', async () => {
  const ws = copySamples();
  try {
    const file = join(ws.dir, EVENT);
    addStale(file);
    const [r] = await runCheck({ paths: [file], cwd: ws.dir });
    const o = fixFile(r, 'safe', false, { beforeRename: (f) => writeFileSync(f, readFileSync(f, 'utf8') + '# edited meanwhile\n') });
    assert.ok(o.error && /changed while it was being fixed/.test(o.error));
    assert.ok(readFileSync(file, 'utf8').endsWith('# edited meanwhile\n'));
    assert.ok(readFileSync(file, 'utf8').includes(STALE));
    assert.deepEqual(readdirSync(join(ws.dir, 'events', '2026')).filter((n) => n.includes('.tmp')), []);
  } finally {
    ws.cleanup();
  }
});

test('--fix round-trips the samples without losing a comment', async () => {
  const ws = copySamples();
  try {
    addStale(join(ws.dir, OTHER));
    const comments = () =>
      new Map(walk(ws.dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => [f, readFileSync(f, 'utf8').split(/\r?\n/).filter((l) => /^\s*#/.test(l))]));
    const before = comments();
    const r = await run(['check', '--fix', '-f', 'json', '-o', 'report.json'], ws.dir);
    assert.notEqual(r.code, 2, r.stderr);
    const after = comments();
    for (const [f, lines] of before) {
      const expected = f.endsWith(basename(OTHER)) ? lines.filter((l) => l !== STALE) : lines;
      assert.deepEqual(after.get(f), expected, f);
    }
  } finally {
    ws.cleanup();
  }
});

test('--jobs: worker threads give the same output as one thread, on a few hundred generated events', async (t) => {
  const ws = copySamples();
  try {
    // A glob that matches nothing: the worker checking haulcheck.yaml must know what the globs matched.
    const config = join(ws.dir, 'haulcheck.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  - events/**/*.yaml\n', '  - events/**/*.yaml\n  - archive/**/*.yaml\n'));
    const events = walk(join(ws.dir, 'events')).filter((f) => f.endsWith('.yaml'));
    let n = 0;
    for (let copy = 1; n < 300; copy++)
      for (const f of events) {
        const text = readFileSync(f, 'utf8');
        const id = /^id: (\S+)$/m.exec(text)![1];
        const newId = `${id}-copy${copy}`;
        // Mutate a little so that events differ: the title and, every other copy, a status typo.
        const mutated = text.replace(`id: ${id}`, `id: ${newId}`).replace(/^title: (.*)$/m, `title: $1 (copy ${copy})`).replace(copy % 2 ? /^status: draft$/m : /^$^/, 'status: drafted');
        writeFileSync(join(f, '..', `${newId}.yaml`), mutated);
        n++;
      }
    const time = async (jobs: number) => {
      const start = process.hrtime.bigint();
      const r = await run(['check', '-f', 'json', '--jobs', String(jobs)], ws.dir);
      return { ...r, ms: Number(process.hrtime.bigint() - start) / 1e6 };
    };
    const one = await time(1);
    const two = await time(2);
    assert.notEqual(one.code, 2, one.stderr);
    const files = (JSON.parse(one.stdout) as JsonResult[]).length;
    assert.ok(files > 300, String(files));
    assert.equal(two.stdout, one.stdout);
    const configResult = (JSON.parse(two.stdout) as JsonResult[]).find((x) => x.filePath.endsWith('haulcheck.yaml'));
    assert.deepEqual(configResult?.messages.map((m) => `${m.ruleId} ${m.line}`), ['config/paths 6'], 'the worker knew what the globs matched');
    assert.equal(two.code, one.code);
    const sarif1 = await run(['check', '-f', 'sarif', '--jobs', '1'], ws.dir);
    const sarif3 = await run(['check', '-f', 'sarif', '--jobs', '3'], ws.dir);
    assert.equal(sarif3.stdout, sarif1.stdout);
    t.diagnostic(`${files} files: --jobs 1 ${one.ms.toFixed(0)} ms, --jobs 2 ${two.ms.toFixed(0)} ms`);
  } finally {
    ws.cleanup();
  }
});

test('action.yml is a composite action with the documented inputs; the pre-commit hook runs haulcheck check', () => {
  const { parse } = require('yaml') as typeof import('yaml');
  const root = join(__dirname, '..', '..');
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
  assert.equal(action.runs.using, 'composite');
  for (const i of ['paths', 'fail-on', 'format', 'sarif-file', 'baseline', 'changed-since']) assert.ok(action.inputs[i], i);
  const uses = action.runs.steps.map((s: { uses?: string }) => s.uses).filter(Boolean);
  assert.ok(uses.some((u: string) => u.startsWith('actions/setup-node@')));
  assert.ok(uses.some((u: string) => u.startsWith('github/codeql-action/upload-sarif@')));
  const script = action.runs.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
  assert.match(script, /npm install /);
  assert.ok(!/\$\{\{\s*inputs\./.test(script), 'inputs reach the script through env, never spliced in');
  const [hook] = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
  assert.equal(hook.id, 'haulcheck');
  assert.equal(hook.entry, 'haulcheck check --cache');
  // The action keeps the cache between runs with actions/cache, restored before the check and saved after it.
  assert.ok(uses.some((u: string) => u.startsWith('actions/cache/restore@')) && uses.some((u: string) => u.startsWith('actions/cache/save@')));
  assert.equal(action.inputs.cache.default, 'true');
  assert.ok(new RegExp(hook.files).test('events/a.yaml') && new RegExp(hook.files).test('b.yml') && !new RegExp(hook.files).test('c.json'));
});

test('--jobs by default: workers only where they pay (never on two CPUs, which deliver one core here)', async () => {
  const { autoWorkers, AUTO_FILES_PER_WORKER } = await import('../../server/src/cli/check');
  const cases: [files: number, cpus: number, workers: number][] = [
    [50, 1, 1],
    [100_000, 2, 1], // two logical CPUs: one core's throughput, workers only cost
    [AUTO_FILES_PER_WORKER * 2 - 1, 4, 1],
    [AUTO_FILES_PER_WORKER * 2, 4, 2],
    [10_000, 8, 4],
    [100_000, 8, 4],
    [100_000, 64, 32],
  ];
  for (const [files, cpus, workers] of cases) assert.equal(autoWorkers(files, cpus), workers, `${files} files, ${cpus} CPUs`);
});
