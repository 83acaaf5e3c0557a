/**
 * The development corpus as a dataset: the committed files are exactly what the converter writes from
 * the transcription and its annotations, they are valid data (no schema, YAML or source-reference
 * finding), and every figure's words are found in its own source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseFile } from '../../server/src/core';
import { main, type Io } from '../../server/src/cli/main';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'corpus');
const DATASET = join(CORPUS, 'dataset');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const eventFiles = walk(join(DATASET, 'events')).filter((f) => f.endsWith('.yaml'));
const events = eventFiles.map((f) => ({ file: relative(DATASET, f), value: parseFile(readFileSync(f, 'utf8')).docs[0].value as Record<string, unknown> }));
interface Source {
  id: string;
  title?: string | null;
  url?: string | null;
  quotes: string[];
}
/** The event's sources as written (read here, not through the model, so this test checks the files themselves). */
function sourcesOf(event: Record<string, unknown>): Source[] {
  return (event.sources as Source[]).map((s) => ({ id: s.id, title: s.title, url: s.url, quotes: s.quotes }));
}

const reports = readFileSync(join(CORPUS, 'source', 'reports.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { key: string; event_group: string });

test('the committed dataset is what the converter writes, byte for byte', () => {
  const out = mkdtempSync(join(tmpdir(), 'haulcheck-corpus-'));
  try {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'corpus', 'convert.mjs'), '--out', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, `the converter failed:\n${r.stderr}`);
    const written = walk(out).map((f) => relative(out, f)).sort();
    const committed = walk(DATASET).map((f) => relative(DATASET, f)).sort();
    assert.deepEqual(written, committed, 'the converter writes other files than those committed: run npm run corpus:convert');
    for (const f of written) {
      assert.equal(readFileSync(join(out, f), 'utf8'), readFileSync(join(DATASET, f), 'utf8'), `${f} differs from what the converter writes: run npm run corpus:convert`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('one event per event group, one source per report, every report key mapped', () => {
  const groups = new Set(reports.map((r) => r.event_group));
  assert.equal(events.length, groups.size);
  const keys = JSON.parse(readFileSync(join(DATASET, 'keys.json'), 'utf8')) as Record<string, { file: string; source: string }>;
  for (const r of reports) assert.ok(keys[r.key], `report ${r.key} is not in keys.json`);
  // Each key names an event file and one of its sources; every source of every event has a key.
  const byFile = new Map(events.map((e) => [e.file, e.value]));
  const seen = new Set<string>();
  for (const [key, { file, source }] of Object.entries(keys)) {
    const ev = byFile.get(file);
    assert.ok(ev, `${key}: no event file ${file}`);
    assert.ok(sourcesOf(ev).some((s) => s.id === source), `${key}: ${file} has no source ${source}`);
    seen.add(`${file}#${source}`);
  }
  for (const e of events) for (const s of sourcesOf(e.value)) assert.ok(seen.has(`${e.file}#${s.id}`), `${e.file}: source ${s.id} has no report key`);
  // Sources of other events' articles (mentions) are keyed "<report key>@<event group>".
  for (const key of Object.keys(keys)) {
    const [report, group] = key.split('@');
    assert.ok(reports.some((r) => r.key === report), `${key}: no such report`);
    if (group) assert.ok(groups.has(group), `${key}: no such event group`);
  }
});

/** Every figure object of an event, wherever it sits (seizures, arrests, other items). */
function figuresOf(v: unknown, path = ''): { path: string; fig: Record<string, unknown> }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => figuresOf(x, `${path}[${i}]`));
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  if (path.startsWith('.sources') || path === '.date' || path.startsWith('.date[')) return [];
  const own = typeof o.source === 'string' && (typeof o.value === 'number' || typeof o.min === 'number') ? [{ path, fig: o }] : [];
  return [...own, ...Object.entries(o).flatMap(([k, x]) => figuresOf(x, `${path}.${k}`))];
}

test("every figure's words are in its own source: the quotes, or the title or address it says", () => {
  let n = 0;
  for (const e of events) {
    const sources = new Map(sourcesOf(e.value).map((s) => [s.id, s]));
    for (const { path, fig } of figuresOf(e.value)) {
      const s = sources.get(fig.source as string);
      assert.ok(s, `${e.file} ${path}: unknown source ${String(fig.source)}`);
      const words = fig.as_reported;
      assert.equal(typeof words, 'string', `${e.file} ${path}: a figure without as_reported`);
      const places = fig.where === 'headline' ? [s.title ?? ''] : fig.where === 'url' ? [s.url ?? ''] : [...s.quotes, s.title ?? ''];
      assert.ok(places.some((p) => p.includes(words as string)), `${e.file} ${path}: "${words}" is not in ${fig.where ?? 'the quotes'} of ${s.id}`);
      n++;
    }
    // Date claims' words likewise.
    const claims = e.value.date === null ? [] : Array.isArray(e.value.date) ? e.value.date : [e.value.date];
    for (const c of claims as Record<string, unknown>[]) {
      if (typeof c.as_reported !== 'string') continue;
      const s = sources.get(c.source as string);
      assert.ok(s, `${e.file}: date claim of unknown source ${String(c.source)}`);
      assert.ok([...s.quotes, s.title ?? ''].some((q) => q.includes(c.as_reported as string)), `${e.file}: date words "${c.as_reported}" are not in ${s.id}`);
    }
  }
  assert.ok(n > 300, `only ${n} figures with words`);
});

test('every quote is the transcription’s, character for character', () => {
  const all = new Set(
    readFileSync(join(CORPUS, 'source', 'reports.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .flatMap((l) => (JSON.parse(l) as { quotes: string[] }).quotes),
  );
  for (const e of events) for (const s of sourcesOf(e.value)) for (const q of s.quotes) assert.ok(all.has(q), `${e.file} / ${s.id}: quote not in the transcription: ${q}`);
});

// A source that reports the event without any figure or date cannot be cited by anything in the
// format, so sources/unused reports it; this is the only one, and it is no conversion error.
const UNCITABLE = new Set(['events/2021/2021-12-29-lb-beirut-port-oranges-captagon.yaml#elnashra']);

test('haulcheck reads the dataset without a schema, YAML or source-reference finding', async () => {
  let out = '';
  const io: Io = { cwd: DATASET, stdout: (s) => (out += s), stderr: () => {}, isTTY: false, env: {} };
  const code = await main(['check', DATASET, '--format', 'json'], io);
  assert.ok(code === 0 || code === 1, `exit code ${code}`);
  const results = JSON.parse(out) as { filePath: string; messages: { ruleId: string; message: string; line: number }[] }[];
  const bad: string[] = [];
  for (const r of results) {
    const file = relative(DATASET, r.filePath);
    for (const m of r.messages) {
      if (!/^(schema|yaml)\/|^sources\/(unknown|unused)$|^refs\//.test(m.ruleId)) continue;
      const id = /Source "([^"]+)"/.exec(m.message)?.[1];
      if (m.ruleId === 'sources/unused' && UNCITABLE.has(`${file}#${id}`)) continue;
      bad.push(`${file}:${m.line} ${m.ruleId} ${m.message}`);
    }
  }
  assert.deepEqual(bad, []);
});

interface Expected {
  event: string;
  flag: { id: string; rules: string[]; sources: string[]; names: (string | string[])[]; optional: boolean; why: string }[];
  silent: { rules: string[]; names?: string[]; why: string }[];
}

test('the expectations name every event group once, real report keys and real rules', () => {
  const expected = parseFile(readFileSync(join(CORPUS, 'expected.yaml'), 'utf8')).docs[0].value as Expected[];
  const groups = new Set(reports.map((r) => r.event_group));
  assert.deepEqual(expected.map((e) => e.event).sort(), [...groups].sort(), 'one item per event group');
  const keys = JSON.parse(readFileSync(join(DATASET, 'keys.json'), 'utf8')) as Record<string, { file: string }>;
  // Rule ids are the rule files (server/src/core/rules/<family>/<name>.ts); a family prefix ends in "/".
  const rulesDir = join(ROOT, 'server', 'src', 'core', 'rules');
  const families = readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const ids = new Set(families.flatMap((f) => readdirSync(join(rulesDir, f)).filter((n) => n.endsWith('.ts') && n !== 'index.ts' && n !== 'shared.ts').map((n) => `${f}/${n.slice(0, -3)}`)));
  const knownRule = (r: string) => ids.has(r) || (r.endsWith('/') && families.includes(r.slice(0, -1)));
  let flags = 0;
  for (const e of expected) {
    assert.ok(Array.isArray(e.flag) && Array.isArray(e.silent), `${e.event}: flag and silent are lists`);
    const seen = new Set<string>();
    for (const f of e.flag) {
      assert.ok(/^[a-z0-9-]+$/.test(f.id) && !seen.has(f.id), `${e.event}: flag id "${f.id}" must be a unique short name`);
      seen.add(f.id);
      assert.equal(typeof f.optional, 'boolean', `${e.event} ${f.id}: optional`);
      assert.ok(f.why, `${e.event} ${f.id}: why`);
      for (const r of f.rules) assert.ok(knownRule(r), `${e.event} ${f.id}: unknown rule ${r}`);
      assert.ok(f.rules.length > 0 || f.optional, `${e.event} ${f.id}: a flag no rule can report must be optional`);
      for (const k of f.sources) {
        assert.ok(keys[k], `${e.event} ${f.id}: unknown report key ${k}`);
        const own = reports.find((r) => r.key === k.split('@')[0]);
        assert.equal(k.includes('@') ? k.split('@')[1] : own?.event_group, e.event, `${e.event} ${f.id}: ${k} is a source of another event`);
      }
      for (const n of f.names) assert.ok(typeof n === 'string' || (Array.isArray(n) && n.every((x) => typeof x === 'string')), 'a name, or a list of names any of which will do');
      flags++;
    }
    for (const s of e.silent) {
      assert.ok(s.why, `${e.event}: silent entry without why`);
      for (const r of s.rules) assert.ok(knownRule(r), `${e.event}: unknown rule ${r} in a silent entry`);
    }
  }
  assert.ok(flags >= 30, `only ${flags} expected findings`);
});
