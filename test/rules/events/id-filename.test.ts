import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/events/id-filename';
import { checkText, fixesAt, fixText, resolveConfig } from '../../../server/src/core';
import { ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from '../sources/fixture';

const PATH = 'events/2026/2026-02-22-sy-homs-captagon.yaml';

ruleTester(rule, {
  valid: [
    { code: BASE, path: PATH },
    { name: 'a month id for a day date', code: variant(['id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-sy-homs-captagon']), path: 'events/2026/2026-02-sy-homs-captagon.yaml' },
    { name: 'a year id for a year date', code: variant(['id: 2026-02-22-sy-homs-captagon', 'id: 2026-sy-homs-captagon'], ['on: 2026-02-22, precision: day', 'on: "2026", precision: year']), path: 'events/2026/2026-sy-homs-captagon.yaml' },
    { name: 'a range ending on the id date', code: variant(['on: 2026-02-22, precision: day', 'to: 2026-02-22, precision: range']), path: PATH },
    { name: 'the announcement date', code: variant(['on: 2026-02-22, precision: day', 'on: 2026-02-19, precision: day']).replace('location:', 'announced: 2026-02-22\nlocation:'), path: PATH },
    { name: 'one of several date claims', code: variant(['date: {on: 2026-02-22, precision: day, source: medialine}', 'date:\n  - {on: 2026-02-21, precision: day, source: medialine}\n  - {on: 2026-02-22, precision: day, source: medialine}']), path: PATH },
    { name: 'one of several countries', code: variant(['location: {country: SY, admin1: Homs, precision: admin1}', 'location:\n  - {country: IQ, precision: country}\n  - {country: SY, precision: country}']), path: PATH },
    { name: 'a file of two events is not named after either', code: BASE + '---\n' + BASE.replace('22-sy-homs', '23-sy-homs').replace('on: 2026-02-22', 'on: 2026-02-23'), path: 'events/2026/homs.yaml' },
  ],
  invalid: [
    {
      name: 'file name differs',
      code: BASE,
      path: 'events/2026/2026-02-21-sy-homs-captagon.yaml',
      errors: [{ messageId: 'fileName', line: 1, column: 5, data: { fileName: '2026-02-21-sy-homs-captagon.yaml' } }],
    },
    {
      name: 'id date outside the event dates',
      code: variant(['on: 2026-02-22, precision: day', 'on: 2026-01, precision: month']),
      path: PATH,
      errors: [{ messageId: 'date', line: 1, column: 5, data: { idDate: '2026-02-22', dates: '2026-01' } }],
    },
    {
      name: 'a range that ends before the id date',
      code: variant(['on: 2026-02-22, precision: day', 'to: 2026-02-10, precision: range']),
      path: PATH,
      errors: [{ messageId: 'date', data: { dates: 'up to 2026-02-10' } }],
    },
    {
      name: 'id country differs from the location',
      code: variant(['location: {country: SY,', 'location: {country: IQ,']),
      path: PATH,
      errors: [{ messageId: 'country', line: 1, column: 5, data: { idCountry: 'sy', countries: 'IQ' } }],
    },
  ],
});

const fixesFor = (code: string, path: string) => {
  const { findings } = checkText(code, 'event', { config: resolveConfig({}), rules: [rule], path });
  return findings.find((f) => f.messageId === 'fileName')?.fixes ?? [];
};

test('events/id-filename: a misspelt file name is renamed after the id, never the id after the file', () => {
  const fixes = fixesFor(BASE, 'events/2026/2026-02-22-sy-homs-captgon.yaml');
  assert.deepEqual(fixes.map((f) => [f.title, f.safety, f.renameTo, f.edits.length]), [
    ['Rename the file to "2026-02-22-sy-homs-captagon.yaml"', 'unsafe', 'events/2026/2026-02-22-sy-homs-captagon.yaml', 0],
  ]);
  // A word the event does not know, or the wrong date or country, makes the file name the odd one out.
  assert.equal(fixesFor(BASE, 'events/2026/2026-02-22-sy-homs-captagon-raid.yaml')[0].renameTo, 'events/2026/2026-02-22-sy-homs-captagon.yaml');
  assert.equal(fixesFor(BASE, 'events/2026/2026-02-21-sy-homs-captagon.yml')[0].renameTo, 'events/2026/2026-02-22-sy-homs-captagon.yml');
  // The CLI applies no rename, and no second choice in its place.
  const { findings } = checkText(BASE, 'event', { config: resolveConfig({}), rules: [rule], path: 'events/2026/2026-02-22-sy-homs-captgon.yaml' });
  assert.deepEqual(fixesAt(findings, 'unsafe'), []);
  assert.equal(fixText(BASE, 'event', { config: resolveConfig({}), rules: [rule], path: 'events/2026/2026-02-22-sy-homs-captgon.yaml' }, 'unsafe').text, BASE);
});

test('events/id-filename: a misspelt id is changed to the file name (unsafe)', () => {
  const code = BASE.replace('id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-22-sy-hmos-captagon');
  const fixes = fixesFor(code, 'events/2026/2026-02-22-sy-homs-captagon.yaml');
  assert.deepEqual(fixes.map((f) => [f.title, f.safety, f.renameTo]), [['Change the id to "2026-02-22-sy-homs-captagon"', 'unsafe', undefined]]);
  const e = fixes[0].edits[0];
  assert.equal(code.slice(0, e.start) + e.newText + code.slice(e.end), BASE);
});

test('events/id-filename: when neither looks more right, both are offered, the file rename first', () => {
  const fixes = fixesFor(BASE, 'events/2026/2026-02-22-sy-homs-province.yaml');
  assert.deepEqual(fixes.map((f) => f.title), ['Rename the file to "2026-02-22-sy-homs-captagon.yaml"', 'Change the id to "2026-02-22-sy-homs-province"']);
  const { findings } = checkText(BASE, 'event', { config: resolveConfig({}), rules: [rule], path: 'events/2026/2026-02-22-sy-homs-province.yaml' });
  assert.deepEqual(fixesAt(findings, 'unsafe'), [], 'the CLI applies neither');
});
