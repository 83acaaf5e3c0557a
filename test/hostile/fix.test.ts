/**
 * `--fix` loses nothing, ever: bytes that are not UTF-8 are never rewritten, a write that lands
 * while a file is being fixed survives (the fix is dropped, the command exits 2), read-only files are
 * left alone unless asked, owner and mode are kept, and a file that cannot be written is a clear
 * error at the end of the run (exit 2), never a stack trace. Writing reports and baselines fails
 * cleanly too. See docs/robustness.md, "--fix".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, closeSync, linkSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../../server/src/cli/check';
import { fixFile } from '../../server/src/cli/fix';
import { ReplacedFiles } from '../../server/src/node/replace';
import { type JsonResult, STALE, haulcheck, tempDataset, unprivileged, withStale } from '../helpers/hostile';

const tmpLeft = (dir: string) => readdirSync(dir).filter((n) => n.includes('.tmp'));

test('a file that is not valid UTF-8 is never rewritten: its bytes stay, the run says why and exits 2', () => {
  const ds = tempDataset();
  try {
    // Two documents: a Latin-1 "é" (0xE9) in the first, a stale suppression in the second (which
    // parses whole, so the safe fixes would remove it).
    const bytes = Buffer.concat([Buffer.from('title: Caf'), Buffer.from([0xe9]), Buffer.from(`\n---\n${withStale(readFileSync(ds.event, 'utf8'))}`)]);
    writeFileSync(ds.event, bytes);
    const r = haulcheck(['check', '.', '--fix', '-f', 'json'], { cwd: ds.dir });
    assert.ok(readFileSync(ds.event).equals(bytes), 'the file was rewritten');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /not fixed: events\/2026\/2026-02-22-sy-homs-captagon\.yaml is not valid UTF-8 \(byte 0xE9 on line 1, column 11\)/);
    // The report is there, and it says why too.
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    assert.ok(res.messages.some((m) => m.ruleId === 'yaml/syntax' && /not valid UTF-8/.test(m.message)));
    assert.ok(res.messages.some((m) => m.ruleId === 'suppressions/unused'), 'the second document has its fixable finding');
  } finally {
    ds.cleanup();
  }
});

test('a write that lands after the last comparison, right before the rename, is not lost: the fix is dropped', async () => {
  const ds = tempDataset();
  try {
    writeFileSync(ds.event, withStale(readFileSync(ds.event, 'utf8')));
    const [r] = await runCheck({ paths: [ds.event], cwd: ds.dir });
    // An editor appends a line in the last instant (through the file it already had open, or by path).
    const o = fixFile(r, 'safe', false, { inWindow: (f) => appendFileSync(f, '# written meanwhile\n') });
    const now = readFileSync(ds.event, 'utf8');
    assert.ok(now.endsWith('# written meanwhile\n'), 'the concurrent write was lost');
    assert.ok(now.includes(STALE), 'the fix should have been dropped');
    assert.equal(o.changed, false);
    assert.match(o.error ?? '', /changed while it was being fixed/);
    assert.deepEqual(tmpLeft(join(ds.dir, 'events', '2026')), []);
  } finally {
    ds.cleanup();
  }
});

test('a write through a descriptor opened before the rename that lands a moment after it is put back when the old file is looked at again', async () => {
  const ds = tempDataset();
  try {
    writeFileSync(ds.event, withStale(readFileSync(ds.event, 'utf8')));
    const [r] = await runCheck({ paths: [ds.event], cwd: ds.dir });
    // A shell's `>>` that opened the file just before the rename, and writes just after the check that follows it.
    const late = openSync(ds.event, 'a');
    try {
      const replaced = new ReplacedFiles();
      const o = fixFile(r, 'safe', false, { replaced });
      assert.equal(o.changed, true);
      assert.ok(!readFileSync(ds.event, 'utf8').includes(STALE), 'fixed, for now');
      writeSync(late, '# written late\n');
      const [said] = replaced.settle();
      assert.match(said ?? '', /changed while it was being fixed; the change was kept and the file was not fixed/);
      const now = readFileSync(ds.event, 'utf8');
      assert.ok(now.endsWith('# written late\n'), 'the late write is in the file');
      assert.ok(now.includes(STALE), 'the fix is dropped');
      assert.deepEqual(tmpLeft(join(ds.dir, 'events', '2026')), []);
    } finally {
      closeSync(late);
    }
  } finally {
    ds.cleanup();
  }
});

test('a plain append loop while --fix runs again and again: no appended line is lost', async () => {
  const ds = tempDataset();
  try {
    writeFileSync(ds.event, withStale(readFileSync(ds.event, 'utf8')));
    const [r] = await runCheck({ paths: [ds.event], cwd: ds.dir });
    // Another process appends 4,000 lines, one write each, about one a millisecond; every 20th comes
    // with a stale suppression, so that each fix has something to write.
    const N = 4000;
    const script = `const fs = require('fs'); const w = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < ${N}; i++) {
        fs.appendFileSync(${JSON.stringify(ds.event)}, (i % 20 === 0 ? ${JSON.stringify(STALE + '\n')} : '') + '# line ' + i + '\\n');
        Atomics.wait(w, 0, 0, 1);
      }`;
    const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    const done = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let finished = false;
    void done.then(() => (finished = true));
    let written = 0;
    while (!finished) {
      if (fixFile(r, 'safe', false).changed) written++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(await done, 0);
    // Every line is in the file, or in the copy kept beside it when both versions changed.
    const dir = join(ds.dir, 'events', '2026');
    const kept = readdirSync(dir).filter((n) => n.includes('.haulcheck-kept-'));
    const all = [readFileSync(ds.event, 'utf8'), ...kept.map((n) => readFileSync(join(dir, n), 'utf8'))].join('\n');
    const lost = Array.from({ length: N }, (_, i) => i).filter((i) => !all.includes(`# line ${i}\n`));
    assert.deepEqual(lost, [], `${lost.length} appended lines lost (${written} fixes written)`);
    assert.ok(written > 0, 'no fix was ever written: the test proved nothing');
    assert.deepEqual(tmpLeft(dir), []);
  } finally {
    ds.cleanup();
  }
});

test('a read-only file is left alone (exit 2, saying so) unless --fix-read-only; its mode is kept either way', () => {
  const ds = tempDataset();
  try {
    const text = withStale(readFileSync(ds.event, 'utf8'));
    writeFileSync(ds.event, text);
    chmodSync(ds.event, 0o444);
    const r = haulcheck(['check', '.', '--fix', '-f', 'json'], { cwd: ds.dir });
    assert.equal(readFileSync(ds.event, 'utf8'), text, 'a read-only file was replaced');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /not fixed: events\/2026\/2026-02-22-sy-homs-captagon\.yaml is read-only \(mode 0444\); --fix-read-only fixes it anyway/);
    const forced = haulcheck(['check', '.', '--fix', '--fix-read-only', '-f', 'json'], { cwd: ds.dir });
    assert.notEqual(forced.code, 2, forced.stderr);
    assert.ok(!readFileSync(ds.event, 'utf8').includes(STALE), 'asked, it should have been fixed');
    assert.equal(statSync(ds.event).mode & 0o7777, 0o444);
  } finally {
    ds.cleanup();
  }
});

test('a file with another hard link is left alone: replacing it would separate the two names', () => {
  const ds = tempDataset();
  try {
    const text = withStale(readFileSync(ds.event, 'utf8'));
    writeFileSync(ds.event, text);
    const other = join(ds.dir, '..', 'same-file.yaml');
    linkSync(ds.event, other);
    const r = haulcheck(['check', '.', '--fix', '-f', 'json'], { cwd: ds.dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /not fixed: events\/2026\/2026-02-22-sy-homs-captagon\.yaml has 2 hard links; replacing it would separate them/);
    assert.equal(readFileSync(ds.event, 'utf8'), text);
    assert.equal(statSync(ds.event).nlink, 2);
  } finally {
    ds.cleanup();
  }
});

test('owner, group and mode of a fixed file are kept (a 0666 file does not become 0644)', () => {
  const ds = tempDataset();
  try {
    writeFileSync(ds.event, withStale(readFileSync(ds.event, 'utf8')));
    chmodSync(ds.event, 0o666);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(ds.event, 65534, 65534);
    const before = statSync(ds.event);
    const r = haulcheck(['check', '.', '--fix', '-f', 'json'], { cwd: ds.dir });
    assert.notEqual(r.code, 2, r.stderr);
    assert.ok(!readFileSync(ds.event, 'utf8').includes(STALE), 'not fixed');
    const after = statSync(ds.event);
    assert.equal(after.mode & 0o7777, 0o666);
    assert.equal(after.uid, before.uid);
    assert.equal(after.gid, before.gid);
  } finally {
    ds.cleanup();
  }
});

test('a folder --fix cannot write: the other files are fixed, the report is printed, then a clear error and exit 2 (no stack trace)', (t) => {
  const ds = tempDataset();
  const who = unprivileged();
  if (who.skip) {
    t.skip(who.skip);
    ds.cleanup();
    return;
  }
  try {
    const locked = join(ds.dir, 'events', '2026');
    const open = join(ds.dir, 'events', '2025');
    mkdirSync(open);
    const other = join(open, '2025-03-01-sy-homs-captagon.yaml');
    const text = withStale(readFileSync(ds.event, 'utf8'));
    writeFileSync(ds.event, text);
    writeFileSync(other, text.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2025-03-01-sy-homs-captagon'));
    who.own(ds.dir);
    chmodSync(locked, 0o555);
    const r = haulcheck(['check', '.', '--fix', '-f', 'json'], { cwd: ds.dir, uid: who.uid, gid: who.gid });
    chmodSync(locked, 0o755);
    assert.equal(r.code, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, r.stderr);
    assert.match(r.stderr, /not fixed: events\/2026\/2026-02-22-sy-homs-captagon\.yaml: cannot write in its folder \(EACCES/);
    assert.match(r.stderr, /applied 1 fix in 1 file/);
    const report = JSON.parse(r.stdout) as JsonResult[];
    assert.ok(report.length >= 2, 'the report was printed');
    assert.ok(!readFileSync(other, 'utf8').includes(STALE), 'the writable file was fixed');
    assert.equal(readFileSync(ds.event, 'utf8'), text);
    assert.deepEqual(tmpLeft(locked), []);
  } finally {
    ds.cleanup();
  }
});

test('--update-baseline into a folder, and --output into a folder or under a file: a message and exit 2, never exit 3', () => {
  const ds = tempDataset();
  try {
    mkdirSync(join(ds.dir, 'baseline.json'));
    const b = haulcheck(['check', '.', '--baseline', 'baseline.json', '--update-baseline'], { cwd: ds.dir });
    assert.equal(b.code, 2, b.stderr);
    assert.match(b.stderr, /^haulcheck: cannot write the baseline baseline\.json: it is a folder\.?\n/m);
    assert.doesNotMatch(b.stderr, /internal error|\n\s+at /);
    for (const [out, why] of [
      ['baseline.json', /cannot write baseline\.json: it is a folder/],
      ['haulcheck.yaml/report.json', /cannot write haulcheck\.yaml\/report\.json: haulcheck\.yaml is not a folder/],
    ] as const) {
      const o = haulcheck(['check', '.', '-f', 'json', '-o', out], { cwd: ds.dir, timeoutMs: 20_000 });
      assert.equal(o.timedOut, false, `${out}: still running after 20 s`);
      assert.equal(o.code, 2, o.stderr);
      assert.match(o.stderr, why);
    }
  } finally {
    ds.cleanup();
  }
});
