/** DatasetIndex.near(): the candidate query of the duplicate rules finds what a pass over every event finds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatasetIndex, type EventFacts, extractFacts, normaliseUrl, parseFile } from '../../server/src/core';
import { spanDays } from '../../server/src/core/model/dataset-index';
// @ts-expect-error plain .mjs script without type declarations
import { generateEvents } from '../../scripts/bench/generate.mjs';

function bruteForce(index: DatasetIndex, self: EventFacts, days: number): EventFacts[] {
  const urls = new Set(self.urls.map((u) => normaliseUrl(u.url)));
  const span = spanDays(self);
  return [...index.events()].filter((o) => {
    if (o.urls.some((u) => urls.has(normaliseUrl(u.url)))) return true;
    if (!self.country || o.country !== self.country || !self.drugs.some((d) => o.drugs.includes(d))) return false;
    const os = spanDays(o);
    if (!span || !os) return false;
    const gap = os.end < span.start ? span.start - os.end : span.end < os.start ? os.start - span.end : 0;
    return gap <= days;
  });
}

test('near() returns exactly the events a full pass keeps, in index order, after updates too', () => {
  const { files } = generateEvents({ events: 400, seed: 5 }) as { files: Record<string, string> };
  const index = new DatasetIndex();
  const entries = Object.entries(files);
  for (const [p, text] of entries) index.set(p, extractFacts(p, parseFile(text)));
  // Re-set a few files (moves them to the end of the index order) and delete one.
  for (const [p, text] of entries.slice(0, 5)) index.set(p, extractFacts(p, parseFile(text + '\n')));
  index.delete(entries[10][0]);
  // A shared URL across two events.
  const [p0, t0] = entries[20];
  const url = /url: (https:\S+)/.exec(entries[30][1])?.[1];
  if (url) index.set(p0, extractFacts(p0, parseFile(t0.replace(/url: (https:\S+|null)/, `url: ${url.toUpperCase().replace('HTTPS', 'https')}`))));
  let nonTrivial = 0;
  for (const self of index.events()) {
    for (const days of [0, 7, 30]) {
      const got = index.near(self, days);
      assert.deepEqual(got, bruteForce(index, self, days), `${self.file} days=${days}`);
      if (got.length > 1) nonTrivial++;
    }
  }
  assert.ok(nonTrivial > 10, 'the dataset has events with neighbours');
});
