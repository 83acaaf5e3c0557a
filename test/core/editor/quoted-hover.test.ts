/** The hover on a value read from an article: the sentence of its source that holds its words (cursor marked with |). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editorHover, extractArticle, parseFile, renderDraft } from '../../../server/src/core';
import { cursor } from '../../helpers/check';
import { registries } from '../../helpers/extract';

const EVENT = `id: 2025-07-30-sy-damascus-captagon
date: {on: 2025-07-30, precision: day, as_reported: "said on Wednesday", refers_to: announcement, source: thenational}
location: {country: SY, precision: country}
seizures:
  - drug: captagon
    count: {value: 1350000, unit: tablets, qualifier: more_than, as_reported: "more than 1.35 million Captagon pills", source: thenational}
    weight: {value: 215, unit: kg, qualifier: about, as_reported: "approximately 215kg of narcotics", source: other}
sources:
  - id: thenational
    publisher: The National
    published: 2025-07-30
    quotes:
      - "Iraqi counter-narcotics forces seized more than 1.35 million Captagon pills during a raid in Syria's capital, the Iraqi Interior Ministry said on Wednesday."
`;

const hover = (marked: string) => {
  const { text, offset } = cursor(marked);
  return editorHover(parseFile(text), 'event', offset)?.markdown ?? '';
};

test('hover on a figure or a date shows the quoted sentence it was read from, its words in bold', () => {
  const count = hover(EVENT.replace('value: 1350000', 'value: 135|0000'));
  assert.match(count, /From \*\*The National\*\* \(`thenational`\):\n\n> Iraqi counter-narcotics forces seized \*\*more than 1\.35 million Captagon pills\*\* during a raid in Syria's capital/);
  const date = hover(EVENT.replace('on: 2025-07-30,', 'on: 2025-07-3|0,'));
  assert.match(date, /\*\*Wednesday\*\*, 30 July 2025/, 'the date hover is kept');
  assert.match(date, /Interior Ministry \*\*said on Wednesday\*\*\./);
  assert.match(hover(EVENT.replace('as_reported: "more than', 'as_reported: "mo|re than')), /\*\*more than 1\.35 million Captagon pills\*\*/, 'on the words themselves');
  assert.doesNotMatch(hover(EVENT.replace('value: 215', 'value: 2|15')), /From \*\*/, 'a source without that sentence: no quote');
});

test('every value of a draft shows its sentence on hover', () => {
  const draft = extractArticle({
    text: 'Iraqi counter-narcotics forces seized more than 1.35 million Captagon pills during a raid in Damascus, the Iraqi Interior Ministry said on Wednesday.\nThe operation led to the confiscation of approximately 215kg of narcotics, it added.',
    published: '2025-07-30',
    publisher: 'The National',
    registries,
  });
  const text = renderDraft(draft);
  const file = parseFile(text);
  for (const needle of ['value: 1350000', 'value: 215', 'on: 2025-07-30']) {
    const at = text.indexOf(needle) + needle.indexOf(':') + 3;
    const h = editorHover(file, 'event', at)?.markdown ?? '';
    assert.match(h, /From \*\*The National\*\*/, `${needle}: ${h}`);
  }
});
