/**
 * The tests of a held-out corpus (test/holdout, test/holdout2, test/holdout3): real reports the checks were never
 * tuned on, recorded as reported. They keep the recording honest — valid data, every figure's and
 * date's words in its own source, the transcription (source/reports.jsonl), the key map and the
 * expectations consistent with each other — and hold recall and precision to no threshold: such a
 * corpus measures how the checks generalise, and its README gives the figures and why each miss and
 * false alarm happens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFile } from '../../server/src/core';
import { main, type Io } from '../../server/src/cli/main';
import { scoreCorpus } from '../../scripts/corpus/score';

const ROOT = join(__dirname, '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

interface Source {
  id: string;
  title?: string | null;
  url?: string | null;
  quotes: string[];
}
/** The event's sources as written (read from the file, not through the model, so the files themselves are checked). */
const sourcesOf = (event: Record<string, unknown>) => event.sources as Source[];

interface Report {
  key: string;
  event_group: string;
  quotes: string[];
  mentions?: string[];
}

/** Every figure object of an event, wherever it sits (seizures, arrests, other items). */
function figuresOf(v: unknown, path = ''): { path: string; fig: Record<string, unknown> }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => figuresOf(x, `${path}[${i}]`));
  if (!v || typeof v !== 'object') return [];
  if (path.startsWith('.sources') || path.startsWith('.date')) return [];
  const o = v as Record<string, unknown>;
  const own = typeof o.source === 'string' && (typeof o.value === 'number' || typeof o.min === 'number') ? [{ path, fig: o }] : [];
  return [...own, ...Object.entries(o).flatMap(([k, x]) => figuresOf(x, `${path}.${k}`))];
}

interface Expected {
  event: string;
  flag: { id: string; rules: string[]; sources: string[]; names: (string | string[])[]; optional: boolean; why: string }[];
  silent: { rules: string[]; names?: string[]; why: string }[];
}

/**
 * Registers the tests of the held-out corpus in `dir` (with dataset/, source/reports.jsonl and
 * expected.yaml); `label` names it in the test titles, `minFigures` is the least number of figures
 * with words its dataset must hold (so that the words check cannot pass on an empty dataset).
 */
export function heldOutCorpusTests(dir: string, label: string, minFigures: number): void {
  const HOLDOUT = dir;
  const DATASET = join(dir, 'dataset');
  const events = walk(join(DATASET, 'events'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ file: relative(DATASET, f), value: parseFile(readFileSync(f, 'utf8')).docs[0].value as Record<string, unknown> }));

  const reports = readFileSync(join(HOLDOUT, 'source', 'reports.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Report);
  const keys = JSON.parse(readFileSync(join(DATASET, 'keys.json'), 'utf8')) as Record<string, { file: string; source: string }>;

  test(`haulcheck reads the ${label} dataset without a schema, YAML or source-reference finding`, async () => {
    let out = '';
    const io: Io = { cwd: DATASET, stdout: (s) => (out += s), stderr: () => {}, isTTY: false, env: {} };
    const code = await main(['check', DATASET, '--format', 'json'], io);
    assert.ok(code === 0 || code === 1, `exit code ${code}`);
    const results = JSON.parse(out) as { filePath: string; messages: { ruleId: string; message: string; line: number }[] }[];
    assert.equal(results.filter((r) => r.filePath.endsWith('.yaml') && r.filePath.includes('events')).length, events.length, 'every event file is read');
    const bad = results.flatMap((r) =>
      r.messages
        .filter((m) => /^(schema|yaml|refs)\/|^sources\/(unknown|unused)$/.test(m.ruleId))
        .map((m) => `${relative(DATASET, r.filePath)}:${m.line} ${m.ruleId} ${m.message}`),
    );
    assert.deepEqual(bad, []);
  });

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
        assert.ok(places.some((p) => p.includes(words as string)), `${e.file} ${path}: "${String(words)}" is not in ${String(fig.where ?? 'the quotes')} of ${s.id}`);
        n++;
      }
      const claims = e.value.date === null ? [] : Array.isArray(e.value.date) ? e.value.date : [e.value.date];
      for (const c of claims as Record<string, unknown>[]) {
        if (typeof c.as_reported !== 'string') continue;
        const s = sources.get(c.source as string);
        assert.ok(s, `${e.file}: date claim of unknown source ${String(c.source)}`);
        assert.ok([...s.quotes, s.title ?? ''].some((q) => q.includes(c.as_reported as string)), `${e.file}: date words "${c.as_reported}" are not in ${s.id}`);
      }
    }
    assert.ok(n > minFigures, `only ${n} figures with words`);
  });

  test('one event per event group, one source per report, every key mapped both ways, every quote the transcription’s', () => {
    const groups = new Set(reports.map((r) => r.event_group));
    assert.equal(events.length, groups.size);
    const byFile = new Map(events.map((e) => [e.file, e.value]));
    const seen = new Set<string>();
    for (const [key, { file, source }] of Object.entries(keys)) {
      const [reportKey, group] = key.split('@');
      const report = reports.find((r) => r.key === reportKey);
      assert.ok(report, `${key}: no such report`);
      if (group) assert.ok(report.mentions?.includes(group), `${key}: the report does not mention ${group}`);
      const ev = byFile.get(file);
      assert.ok(ev, `${key}: no event file ${file}`);
      const s = sourcesOf(ev).find((x) => x.id === source);
      assert.ok(s, `${key}: ${file} has no source ${source}`);
      for (const q of s.quotes) assert.ok(report.quotes.includes(q), `${key}: quote not in the transcription: ${q}`);
      seen.add(`${file}#${source}`);
    }
    for (const r of reports) assert.ok(keys[r.key], `report ${r.key} is not in keys.json`);
    for (const e of events) for (const s of sourcesOf(e.value)) assert.ok(seen.has(`${e.file}#${s.id}`), `${e.file}: source ${s.id} has no report key`);
  });

  test('the expectations name every event group once, real report keys of that event and real rules', () => {
    const expected = parseFile(readFileSync(join(HOLDOUT, 'expected.yaml'), 'utf8')).docs[0].value as Expected[];
    const groups = new Set(reports.map((r) => r.event_group));
    assert.deepEqual(expected.map((e) => e.event).sort(), [...groups].sort(), 'one item per event group');
    const rulesDir = join(ROOT, 'server', 'src', 'core', 'rules');
    const families = readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const ids = new Set(families.flatMap((f) => readdirSync(join(rulesDir, f)).filter((n) => n.endsWith('.ts') && n !== 'index.ts' && n !== 'shared.ts').map((n) => `${f}/${n.slice(0, -3)}`)));
    const knownRule = (r: string) => ids.has(r) || (r.endsWith('/') && families.includes(r.slice(0, -1)));
    for (const e of expected) {
      const flagIds = new Set<string>();
      for (const f of e.flag) {
        assert.ok(/^[a-z0-9-]+$/.test(f.id) && !flagIds.has(f.id), `${e.event}: flag id "${f.id}" must be a unique short name`);
        flagIds.add(f.id);
        assert.equal(typeof f.optional, 'boolean', `${e.event} ${f.id}: optional`);
        assert.ok(f.why, `${e.event} ${f.id}: why`);
        for (const r of f.rules) assert.ok(knownRule(r), `${e.event} ${f.id}: unknown rule ${r}`);
        assert.ok(f.rules.length > 0 || f.optional, `${e.event} ${f.id}: a flag no rule can report must be optional`);
        for (const k of f.sources) {
          assert.ok(keys[k], `${e.event} ${f.id}: unknown report key ${k}`);
          const group = k.includes('@') ? k.split('@')[1] : reports.find((r) => r.key === k)?.event_group;
          assert.equal(group, e.event, `${e.event} ${f.id}: ${k} is a source of another event`);
        }
      }
      for (const s of e.silent) {
        assert.ok(s.why, `${e.event}: silent entry without why`);
        for (const r of s.rules) assert.ok(knownRule(r), `${e.event}: unknown rule ${r} in a silent entry`);
      }
    }
  });

  test(`the scorer reads the ${label} corpus from paths relative to the working directory and scores every event`, async () => {
    const rel = (p: string) => relative(process.cwd(), join(HOLDOUT, p));
    const score = await scoreCorpus({ dataset: rel('dataset'), expected: rel('expected.yaml'), reports: rel('source/reports.jsonl') });
    assert.equal(score.events, events.length);
    const required = (parseFile(readFileSync(join(HOLDOUT, 'expected.yaml'), 'utf8')).docs[0].value as Expected[]).flatMap((e) => e.flag.filter((f) => !f.optional));
    assert.equal(score.total.expected, required.length, 'every problem that should be flagged is counted');
  });
}
