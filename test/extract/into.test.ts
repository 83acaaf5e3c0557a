/**
 * A draft added to an existing event by minimal edits: each shape a slot may have (missing, null, one
 * figure in braces, one figure as a block, a list, a list in brackets), a drug the event lacks, a
 * source id already taken, line endings kept, comments kept, and nothing else touched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { addDraftToEvent, extractArticle } from '../../server/src/core';
import { list, registries } from '../helpers/extract';

const ARTICLE = 'Syrian police seized about 400,000 Captagon pills weighing 65 kilograms in Homs, the interior ministry said on Sunday.';
const draft = () => extractArticle({ text: ARTICLE, published: '2026-02-22', language: 'en', publisher: 'Media Line', registries });

/** Every line of `before` is in `after`, in order (the edits only added lines or text). */
function keptInOrder(before: string, after: string, except: RegExp = /$^/) {
  const lines = after.split(/\r?\n/);
  let at = 0;
  for (const line of before.split(/\r?\n/)) {
    if (except.test(line)) continue;
    const i = lines.indexOf(line, at);
    assert.ok(i >= 0, `kept in order: ${JSON.stringify(line)}\n---\n${after}`);
    at = i + 1;
  }
}

const EVENT = (seizure: string, date = 'date: null # undated so far', extra = '') => `# An event built from one source so far.
id: 2026-02-sy-homs-captagon
status: draft
type: seizure
title: Captagon seized in Homs
${date}
location: {country: SY, admin1: Homs, place: null, precision: admin1}
seizures:
  - drug: captagon
    form: tablet
${seizure}
    concealment: null # not said
${extra}sources:
  - id: sana
    publisher: SANA
    url: null
    published: 2026-02-21
    language: en
    quotes:
      - "The police seized 400,000 pills in Homs."
`;

test('into: a figure in braces becomes a list of it and the new one; null becomes the claim; comments stay', () => {
  const before = EVENT('    count: {value: 400000, unit: tablets, source: sana} # the first report');
  const r = addDraftToEvent(before, draft());
  keptInOrder(before, r.text, /^date: null|^ {4}count: /);
  assert.match(r.text, /^date: \{on: 2026-02-22, precision: day, as_reported: "said on Sunday", refers_to: announcement, source: media-line\} # undated so far$/m);
  assert.match(r.text, / {4}count:\n {6}- \{value: 400000, unit: tablets, source: sana\} # the first report\n {6}- \{value: 400000, unit: tablets, qualifier: about, as_reported: "about 400,000 Captagon pills", source: media-line\}\n/);
  assert.match(r.text, / {4}concealment: null # not said\n {4}weight: \{value: 65, unit: kg, basis: unknown, as_reported: "65 kilograms", source: media-line\}\n/, 'a new key after the last one of the seizure');
  const event = parse(r.text) as Record<string, unknown>;
  assert.deepEqual(list(event.sources).map((s) => s.id), ['sana', 'media-line']);
  assert.deepEqual(r.added, ['the count of the seizure of captagon', 'the weight of the seizure of captagon', 'a date claim', 'the source media-line']);
});

test('into: a block mapping becomes a list item, its comment kept; a block list and a list in brackets get one more item', () => {
  const block = EVENT('    count:\n      value: 400000 # as printed\n      unit: tablets\n      source: sana', 'date:\n  - {on: 2026-02-21, precision: day, source: sana}');
  const r = addDraftToEvent(block, draft());
  assert.match(r.text, / {4}count:\n {6}- value: 400000 # as printed\n {8}unit: tablets\n {8}source: sana\n {6}- \{value: 400000/);
  assert.match(r.text, /date:\n {2}- \{on: 2026-02-21, precision: day, source: sana\}\n {2}- \{on: 2026-02-22/);
  assert.equal(list((parse(r.text) as Record<string, unknown>).date).length, 2);
  const flow = EVENT('    count: [{value: 400000, unit: tablets, source: sana}]');
  const f = addDraftToEvent(flow, draft());
  assert.match(f.text, /count: \[\{value: 400000, unit: tablets, source: sana\}, \{value: 400000, unit: tablets, qualifier: about/);
});

test('into: a drug the event does not hold becomes a new seizure; a source id already taken gets a number', () => {
  const before = EVENT('    count: {value: 400000, unit: tablets, source: sana}').replace('drug: captagon', 'drug: hashish').replace('id: sana', 'id: media-line').replace('source: sana', 'source: media-line');
  const r = addDraftToEvent(before, draft());
  assert.equal(r.sourceId, 'media-line-2');
  const event = parse(r.text) as Record<string, unknown>;
  assert.deepEqual(list(event.seizures).map((s) => s.drug), ['hashish', 'captagon']);
  assert.equal(list(list(event.seizures)[1].count)[0].source, 'media-line-2');
  keptInOrder(before, r.text, /^date: null/);
});

test('into: CRLF line endings are kept; a file that does not parse is refused', () => {
  const before = EVENT('    count: {value: 400000, unit: tablets, source: sana}').replace(/\n/g, '\r\n');
  const r = addDraftToEvent(before, draft());
  assert.ok(!/[^\r]\n/.test(r.text), 'no bare LF');
  assert.deepEqual(list((parse(r.text) as Record<string, unknown>).sources).length, 2);
  assert.throws(() => addDraftToEvent('id: [unclosed\n', draft()), /does not parse as one event/);
});
