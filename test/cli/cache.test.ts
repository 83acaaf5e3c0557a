/**
 * `haulcheck check --cache`: the findings of a run with the cache are those of a run without it, on
 * the samples and on a generated dataset, after edits between runs — one that changes a figure, one
 * that gives an event the id of another (a new duplicate id found in the file that did not change),
 * files added and removed, the config, the registries and the day changed. A broken cache, or one
 * from other code, is not trusted; the cache is written atomically, only where it was told to be.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type CheckRequest, checkRun } from '../../server/src/cli/check';
import { main } from '../../server/src/cli/main';
import { makeBaseline } from '../../server/src/cli/baseline';
import { CACHE_FORMAT, ResultCache, defaultCacheFile } from '../../server/src/node/cache';
import { copySamples } from '../helpers/dataset';
// @ts-expect-error plain .mjs script without type declarations
import { writeDataset } from '../../scripts/bench/generate.mjs';

const TODAY = '2026-01-01';

/** Every finding of a run, whole, file by file (what a report is made of), and what the cache did. */
async function findings(root: string, extra: Partial<CheckRequest> = {}): Promise<{ text: string; reused: number; checked: number; problems: string[] }> {
  const run = await checkRun({ paths: [root], cwd: root, today: TODAY, ...extra });
  const lines = [...run.results]
    .sort((a, b) => (a.displayPath < b.displayPath ? -1 : 1))
    .flatMap((r) => [`# ${r.displayPath} ${r.kind}`, ...r.findings.map((f) => JSON.stringify(f))]);
  return { text: lines.join('\n'), reused: run.cache?.reused ?? 0, checked: run.cache?.checked ?? 0, problems: run.cache?.problems ?? [] };
}

/** A clock 10 s ahead: files written by the test are read as if they had not changed for a while (see RACY_MS). */
const later = () => Date.now() + 10_000;

/** Runs with the cache and without it, and says they agree; returns what the cache did. */
async function same(root: string, cacheFile: string, what: string, now?: () => number) {
  const plain = await findings(root);
  const cached = await findings(root, { cache: { file: cacheFile, ...(now ? { now } : {}) } });
  assert.equal(cached.text, plain.text, what);
  assert.deepEqual(cached.problems, [], what);
  return cached;
}

function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'haulcheck-cache-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function eventFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yaml')) out.push(p);
    }
  };
  walk(path.join(root, 'events'));
  return out.sort();
}

test('samples: the same findings cold, warm, and after an edit', async () => {
  const { dir, cleanup } = copySamples();
  const { dir: cacheDir, cleanup: cleanCache } = tempDir();
  const file = path.join(cacheDir, 'c.json');
  try {
    const cold = await same(dir, file, 'cold');
    assert.equal(cold.reused, 0);
    assert.ok(cold.checked > 5);
    const warm = await same(dir, file, 'warm');
    assert.equal(warm.checked, 0, 'nothing changed: nothing checked');
    assert.equal(warm.reused, cold.checked);
    // An edit: the weight of one event.
    const f = eventFiles(dir).find((p) => /value: \d/.test(readFileSync(p, 'utf8')))!;
    writeFileSync(f, readFileSync(f, 'utf8').replace(/value: (\d+)/, (_m, n) => `value: ${Number(n) + 7}`));
    const edited = await same(dir, file, 'after an edit');
    assert.ok(edited.checked >= 1 && edited.checked < cold.checked, `${edited.checked} checked`);
    // Warm again, with the clock ahead: unchanged files are known by their stat, not read.
    await same(dir, file, 'warm, stat', later);
    const byStat = await same(dir, file, 'warm, stat again', later);
    assert.equal(byStat.checked, 0);
  } finally {
    cleanup();
    cleanCache();
  }
});

test('a generated dataset, edited between runs: figures, a new duplicate id elsewhere, files added and removed', async () => {
  const { dir, cleanup } = tempDir();
  const { dir: cacheDir, cleanup: cleanCache } = tempDir();
  const file = path.join(cacheDir, 'c.json');
  try {
    writeDataset(dir, { events: 60, seed: 5 });
    const files = eventFiles(dir);
    const cold = await same(dir, file, 'cold');
    assert.equal(cold.checked, 63);
    assert.equal((await same(dir, file, 'warm')).checked, 0);

    // A figure changed in one file (its facts change: every file's questions are asked again).
    const a = files[3];
    writeFileSync(a, readFileSync(a, 'utf8').replace(/value: (\d+)/, (_m, n) => `value: ${Number(n) * 3}`));
    const r1 = await same(dir, file, 'a figure changed');
    assert.ok(r1.checked >= 1 && r1.checked < 10, `${r1.checked} checked`);

    // File B takes the id of file C: C did not change, but its finding (a duplicate id) is new.
    const b = files[10];
    const c = files[20];
    const idOf = (p: string) => /^id: (\S+)$/m.exec(readFileSync(p, 'utf8'))![1];
    const before = await findings(dir);
    assert.ok(!before.text.includes('events/duplicate-id'));
    writeFileSync(b, readFileSync(b, 'utf8').replace(/^id: \S+$/m, `id: ${idOf(c)}`));
    const r2 = await same(dir, file, 'a new duplicate id');
    const withDup = await findings(dir, { cache: { file } });
    const cRel = path.relative(dir, c);
    assert.match(withDup.text, new RegExp(`# ${cRel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} event\n[^#]*events/duplicate-id`), 'the unchanged file has the new finding');
    assert.ok(r2.checked >= 2, `${r2.checked} checked: B and C at least`);

    // A file removed, a file added (a copy of another: the same id twice again).
    unlinkSync(files[30]);
    const added = path.join(dir, 'events', 'extra.yaml');
    writeFileSync(added, readFileSync(files[40], 'utf8'));
    await same(dir, file, 'a file removed and one added');

    // The config changes (a rule off): every file is checked again.
    const config = path.join(dir, 'haulcheck.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('rules: {}', "rules:\n  events/possible-duplicate: 'off'"));
    const r4 = await same(dir, file, 'the config changed');
    assert.equal(r4.reused, 0);
    // A registry changes: likewise.
    const drugs = path.join(dir, 'registries', 'drugs.yaml');
    writeFileSync(drugs, readFileSync(drugs, 'utf8') + '\n# a comment changes no entry\n');
    await same(dir, file, 'a registry file changed');
    writeFileSync(drugs, readFileSync(drugs, 'utf8').replace(/name: Captagon/, 'name: Kaptagon'));
    const r5 = await same(dir, file, 'a registry entry changed');
    assert.equal(r5.reused, 0);
  } finally {
    cleanup();
    cleanCache();
  }
});

test('the day: findings kept across days when no date is after either, checked again otherwise', async () => {
  const { dir, cleanup } = copySamples();
  const { dir: cacheDir, cleanup: cleanCache } = tempDir();
  const file = path.join(cacheDir, 'c.json');
  try {
    const f = eventFiles(dir)[0];
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^(\s*published: )\S+/m, '$12027-06-01'));
    const run = async (today: string) => {
      const plain = await findings(dir, { today });
      const cached = await findings(dir, { today, cache: { file } });
      assert.equal(cached.text, plain.text, today);
      return cached;
    };
    // (The samples' latest date is 2026-02-22.)
    const first = await run('2026-06-01');
    assert.match(first.text, /is after today \(2026-06-01\)/);
    // The next day: the file with a future date is checked again (its message names the day), the others are not.
    const next = await run('2026-06-02');
    assert.equal(next.checked, 1);
    assert.ok(next.reused > 5);
    // After that date: its finding goes.
    const after = await run('2027-07-01');
    assert.doesNotMatch(after.text, /is after today/);
  } finally {
    cleanup();
    cleanCache();
  }
});

test('with worker threads the cached findings are the same', async () => {
  const { dir, cleanup } = tempDir();
  const { dir: cacheDir, cleanup: cleanCache } = tempDir();
  const file = path.join(cacheDir, 'c.json');
  try {
    writeDataset(dir, { events: 80, seed: 9 });
    const plain = await findings(dir);
    const cold = await findings(dir, { jobs: 2, cache: { file } });
    assert.equal(cold.text, plain.text);
    const f = eventFiles(dir)[7];
    writeFileSync(f, readFileSync(f, 'utf8').replace(/value: (\d+)/, (_m, n) => `value: ${Number(n) + 1}`));
    const again = await findings(dir, { jobs: 2, cache: { file } });
    assert.equal(again.text, (await findings(dir)).text);
  } finally {
    cleanup();
    cleanCache();
  }
});

test('a broken cache, one of another format or from other code is not trusted', async () => {
  const { dir, cleanup } = copySamples();
  const { dir: cacheDir, cleanup: cleanCache } = tempDir();
  const file = path.join(cacheDir, 'c.json');
  try {
    const plain = await findings(dir);
    for (const [what, content] of [
      ['garbage', 'not json at all {'],
      ['truncated', '{"haulcheck":"cache","format":1,"sections":{"x'],
      ['another file', '{"some":"thing"}'],
      ['binary', '\u0000\u0001\u0002'],
    ] as const) {
      writeFileSync(file, content);
      const r = await findings(dir, { cache: { file } });
      assert.equal(r.text, plain.text, what);
      assert.equal(r.reused, 0, what);
      assert.match(r.problems.join(' '), /is not used/, what);
      // Replaced by a good one.
      assert.equal((await findings(dir, { cache: { file } })).checked, 0, what);
    }
    // Another format: read as empty, silently (a newer or older Haulcheck wrote it).
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(`"format":${CACHE_FORMAT}`, '"format":999'));
    const other = await findings(dir, { cache: { file } });
    assert.equal(other.reused, 0);
    assert.deepEqual(other.problems, []);
    // Entries written by other code (another key) are not used.
    const keyed = readFileSync(file, 'utf8').replace(/"key":"[^"]+"/, '"key":"from-another-build"');
    writeFileSync(file, keyed);
    assert.equal((await findings(dir, { cache: { file } })).reused, 0);
    // Findings tampered with into a wrong shape are not used; the file is checked again.
    const tampered = readFileSync(file, 'utf8').replace(/"findings":\[\]/, '"findings":[{"ruleId":1}]');
    writeFileSync(file, tampered);
    const t = await findings(dir, { cache: { file } });
    assert.equal(t.text, plain.text);
    assert.equal(t.checked, 1);
    // Details (facts) that do not parse: the file is read again.
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [lines[0], ...lines.slice(1).map((l) => (l ? l.replace(/[{}]/g, '#') : l))].join('\n'));
    const f = eventFiles(dir)[1];
    writeFileSync(f, readFileSync(f, 'utf8').replace(/value: (\d+)/, (_m, n) => `value: ${Number(n) + 2}`));
    assert.equal((await findings(dir, { cache: { file } })).text, (await findings(dir)).text);
  } finally {
    cleanup();
    cleanCache();
  }
});

test('a cache that is not a regular file, or cannot be written, is said and the run goes on', async () => {
  const { dir, cleanup } = copySamples();
  const { dir: cacheDir, cleanup: cleanCache } = tempDir();
  try {
    const plain = await findings(dir);
    const folder = path.join(cacheDir, 'a-folder');
    mkdirSync(folder);
    const r = await findings(dir, { cache: { file: folder } });
    assert.equal(r.text, plain.text);
    assert.match(r.problems.join('\n'), /not a file/);
    assert.match(r.problems.join('\n'), /could not be written/);
    if (process.getuid?.() !== 0) {
      const locked = path.join(cacheDir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      const w = await findings(dir, { cache: { file: path.join(locked, 'c.json') } });
      assert.equal(w.text, plain.text);
      assert.match(w.problems.join('\n'), /could not be written/);
    }
  } finally {
    cleanup();
    cleanCache();
  }
});

test('written atomically: one file, readable by its owner only, no temporary file left', async () => {
  const { dir, cleanup } = copySamples();
  const { dir: cacheDir, cleanup: cleanCache } = tempDir();
  const file = path.join(cacheDir, 'deep', 'er', 'c.json');
  try {
    await findings(dir, { cache: { file } });
    assert.deepEqual(readdirSync(path.dirname(file)), ['c.json']);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const store = ResultCache.open(file);
    assert.equal(store.problem, undefined);
    assert.ok(readFileSync(file, 'utf8').startsWith('{"haulcheck":"cache"'));
  } finally {
    cleanup();
    cleanCache();
  }
});

test('the command line: --cache writes only where told, by default in the user cache folder, never in the dataset', async () => {
  const { dir, cleanup } = copySamples();
  const { dir: home, cleanup: cleanHome } = tempDir();
  try {
    const listing = () => JSON.stringify(readdirSync(dir, { recursive: true }).sort());
    const before = listing();
    const out: string[] = [];
    const err: string[] = [];
    const io = { cwd: dir, stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), isTTY: false, env: { XDG_CACHE_HOME: path.join(home, 'xdg') } };
    const code = await main(['check', '--cache', '--format', 'json', '--today', TODAY], io);
    const again = await main(['check', '--cache', '--format', 'json', '--today', TODAY], io);
    assert.equal(again, code);
    assert.equal(out[0], out[1], 'the same report');
    assert.match(err.join(''), /from the cache/);
    assert.equal(listing(), before, 'nothing written in the dataset');
    const expected = defaultCacheFile(dir, io.env);
    assert.ok(expected.startsWith(path.join(home, 'xdg', 'haulcheck') + path.sep));
    assert.ok(existsSync(expected));
    // --cache-location: a folder (existing, or named with a trailing slash) holds haulcheck-cache.json.
    const folder = path.join(home, 'ci-cache') + path.sep;
    assert.equal(await main(['check', '--cache', '--cache-location', folder, '--format', 'json', '--today', TODAY], io), code);
    assert.ok(existsSync(path.join(folder, 'haulcheck-cache.json')));
    assert.equal(await main(['check', '--cache-location', folder], io), 2, '--cache-location alone is a usage error');
  } finally {
    cleanup();
    cleanHome();
  }
});

test('a file changed without a new size or modification time is still read again (its change time moved)', async () => {
  const { dir, cleanup } = copySamples();
  const { dir: cacheDir, cleanup: cleanCache } = tempDir();
  const file = path.join(cacheDir, 'c.json');
  try {
    const f = eventFiles(dir).find((p) => /value: [1-8]/.test(readFileSync(p, 'utf8')))!;
    // A modification time that survives utimes exactly (whole seconds).
    const t = Math.floor(Date.now() / 1000) - 100;
    utimesSync(f, t, t);
    await same(dir, file, 'cold', later);
    const st = statSync(f);
    const text = readFileSync(f, 'utf8');
    const changed = text.replace(/value: ([1-8])/, (_m, d) => `value: ${Number(d) + 1}`);
    assert.equal(changed.length, text.length);
    writeFileSync(f, changed);
    utimesSync(f, t, t);
    assert.equal(statSync(f).mtimeMs, st.mtimeMs);
    assert.equal(statSync(f).size, st.size);
    const r = await same(dir, file, 'same size and time, other text', later);
    assert.ok(r.checked >= 1);
  } finally {
    cleanup();
    cleanCache();
  }
});

test('--fix --dry-run from a warm cache proposes the same fixes as without it', async () => {
  const { dir, cleanup } = copySamples();
  const { dir: cacheDir, cleanup: cleanCache } = tempDir();
  try {
    const run = async (args: string[]) => {
      const out: string[] = [];
      const code = await main(['check', '--fix', '--dry-run', '--today', TODAY, ...args], { cwd: dir, stdout: (s) => out.push(s), stderr: () => {}, isTTY: false, env: {} });
      return { code, diff: out.join('') };
    };
    // A stale suppression comment: a safe fix removes it.
    const f = eventFiles(dir)[2];
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^status: /m, '# haulcheck-disable-next-line schema/enum -- no longer needed\nstatus: '));
    const plain = await run([]);
    assert.ok(plain.diff.includes('@@'), 'a fix to propose');
    const cache = ['--cache', '--cache-location', cacheDir + path.sep];
    assert.deepEqual(await run(cache), plain);
    assert.deepEqual(await run(cache), plain, 'warm');
  } finally {
    cleanup();
    cleanCache();
  }
});

test('--cache with the report limits and a baseline: what is shown, counted and hidden is what a run without the cache gives', async () => {
  const { dir, cleanup } = copySamples();
  try {
    const file = path.join(dir, '.cache', 'haulcheck.cache');
    // A baseline of every other problem of the samples: those are hidden, the rest limited.
    const first = await checkRun({ paths: [dir], cwd: dir, today: TODAY });
    const entries = makeBaseline(first.results, dir).findings.filter((_, i) => i % 2 === 0);
    assert.ok(entries.length >= 3, `${entries.length} baseline entries`);
    const shown = async (extra: Partial<CheckRequest>) => {
      const run = await checkRun({ paths: [dir], cwd: dir, today: TODAY, limits: { perFile: 2, perRule: 1 }, baseline: { entries, root: dir }, ...extra });
      return run.results
        .sort((a, b) => (a.displayPath < b.displayPath ? -1 : 1))
        .map((r) => ({ file: r.displayPath, findings: r.findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character}`), omitted: r.omitted?.total ?? 0, hidden: r.hidden ?? 0 }));
    };
    const plain = await shown({});
    assert.ok(plain.some((r) => r.omitted > 0), 'some findings are only counted');
    assert.ok(plain.some((r) => r.hidden > 0), 'the baseline hides some');
    assert.deepEqual(await shown({ cache: { file, now: later } }), plain, 'cold cache');
    assert.deepEqual(await shown({ cache: { file, now: later } }), plain, 'warm cache');
    // The cache keeps every finding: a run without limits from the same cache shows them all.
    assert.equal((await findings(dir, { cache: { file, now: later } })).text, (await findings(dir)).text);
  } finally {
    cleanup();
  }
});
