/**
 * The number reader on the quotes of the development corpus (test/read/fixtures/corpus-quotes.json,
 * extracted by scripts/gen-corpus-quotes.mjs): each report's transcribed count and weight are read in
 * its quotes with the right unit, where the quotes hold them, and none of the traps its notes
 * describe is read as a figure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type NumberReading, readNumbers } from '../../server/src/core/read/numbers';

interface Report {
  key: string;
  language: string;
  count: number | null;
  weight: number | null;
  weight_unit: 'kg' | 'tonne' | 'ton' | 'lb' | null;
  quotes: string[];
}

const REPORTS: Report[] = JSON.parse(readFileSync('test/read/fixtures/corpus-quotes.json', 'utf8'));

/** Reports whose transcribed figure is not in the quoted sentences (the page gave it elsewhere), with why. */
const NOT_QUOTED: Record<string, string> = {
  'sa-onions--tribunalcommunity#count': 'the quote gives the two parts (3,054,000 and 5,281,250); "more than 8 million" is in the headline, not quoted',
};

const readingsOf = (r: Report): NumberReading[] => r.quotes.flatMap((q) => [...readNumbers(q, r.language)]);

const UNITS: Record<string, string[]> = { kg: ['kg'], tonne: ['t'], ton: ['t', 'short_ton'], lb: ['lb'] };

test('every transcribed count is read in its report\'s quotes, as a bare number', () => {
  const missing: string[] = [];
  for (const r of REPORTS) {
    if (r.count === null || NOT_QUOTED[`${r.key}#count`]) continue;
    if (!readingsOf(r).some((x) => !x.unit && x.value === r.count)) missing.push(`${r.key}: ${r.count}`);
  }
  assert.deepEqual(missing, []);
});

test('every transcribed weight is read in its report\'s quotes, with its unit', () => {
  const missing: string[] = [];
  for (const r of REPORTS) {
    if (r.weight === null || !r.weight_unit || NOT_QUOTED[`${r.key}#weight`]) continue;
    const units = UNITS[r.weight_unit];
    if (!readingsOf(r).some((x) => x.unit && units.includes(x.unit) && x.value === r.weight)) missing.push(`${r.key}: ${r.weight} ${r.weight_unit}`);
  }
  assert.deepEqual(missing, []);
});

const byKey = (key: string) => REPORTS.find((r) => r.key === key)!;
const values = (key: string) => readingsOf(byKey(key)).map((x) => (x.unit ? `${x.value} ${x.unit}` : String(x.value)));

test('the traps the notes describe are not read as figures', () => {
  // Turkish "3.402 adet" is 3,402 pills, not 3.4; "1.800 Amerikan Doları" is money.
  const reyhanli = readingsOf(byKey('tr-reyhanli--iskenderunses-tr'));
  assert.ok(!reyhanli.some((x) => x.value === 3.402));
  assert.equal(reyhanli.find((x) => x.value === 1800)?.countOf, 'money');
  assert.equal(reyhanli.find((x) => x.value === 3402)?.countOf, 'pills');
  // "more than 20 metric tons (22.046 tons)": short tons, not 22,046.
  assert.ok(!values('it-marsala--panarmenian-shorttons').includes('22046 t'));
  assert.ok(values('it-marsala--panarmenian-shorttons').includes('22.046 short_ton'));
  // The ages "(22 ...), (44 ...), (37 ...)" are ages, not 37 kg.
  const beddawi = readingsOf(byKey('lb-pumps--the961-beddawi'));
  assert.deepEqual(
    beddawi.filter((x) => [22, 44, 37].includes(x.value)).map((x) => x.countOf),
    ['age', 'age', 'age'],
  );
  // "a 28-year-old Syrian".
  assert.equal(readingsOf(byKey('kw-10m--kuwaittimes')).find((x) => x.value === 28)?.countOf, 'age');
  // "(17,500) kilograms" in an English text is 17,500 kg as printed: the rules catch its magnitude.
  const anbar = readingsOf(byKey('iq-anbar-17500--qatarpress'));
  assert.ok(anbar.some((x) => x.value === 17500 && x.unit === 'kg' && x.convention === 'point' && !x.ambiguous));
  assert.ok(anbar.some((x) => x.value === 56 && x.unit === 'kg'));
  // "533 pastillas de cocaína" are counted as pills, the noun kept for the rules to see.
  const algeciras = readingsOf(byKey('es-algeciras648--vivachipiona')).find((x) => x.value === 533);
  assert.deepEqual([algeciras?.countOf, algeciras?.noun], ['pills', 'pastillas']);
  // "1 ton of 150 kilograms" (a calque of 1 ton 150 kg) reads as 1,150 kg too, never only 150 kg.
  assert.ok(values('tr-mersin-coke1--move2turkey').includes('1150 kg'));
});

test('hedges are read in every language of the corpus', () => {
  const q = (key: string, value: number) => readingsOf(byKey(key)).find((x) => x.value === value)?.qualifier?.kind;
  assert.equal(q('de-aachen--bild', 3200000), 'about');
  assert.equal(q('de-aachen--tagesspiegel-partial', 370), 'more_than');
  assert.equal(q('lb-oranges--agenzianova-it', 9000000), 'nearly');
  assert.equal(q('gr-perama--tribune-gr', 4000000), 'more_than');
  assert.equal(q('sa-onions--uaebarq-ar', 8300000), 'more_than');
  assert.equal(q('ro-constanta2020--pontmaros-hu', 750), 'more_than');
  assert.equal(q('ro-constanta2020--pontmaros-hu', 1.5), 'about');
  assert.equal(q('tr-mersin-coke3--millardayo-sw', 600), 'more_than');
  assert.equal(q('es-algeciras648--europasur', 650), 'nearly');
  assert.equal(q('es-granada--ideal', 3.2), 'more_than');
  assert.equal(q('it-remus--tgcom24', 20), 'more_than');
  assert.equal(q('tr-hatay2015--ajansalperen-tr', 1300), 'about');
  assert.equal(q('sy-dumayr--arabnews-pk', 12000000), 'about');
  assert.equal(q('lb-oranges--kataeb', 9000000), 'nearly');
  assert.equal(q('iq-anbar-aug22--kurdistan24', 2000000), 'at_least');
});
