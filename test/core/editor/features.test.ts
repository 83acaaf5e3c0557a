/** Hovers, completion, outline, references, inlay hints and the new-event skeleton, as core data (cursor marked with |). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  NEW_EVENT_SNIPPET,
  buildRegistries,
  checkParsed,
  complete,
  documentSymbols,
  editorHover,
  inlayHints,
  newEventPath,
  newEventText,
  parseFile,
  referenceAt,
  sourceDefinition,
  sourceUses,
} from '../../../server/src/core';
import { SAMPLES } from '../../helpers/dataset';
import { cursor } from '../../helpers/check';

const reg = (n: string) => parseFile(readFileSync(join(SAMPLES, 'registries', n), 'utf8')).docs[0].value;
const ctx = { registries: buildRegistries(reg('drugs.yaml'), reg('agencies.yaml')) };

const EVENT = `id: 2025-03-iq-x-captagon
date:
  on: 2025-03-14
  precision: day
  source: rudaw
location: {country: IQ, precision: country}
seizures:
  - drug: captagon
    form: tablet
    count: {value: 400000, unit: tablets, qualifier: about, source: rudaw}
    weight: {value: 96, unit: kg, basis: gross, source: rudaw}
sources:
  - id: rudaw
    publisher: Rudaw
    published: 2025-03-20
    url: https://example.org/a
    quotes: ["400,000 Captagon pills"]
`;

const hover = (marked: string) => {
  const { text, offset } = cursor(marked);
  return editorHover(parseFile(text), 'event', offset, ctx)?.markdown ?? '';
};

test('hover on a gross weight notes the basis and the widened band', () => {
  const h = hover(EVENT.replace('value: 96', 'value: 9|6'));
  assert.match(h, /96 kg ÷ about 400,000 tablets = \*\*about 240 mg a tablet\*\* · `basis: gross` \(packaging included\) — plausible/);
  assert.match(h, /\(gross weights: up to ×1\.5\)/);
});

test('hover on a day: weekday and days before publication; on a month: its range', () => {
  assert.match(hover(EVENT.replace('on: 2025-03-14', 'on: 2025-03-1|4')), /\*\*Friday\*\*, 14 March 2025[\s\S]*- 6 days before rudaw \(Rudaw\), published 2025-03-20/);
  assert.match(hover(EVENT.replace('on: 2025-03-14', 'on: 2025-0|3').replace('precision: day', 'precision: month')), /\*\*March 2025\*\*: precision month, any day from 1 March 2025 to 31 March 2025 \(31 days\)[\s\S]*- -11 to 19 days before rudaw/);
});

test('completion inside a flow mapping and for a list item of countries', () => {
  const { text, offset } = cursor(EVENT.replace('{country: IQ,', '{country: I|Q,'));
  const r = complete(parseFile(text), 'event', offset, ctx)!;
  assert.equal(r.items.find((i) => i.label === 'IQ')?.detail, 'Iraq');
  assert.equal(text.slice(r.start, r.end), 'IQ');
  const q = cursor(EVENT + 'route:\n  origin: SY\n  transit:\n    - T|\n');
  const items = complete(parseFile(q.text), 'event', q.offset, ctx)!.items;
  assert.equal(items.find((i) => i.label === 'TR')?.detail, 'Türkiye');
});

test('outline and references of a source id', () => {
  const file = parseFile(EVENT);
  const syms = documentSymbols(file, 'event');
  assert.deepEqual(syms.map((s) => s.name), ['id', 'date', 'location', 'seizures', 'sources']);
  assert.equal(syms[3].children![0].detail, '~400,000 tablets · 96 kg');
  const { offset } = cursor(EVENT.replace('source: rudaw}\n    weight', 'source: ru|daw}\n    weight'));
  const t = referenceAt(file, 'event', offset)!;
  assert.deepEqual([t.kind, t.id], ['source', 'rudaw']);
  const def = sourceDefinition(file, 0, 'rudaw')!;
  assert.equal(EVENT.slice(def[0], def[1]), 'rudaw');
  assert.equal(EVENT.slice(0, def[0]).split('\n').length, 13);
  assert.equal(sourceUses(file, 0, 'rudaw').length, 3);
});

test('inlay hints: mass per tablet and weekday, each switchable', () => {
  const file = parseFile(EVENT);
  const all = inlayHints(file, 'event', ctx, { unitMass: true, weekday: true }).map((h) => `${EVENT.slice(0, h.offset).split('\n').length}:${h.label.trim()}`);
  assert.deepEqual(all, ['3:Fri', '11:≈240 mg/tablet', '15:Thu']);
  assert.deepEqual(inlayHints(file, 'event', ctx, { unitMass: false, weekday: false }), []);
});

test('the new-event skeleton is valid against the schema; the snippet is offered once, by completion', () => {
  const input = { date: '2025-04', country: 'iq', place: 'Al-Qa’im', drug: 'captagon' };
  assert.equal(newEventPath(input), 'events/2025/2025-04-iq-al-qa-im-captagon.yaml');
  const findings = checkParsed(parseFile(newEventText(input)), 'event', { dataset: ctx });
  // Its only errors are the placeholders left to fill in (events/placeholder fails CI until then).
  const errors = findings.filter((f) => f.severity === 'error');
  assert.deepEqual([...new Set(errors.map((f) => f.ruleId))], ['events/placeholder'], errors.map((f) => f.message).join('\n'));
  // In an empty event file, completion offers the skeleton; the extension contributes no snippet
  // file of its own, which VS Code would list a second time.
  const items = complete(parseFile(''), 'event', 0, ctx)?.items ?? [];
  assert.deepEqual(items.map((i) => [i.label, i.kind, i.insertText]), [['seizure-event', 'snippet', NEW_EVENT_SNIPPET]]);
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  assert.equal(pkg.contributes.snippets, undefined);
});
