/**
 * What the core keeps after a file is read — the index's facts, the memo tables of the text readers, a
 * report's summary, an export — holds none of the file's text. V8 keeps a substring of 13 or more
 * characters as a view into the whole text, so one kept id or quote would keep a whole file alive
 * (10,000 files: tens of MB). Each file here carries a long comment: a text kept by mistake costs 256 KB, far above the
 * few KB the results themselves take.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { detached, detachedDeep, eventRow, exporter, extractFacts, parseFile, summarizer } from '../../server/src/core';
import { readNumbers } from '../../server/src/core/read/numbers';
import { readDateWords } from '../../server/src/core/read/date-words';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const FILES = 80;
const PADDING = 256 * 1024;

/** An event whose id, drug, title, quote and date words are long enough to be views into the text. */
function eventText(i: number): string {
  return `# ${'x'.repeat(PADDING)}
id: 2024-03-${String((i % 28) + 1).padStart(2, '0')}-sy-homs-methamphetamine-${i}
status: reviewed
type: seizure
title: "Police seized 2,000,000 tablets of methamphetamine in Homs (${i})"
date:
  on: 2024-03-${String((i % 28) + 1).padStart(2, '0')}
  precision: day
  as_reported: "on Tuesday evening of the ${i}th week"
  source: sana
location:
  country: SY
  admin1: "Homs Governorate"
seizures:
  - drug: methamphetamine-crystal
    count: {value: 2000000, unit: tablets, qualifier: exact, as_reported: "two million tablets (${i})", source: sana}
sources:
  - id: sana-news-agency
    url: https://sana.sy/en/2024/03/methamphetamine-seizure-homs-${i}
    quotes:
      - "The police seized two million tablets of methamphetamine in Homs on Tuesday (${i})."
`;
}

/** Heap growth (bytes) of keeping what `keep` returns for each of the files, their texts dropped. */
async function keptBytes(keep: (text: string, i: number) => unknown): Promise<number> {
  // Warmed up first: the code compiled on a first run is on the heap too.
  for (let i = 0; i < 3; i++) keep(eventText(FILES + i), FILES + i);
  await settle();
  const before = process.memoryUsage().heapUsed;
  const kept: unknown[] = [];
  for (let i = 0; i < FILES; i++) kept.push(keep(eventText(i), i));
  await settle();
  const bytes = process.memoryUsage().heapUsed - before;
  assert.equal(kept.length, FILES);
  return bytes;
}

/** A full collection after the current job (what it made weakly reachable is let go only then). */
async function settle(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  gc();
  gc();
}

/** A generous bound: a quarter of the texts kept would exceed it, and the results themselves take a few KB each. */
const BOUND = (FILES / 4) * PADDING;

test('detached: the same characters; detachedDeep: the same data', () => {
  const text = 'a long text from which a view is cut, ' + 'y'.repeat(100);
  const view = text.slice(2, 40);
  assert.equal(detached(view), view);
  assert.equal(detached('short'), 'short');
  assert.equal(detached(undefined), undefined);
  const data = { a: view, b: [1, null, true, { c: view + view }], d: undefined };
  assert.deepEqual(detachedDeep(data), data);
});

test('a view kept as it is keeps its text (the harm measured here is real)', async () => {
  const bytes = await keptBytes((text) => text.slice(PADDING + 10, PADDING + 60));
  assert.ok(bytes > FILES * PADDING * 0.9, `views kept ${(bytes / 1e6).toFixed(1)} MB`);
});

test('the facts of an indexed file hold none of its text', async () => {
  const bytes = await keptBytes((text, i) => extractFacts(`events/e${i}.yaml`, parseFile(text, undefined, { trees: 'lazy' })));
  assert.ok(bytes < BOUND, `facts kept ${(bytes / 1e6).toFixed(1)} MB`);
});

test('the memo tables of the number and date readers hold none of the texts they read', async () => {
  const bytes = await keptBytes((text) => {
    const quote = /"(The police[^"]*)"/.exec(text)![1];
    const words = /as_reported: "(on Tuesday[^"]*)"/.exec(text)![1];
    readNumbers(quote, 'en');
    readDateWords(words, 'en');
    return quote.length;
  });
  assert.ok(bytes < BOUND, `memo tables kept ${(bytes / 1e6).toFixed(1)} MB`);
});

test("what a report and an export keep of an event's row holds none of its file's text", async () => {
  const rowOf = (text: string, i: number) => {
    const parsed = parseFile(text, undefined, { trees: 'lazy' });
    return eventRow({ value: parsed.docs[0].value, file: `events/e${i}.yaml`, docIndex: 0, findings: [] })!;
  };
  const summaries = await keptBytes((text, i) => {
    const s = summarizer();
    s.add(rowOf(text, i));
    return s.finish();
  });
  assert.ok(summaries < BOUND, `summaries kept ${(summaries / 1e6).toFixed(1)} MB`);
  for (const format of ['csv', 'geojson'] as const) {
    const bytes = await keptBytes((text, i) => {
      const x = exporter(format);
      x.add(rowOf(text, i));
      return x;
    });
    assert.ok(bytes < BOUND, `${format} exports kept ${(bytes / 1e6).toFixed(1)} MB`);
  }
  const copies = await keptBytes((text, i) => detachedDeep(rowOf(text, i)));
  assert.ok(copies < BOUND, `detached rows kept ${(copies / 1e6).toFixed(1)} MB`);
});
