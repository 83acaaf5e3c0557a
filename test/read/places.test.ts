/**
 * The place reader: first-level subdivisions of every country by their English, ISO and local names,
 * from the module scripts/gen-places.mjs compiles (which must be up to date).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { countryName, findAdmin1, findAdmin1Anywhere, normaliseAdmin1, subdivisionsOf } from '../../server/src/core/read/places';

test('the generated subdivision names are up to date with their sources', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-places.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr || r.stdout);
});

test('the generated module stays small', () => {
  const bytes = statSync('server/src/core/read/generated/subdivisions.ts').size;
  assert.ok(bytes < 200 * 1024, `${bytes} bytes`);
});

const cases: [string, string, string][] = [
  // [country, name as written, ISO 3166-2 code]
  ['GR', 'Crete', 'GR-M'],
  ['GR', 'Kriti', 'GR-M'],
  ['GR', 'Attica', 'GR-I'],
  ['GR', 'Attikí', 'GR-I'],
  ['AE', 'Dubai', 'AE-DU'],
  ['AE', 'Emirate of Dubai', 'AE-DU'],
  ['AE', 'إمارة دبي', 'AE-DU'],
  ['AE', 'دبي', 'AE-DU'],
  ['EG', 'Alexandria', 'EG-ALX'],
  ['EG', 'Alexandria Governorate', 'EG-ALX'],
  ['EG', 'الإسكندرية', 'EG-ALX'],
  ['TR', 'Hatay', 'TR-31'],
  ['TR', 'Hatay ili', 'TR-31'],
  ['TR', 'Hatay Province', 'TR-31'],
  ['TR', 'Mersin', 'TR-33'],
  ['TR', 'İstanbul', 'TR-34'],
  ['TR', 'ISTANBUL', 'TR-34'],
  ['SY', 'Rural Damascus', 'SY-RD'],
  ['SY', 'Rif Dimashq Governorate', 'SY-RD'],
  ['SY', 'ريف دمشق', 'SY-RD'],
  ['SY', 'محافظة حمص', 'SY-HI'],
  ['SY', 'حمص', 'SY-HI'],
  ['SA', 'Makkah', 'SA-02'],
  ['SA', 'Mecca', 'SA-02'],
  ['SA', 'Makkah Region', 'SA-02'],
  ['SA', 'منطقة مكة المكرمة', 'SA-02'],
  ['IQ', 'Anbar', 'IQ-AN'],
  ['IQ', 'Al Anbar', 'IQ-AN'],
  ['IQ', 'Al-Anbar Governorate', 'IQ-AN'],
  ['IQ', 'الأنبار', 'IQ-AN'],
  ['IQ', 'Salah al-Din', 'IQ-SD'],
  ['DE', 'Nordrhein-Westfalen', 'DE-NW'],
  ['DE', 'North Rhine-Westphalia', 'DE-NW'],
  ['DE', 'Bavaria', 'DE-BY'],
  ['DE', 'Bayern', 'DE-BY'],
  ['IT', 'Sicilia', 'IT-82'],
  ['IT', 'Sicily', 'IT-82'],
  ['IT', 'Regione Sicilia', 'IT-82'],
  ['ES', 'Comunidad de Madrid', 'ES-MD'],
  ['ES', 'Community of Madrid', 'ES-MD'],
  ['ES', 'Andalucía', 'ES-AN'],
  ['ES', 'Andalusia', 'ES-AN'],
  ['ES', 'andalucia', 'ES-AN'],
  ['ES', 'Región de Murcia', 'ES-MC'],
  ['RO', 'Constanța', 'RO-CT'],
  ['RO', 'Constanta', 'RO-CT'],
  ['RO', 'Constanța County', 'RO-CT'],
  ['RO', 'Judetul Constanta', 'RO-CT'],
  ['LB', 'Beqaa', 'LB-BI'],
  ['LB', 'Bekaa', 'LB-BI'],
  ['LB', 'Béqaa', 'LB-BI'],
  ['LB', 'Mount Lebanon', 'LB-JL'],
  ['LB', 'Mont-Liban', 'LB-JL'],
  ['LB', 'جبل لبنان', 'LB-JL'],
  ['JO', 'Mafraq', 'JO-MA'],
  ['KW', 'Al Asimah', 'KW-KU'],
  ['IR', 'Kurdistan', 'IR-12'],
  ['IR', 'Semnan', 'IR-20'],
  ['PL', 'Masovian Voivodeship', 'PL-14'],
  ['GR', 'GR-M', 'GR-M'],
];

test('first-level subdivisions by English, ISO and local names, with the words around them', () => {
  for (const [country, name, code] of cases) assert.equal(findAdmin1(country, name)?.code, code, `${country} ${name}`);
});

test('a name of another country or a town is not a subdivision', () => {
  assert.equal(findAdmin1('IQ', 'Homs'), undefined);
  assert.equal(findAdmin1('GR', 'Piraeus'), undefined);
  assert.equal(findAdmin1('SY', 'Qusayr'), undefined);
  assert.equal(findAdmin1('SY', ''), undefined);
  assert.equal(findAdmin1('ZZ', 'Homs'), undefined);
  assert.equal(findAdmin1('SY', 'constructor'), undefined);
  assert.equal(findAdmin1('constructor', 'Homs'), undefined);
});

test('a first-level subdivision keeps its name where a lower level shares it', () => {
  assert.equal(findAdmin1('ES', 'Madrid')?.code, 'ES-MD');
  assert.equal(findAdmin1('ES', 'Granada')?.code, 'ES-GR');
  assert.equal(findAdmin1('ES', 'Granada')?.parent, 'ES-AN');
});

test('subdivisions, names and countries for messages', () => {
  assert.equal(subdivisionsOf('SY').length, 14);
  assert.equal(subdivisionsOf('GR').filter((s) => !s.parent).length, 14);
  assert.equal(findAdmin1('SY', 'Homs')?.isoName, 'Ḩimş');
  assert.equal(findAdmin1('GR', 'Kríti')?.name, 'Crete');
  assert.deepEqual(findAdmin1Anywhere('Homs').map((s) => s.code), ['SY-HI']);
  assert.ok(findAdmin1Anywhere('Kurdistan').some((s) => s.code === 'IQ-KR'));
  assert.equal(countryName('SY'), 'Syria');
  assert.equal(countryName('RO'), 'Romania');
});

test('names are folded once for all: case, diacritics, kind words, articles', () => {
  assert.equal(normaliseAdmin1('Al-Lādhiqīyah Governorate'), 'ladhiqiyah');
  assert.equal(normaliseAdmin1('Province of Hatay'), 'hatay');
  assert.equal(normaliseAdmin1('Hatay Bölgesi'), 'hatay');
  assert.equal(normaliseAdmin1('محافظة الأنبار'), normaliseAdmin1('انبار'));
  assert.equal(normaliseAdmin1('Governorate'), 'governorate', 'a kind word alone stays');
});
