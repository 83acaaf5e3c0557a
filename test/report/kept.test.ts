/**
 * What a figure slot keeps, case by case: agreeing sources count once, a conflicts entry's chosen
 * source is kept, an open disagreement keeps nothing and spans its sides, parts, sums of other
 * seizures, counts so far and garbled figures are left out, bounds and ranges stay what they are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile, slotsOf, sourcesOf } from '../../server/src/core';
import { conflictsOf, keptOf } from '../../server/src/core/report/kept';
import { formatAmount } from '../../server/src/core/report/amount';

const SOURCES = `sources:
  - {id: a, publisher: A, published: null, quotes: [x]}
  - {id: b, publisher: B, published: null, quotes: [x]}
  - {id: c, publisher: C, published: null, quotes: [x]}`;

/** The summary of the first seizure's `field` in an event made of `seizure` (YAML under seizures[0]) and `extra`. */
function slot(seizure: string, field = 'weight', extra = '') {
  const text = `id: 2025-sy-x-captagon\nseizures:\n  - drug: captagon\n    form: tablet\n${seizure.replace(/^/gm, '    ')}\n${SOURCES}\n${extra}`;
  const value = parseFile(text).docs[0].value;
  const s = slotsOf(value).find((x) => x.field === field);
  assert.ok(s, `no ${field} slot in:\n${text}`);
  return keptOf(s, sourcesOf(value), conflictsOf(value));
}

interface Case {
  name: string;
  seizure: string;
  field?: string;
  extra?: string;
  status: string;
  /** formatAmount of what the slot adds to totals (absent: nothing). */
  adds?: string;
  kept?: string;
  sides?: string[];
  left?: Partial<Record<'parts' | 'aggregates' | 'superseded' | 'garbled', number>>;
  sourced?: boolean;
}

const CASES: Case[] = [
  { name: 'one source', seizure: 'weight: {value: 65, unit: kg, qualifier: about, source: a}', status: 'single', adds: 'about 65 kg', kept: 'about 65 kg' },
  {
    name: 'two sources that agree count once (1.1 t and 1,100 kg)',
    seizure: 'weight:\n  - {value: 1.1, unit: t, qualifier: about, source: a}\n  - {value: 1100, unit: kg, qualifier: about, source: b}',
    status: 'agreed',
    adds: 'about 1,100 kg',
    kept: 'about 1.1 t',
  },
  {
    name: 'an exact figure tells a side better than a bound (4,400,000 and more than 4,000,000)',
    field: 'count',
    seizure: 'count:\n  - {value: 4000000, unit: tablets, qualifier: more_than, where: headline, source: a}\n  - {value: 4400000, unit: tablets, source: a}\n  - {value: 4400000, unit: tablets, source: b}',
    status: 'agreed',
    adds: '4,400,000 tablets',
    kept: '4,400,000 tablets',
  },
  {
    name: 'the Damascus raid: 215 kg against 2,015 kg, open: nothing kept, totals span both',
    seizure: 'weight:\n  - {value: 215, unit: kg, qualifier: about, source: a}\n  - {value: 2015, unit: kg, qualifier: about, source: b}',
    status: 'disputed',
    adds: 'about 215–2,015 kg',
    sides: ['about 215 kg (a)', 'about 2,015 kg (b)'],
  },
  {
    name: 'the same, settled: the chosen source is kept, its side first',
    seizure: 'weight:\n  - {value: 2015, unit: kg, qualifier: about, source: b}\n  - {value: 215, unit: kg, qualifier: about, source: a}',
    extra: 'conflicts:\n  - {field: "seizures[0].weight", chosen: a, reason: "2,015 kg would be 1.5 g a pill"}',
    status: 'settled',
    adds: 'about 215 kg',
    kept: 'about 215 kg',
    sides: ['about 215 kg (a)', 'about 2,015 kg (b)'],
  },
  {
    name: 'settled with no value kept (chosen: null)',
    seizure: 'weight:\n  - {value: 215, unit: kg, source: a}\n  - {value: 2015, unit: kg, source: b}',
    extra: 'conflicts:\n  - {field: "seizures[0].weight", chosen: null, reason: "neither can be checked"}',
    status: 'none_kept',
  },
  {
    name: 'a chosen value written only in the conflicts entry',
    seizure: 'weight:\n  - {value: 215, unit: kg, source: a}\n  - {value: 2015, unit: kg, source: b}',
    extra: 'conflicts:\n  - field: "seizures[0].weight"\n    values: [{value: 2.015, unit: t, source: c}]\n    chosen: c\n    reason: "the customs statement"',
    status: 'settled',
    adds: '2,015 kg',
    kept: '2.015 t',
  },
  {
    name: 'parts, sums of other seizures, counts so far and garbled figures are left out',
    field: 'count',
    seizure:
      'count:\n  - {value: 5000000, unit: tablets, source: a}\n  - {value: 3000000, unit: tablets, scope: part, part: first container, source: a}\n  - {value: 9000000, unit: tablets, scope: aggregate, source: b}\n  - {value: 4000000, unit: tablets, scope: part, part: counted so far, source: c}\n  - {value: 3600000, unit: tablets, as_of: 2025-01-02, source: c}\n  - {value: 50, unit: tablets, garbled: true, source: b}',
    status: 'single',
    adds: '5,000,000 tablets',
    left: { parts: 1, aggregates: 1, superseded: 2, garbled: 1 },
  },
  {
    name: 'only parts: nothing to keep',
    field: 'count',
    seizure: 'count:\n  - {value: 3054000, unit: tablets, scope: part, part: onions, source: a}\n  - {value: 5281250, unit: tablets, scope: part, part: silicone barrels, source: a}',
    status: 'partial',
    left: { parts: 2 },
  },
  { name: '"more than" is a lower bound', field: 'count', seizure: 'count: {value: 1350000, unit: tablets, qualifier: more_than, source: a}', status: 'single', adds: 'at least 1,350,000 tablets' },
  { name: '"up to" reaches down to nothing', field: 'count', seizure: 'count: {value: 20000, unit: tablets, qualifier: up_to, source: a}', status: 'single', adds: '0–20,000 tablets' },
  { name: 'a range stays a range', seizure: 'weight: {qualifier: range, min: 200, max: 250, unit: kg, source: a}', status: 'single', adds: '200–250 kg' },
  { name: 'tons of unknown kind: short to metric', seizure: 'weight: {value: 2, unit: ton, source: a}', status: 'single', adds: '1,814–2,000 kg' },
  {
    name: 'a source contradicting itself (its address against its text) keeps its text',
    seizure: 'weight:\n  - {value: 1452, unit: kg, where: body, source: a}\n  - {value: 1452, unit: kg, source: b}\n  - {value: 14, unit: t, where: url, source: a}',
    status: 'agreed',
    adds: '1,452 kg',
    sides: ['1,452 kg (a, b)', '14 t (a)'],
  },
  { name: 'a figure naming no listed source is unsourced', seizure: 'weight: {value: 65, unit: kg, source: nowhere}', status: 'single', adds: '65 kg', sourced: false },
  { name: 'a street value in its currency', field: 'street_value', seizure: 'street_value: {value: 6000000, currency: EUR, qualifier: more_than, source: a}', status: 'single', adds: 'at least 6,000,000 EUR' },
];

for (const c of CASES) {
  test(`kept: ${c.name}`, () => {
    const s = slot(c.seizure, c.field ?? 'weight', c.extra);
    assert.equal(s.status, c.status);
    assert.equal(s.contribution ? formatAmount(s.contribution) : undefined, c.adds);
    if (c.kept !== undefined) assert.equal(s.kept?.text, c.kept);
    if (c.status === 'disputed' || c.status === 'partial' || c.status === 'none_kept') assert.equal(s.kept, undefined, 'nothing is kept');
    if (c.sides) assert.deepEqual(s.sides?.map((x) => `${x.text} (${x.sources.join(', ')})`), c.sides);
    if (c.left) assert.deepEqual(s.left, { parts: 0, aggregates: 0, superseded: 0, garbled: 0, ...c.left });
    assert.equal(s.sourced, c.sourced ?? true);
  });
}
