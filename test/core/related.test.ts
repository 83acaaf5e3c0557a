/**
 * filesRelatedTo(): when one event's facts change, the files whose findings change are among those
 * it names — checked against a full re-check of every file of a generated dataset, before and after
 * changes that add and remove duplicate ids, shared URLs and events near in time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, DatasetIndex, type DatasetIndexView, type Finding, checkParsed, duplicateWindowDays, extractFacts, filesRelatedTo, parseFile, resolveConfig } from '../../server/src/core';
import { DEFAULT_DAYS } from '../../server/src/core/rules/events/possible-duplicate';
// @ts-expect-error plain .mjs script without type declarations
import { generateEvents } from '../../scripts/bench/generate.mjs';

const TODAY = '2026-03-01';

function findingsOf(files: Map<string, string>, index: DatasetIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, text] of files) {
    const f: Finding[] = checkParsed(parseFile(text), 'event', { dataset: { index, today: TODAY }, path: p });
    out.set(p, f.map((x) => `${x.ruleId} ${x.range.start.offset} ${x.message}`).join('\n'));
  }
  return out;
}

test('the files whose findings change when an event changes are among the related files', () => {
  const { files: generated } = generateEvents({ events: 150, seed: 11 }) as { files: Record<string, string> };
  const files = new Map(Object.entries(generated));
  const index = new DatasetIndex();
  for (const [p, text] of files) index.set(p, extractFacts(p, parseFile(text)));
  const paths = [...files.keys()];
  const idOf = (p: string) => /^id: (\S+)/m.exec(files.get(p)!)![1];
  const urlOf = (p: string) => /url: (https:\S+)/.exec(files.get(p)!)?.[1];
  const withUrl = paths.filter((p) => urlOf(p));
  const [twin, target] = [paths[7], paths[60]];
  assert.ok(withUrl.length > 10);

  // Each change: one file's new text.
  const changes: [string, (text: string) => string][] = [
    [paths[3], (t) => t.replace(/^id: \S+/m, `id: ${idOf(paths[40])}`)], // takes another event's id
    [paths[3], (t) => t.replace(/^id: \S+/m, 'id: something-else')], // …and gives it up
    [withUrl[5], (t) => t.replace(/url: https:\S+/, `url: ${urlOf(withUrl[50])}`)], // cites another event's article
    // becomes the twin of another event (another id, no URL): a possible duplicate of it
    [twin, () => files.get(target)!.replace(/^id: \S+/m, 'id: twin-of-another-event').replace(/url: https:\S+/g, 'url: null')],
    [paths[9], () => 'id: [unclosed\n'], // loses every fact
  ];
  let reached = 0;
  for (const [p, edit] of changes) {
    const before = findingsOf(files, index);
    const oldFacts = index.get(p) ?? [];
    files.set(p, edit(files.get(p)!));
    index.set(p, extractFacts(p, parseFile(files.get(p)!)));
    const related = filesRelatedTo(index, [...oldFacts, ...(index.get(p) ?? [])], duplicateWindowDays(DEFAULT_CONFIG));
    const after = findingsOf(files, index);
    const changed = paths.filter((q) => q !== p && before.get(q) !== after.get(q));
    for (const q of changed) assert.ok(related.has(q), `${q}'s findings changed when ${p} changed, but it is not among the related files`);
    reached += changed.length;
    assert.ok(related.size < paths.length / 4, `${related.size} related files: not every file`);
  }
  assert.ok(reached >= 4, `the changes reached other files' findings (${reached})`);
});

test("the window is events/possible-duplicate's days option, its default by default", () => {
  assert.equal(duplicateWindowDays(DEFAULT_CONFIG), DEFAULT_DAYS);
  assert.equal(duplicateWindowDays(resolveConfig({ rules: { 'events/possible-duplicate': ['warning', { days: 30 }] } })), 30);
  assert.equal(duplicateWindowDays(resolveConfig({ rules: { 'events/possible-duplicate': ['warning', { days: 'x' }] } })), DEFAULT_DAYS);
});

test('the rules that read other events are the three filesRelatedTo follows', async () => {
  // A new dataset-wide rule must teach filesRelatedTo what it compares, or the editor would leave
  // closed files' findings stale after an edit.
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const rules = join(__dirname, '..', '..', 'server', 'src', 'core', 'rules');
  const reading: string[] = [];
  for (const family of readdirSync(rules, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join(rules, family.name))) {
      const text = readFileSync(join(rules, family.name, f), 'utf8');
      if (/dataset\.index/.test(text) && /defineRule/.test(text)) reading.push(`${family.name}/${f.replace(/\.ts$/, '')}`);
    }
  }
  assert.deepEqual(reading.sort(), ['events/duplicate-id', 'events/possible-duplicate', 'sources/duplicate-url']);
});

test('each question is asked once: the files are those of every event asked on its own, for many like events too', () => {
  const { files: generated } = generateEvents({ events: 200, seed: 5 }) as { files: Record<string, string> };
  const index = new DatasetIndex();
  const all: ReturnType<typeof extractFacts> = [];
  for (const [p, text] of Object.entries(generated)) {
    const facts = extractFacts(p, parseFile(text));
    index.set(p, facts);
    all.push(...facts);
  }
  // A file of sixty copies of one event beside the rest (the same country, drugs and days).
  const like = Object.values(generated)[0];
  const stream = Array.from({ length: 60 }, (_, i) => like.replace(/^id: (\S+)/m, `id: $1-${i}`)).join('\n---\n');
  const streamFacts = extractFacts('events/like.yaml', parseFile(stream));
  index.set('events/like.yaml', streamFacts);
  all.push(...streamFacts);
  let calls = 0;
  // The index, counting the calls of its candidate query.
  const counting: DatasetIndexView = {
    events: () => index.events(),
    byId: (id) => index.byId(id),
    byUrl: (url) => index.byUrl(url),
    at: (file, doc) => index.at(file, doc),
    lookalikes: (f, days, limit) => index.lookalikes(f, days, limit),
    near: (f, days) => (calls++, index.near(f, days)),
    version: index.version,
  };
  for (const days of [0, 3, 30]) {
    const oneByOne = new Set<string>();
    for (const f of all) for (const p of filesRelatedTo(index, [f], days)) oneByOne.add(p);
    calls = 0;
    assert.deepEqual([...filesRelatedTo(counting, all, days)].sort(), [...oneByOne].sort(), `window ${days} days`);
    assert.ok(calls < all.length - 50, `near asked ${calls} times for ${all.length} events`);
  }
});
