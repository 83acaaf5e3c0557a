import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNumber, readDigitRun, readNumbers, readingMatches } from '../../server/src/core/read/numbers';

const values = (text: string, lang?: string) => readNumbers(text, lang).map((r) => (r.unit ? `${r.value} ${r.unit}` : String(r.value)));
const has = (text: string, value: number, unit?: string, lang?: string) => findNumber([text], value, unit, lang).length > 0;

test('digit runs: separators by convention', () => {
  assert.deepEqual(readDigitRun('1,350,000', 'en'), [1350000]);
  assert.deepEqual(readDigitRun('400 000', 'en'), [400000]);
  assert.deepEqual(readDigitRun('1.600', 'en'), [1.6]);
  assert.deepEqual(readDigitRun('1.600', 'de'), [1600], 'the language decides');
  assert.deepEqual(readDigitRun('1.600', 'ar'), [1600, 1.6], 'Arabic texts write both conventions: both readings');
  assert.deepEqual(readDigitRun('1.600,5', 'tr'), [1600.5]);
  assert.deepEqual(readDigitRun('1,5', 'en'), [1.5], 'no point reading: falls back to the decimal comma');
  assert.deepEqual(readDigitRun('1.600'), [1.6, 1600], 'unknown language: both readings');
  assert.deepEqual(readDigitRun('2015,3', 'en'), [2015.3]);
  assert.deepEqual(readDigitRun('12,34,56', 'en'), []);
});

test('plain numbers, scales and units', () => {
  assert.deepEqual(values('seized approximately 400,000 Captagon pills, estimated to weigh about 65 kilograms', 'en'), ['400000', '65 kg']);
  assert.deepEqual(values('more than 1.35 million Captagon pills', 'en'), ['1350000']);
  assert.deepEqual(values('approximately 215kg of narcotics', 'en'), ['215 kg']);
  assert.deepEqual(values('an estimated 1.1 tonnes of Captagon', 'en'), ['1.1 t']);
  assert.deepEqual(values('some 1.75 tons of illicit substances', 'en'), ['1.75 t', '1.75 short_ton']);
  assert.deepEqual(values('12 short tons', 'en'), ['12 short_ton']);
  assert.deepEqual(values('400 000 comprimés', 'fr'), ['400000']);
  assert.deepEqual(values('2.5 million pills and $7,000', 'en'), ['2500000', '7000']);
  assert.deepEqual(values('a 65-kilogram load'), ['65 kg']);
  assert.deepEqual(values('In 2025 300 pills', 'en'), ['2025', '300']);
});

test('English number words', () => {
  assert.deepEqual(values('the arrest of two individuals', 'en'), ['2']);
  assert.deepEqual(values('two suspects in Syria and one in Iraq', 'en'), ['2', '1']);
  assert.deepEqual(values('twenty-five men, two hundred and fifty thousand pills', 'en'), ['25', '250000']);
  assert.deepEqual(values('a dozen trucks, two dozen boxes', 'en'), ['12', '24']);
  assert.deepEqual(values('half a million pills, a thousand more', 'en'), ['500000', '1000']);
  assert.deepEqual(values('five million pills; six tons and 183 kilograms', 'en'), ['5000000', '6 t', '6 short_ton', '6183 kg', '5626.10844 kg', '183 kg']);
  assert.deepEqual(values('dozens of people, hundreds of boxes'), []);
});

test('Arabic-Indic digits and separators', () => {
  assert.deepEqual(values('ضبط ٤٠٠٬٠٠٠ حبة كبتاغون', 'ar'), ['400000']);
  assert.deepEqual(values('نحو ٦٥ كيلوغراماً', 'ar'), ['65 kg']);
  assert.deepEqual(values('١٫٣٥ مليون حبة', 'ar'), ['1350000']);
  assert.deepEqual(values('۱۲۰۰ کیلو', 'fa'), ['1200']);
  assert.deepEqual(values('1.600 كغ', 'ar'), ['1600 kg', '1.6 kg']);
});

test('Arabic number words', () => {
  assert.deepEqual(values('اعتقال شخصين واثنين من المهربين', 'ar'), ['2']);
  assert.deepEqual(values('ثلاثة آلاف حبة', 'ar'), ['3000']);
  assert.deepEqual(values('خمسة وعشرون متهما', 'ar'), ['25']);
  assert.deepEqual(values('مليون حبة', 'ar'), ['1000000']);
  assert.deepEqual(values('ثلاثمائة ألف', 'ar'), ['300000']);
  assert.deepEqual(values('أحد عشر', 'ar'), ['11']);
  assert.deepEqual(values('ألفين وخمسمائة', 'ar'), ['2500']);
  assert.deepEqual(values('اثنين في سوريا وواحد في العراق', 'ar'), ['2', '1']);
  assert.deepEqual(values('عشرة أطنان', 'ar'), ['10 t']);
});

test('matching figures: units converted, counts never matched by masses', () => {
  assert.ok(has('an estimated 1.1 tonnes of Captagon pills', 1100, 'kg', 'en'));
  assert.ok(has('some 1,100 kilograms of Captagon pills', 1.1, 't', 'en'));
  assert.ok(has('some 1.75 tons', 1.75, 'short_ton', 'en'));
  assert.ok(has('some 1.75 tons', 1750, 'kg', 'en'));
  assert.ok(!has('some 1.75 tons', 1.75, 'tablets', 'en'));
  assert.ok(has('1.600 kg', 1600, 'kg', 'de'));
  assert.ok(!has('1.600 kg', 1.6, 'kg', 'de'), 'German decides: 1,600');
  assert.ok(has('1.600 kg', 1.6, 'kg', 'ar'), 'ambiguous: either reading');
  assert.ok(!has('1.600 kg', 1600, 'kg', 'en'));
  assert.ok(has('Captagon (215)', 215, 'kg', 'en'), 'a bare number supports a weight');
  assert.ok(!has('two suspects in Syria and one in Iraq', 3, 'persons', 'en'));
  assert.ok(readingMatches({ value: 500, unit: 'ml', start: 0, end: 0, text: '', kind: 'digits' }, 0.5, 'l'));
});

test('a unit the schema rejects is compared by its number', () => {
  assert.ok(has('about 65 kilograms', 65, 'kilo', 'en'));
  assert.ok(!has('about 65 kilograms', 65, 'bars', 'en'));
});

test('words that are names of object properties are not numbers', () => {
  for (const word of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
    const values = readNumbers(`the ${word} of the seizure`, 'en').map((r) => r.value);
    assert.deepEqual(values, [], word);
    assert.deepEqual(readNumbers(`ضبط ${word}`, 'ar').map((r) => r.value), [], word);
  }
});
