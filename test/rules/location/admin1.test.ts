import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/location/admin1';
import { findAdmin1, normaliseAdmin1 } from '../../../server/src/core/read/places';
import { ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from '../sources/fixture';

const at = (admin1: string, country = 'SY') => variant(['location: {country: SY, admin1: Homs, precision: admin1}', `location: {country: ${country}, admin1: ${admin1}, precision: admin1}`]);

ruleTester(rule, {
  valid: [
    { code: BASE },
    { name: 'ISO name with diacritics', code: at('Ḩimş') },
    { name: 'transliteration without diacritics', code: at('Hims') },
    { name: 'suffix and case', code: at('homs governorate') },
    { name: 'Rural Damascus', code: at('Rural Damascus') },
    { name: 'Damascus countryside', code: at('Damascus countryside') },
    { name: 'Rif Dimashq', code: at('Rif Dimashq') },
    { name: 'Latakia, Arabic article in the ISO name', code: at('Al-Lādhiqīyah Governorate') },
    { name: 'Lebanon, English name of a French ISO name', code: at('Bekaa', 'LB') },
    { name: 'Iraq, a province inside the Kurdistan Region', code: at('Erbil', 'IQ') },
    { name: 'Iraq, Anbar with and without the article', code: at('Al-Anbar Province', 'IQ') },
    { name: 'Jordan', code: at('Mafraq', 'JO') },
    { name: 'Saudi Arabia', code: at('Eastern Province', 'SA') },
    { name: 'Iran', code: at('Sistan and Baluchestan', 'IR') },
    { name: 'Türkiye, without Turkish letters', code: at('Sanliurfa', 'TR') },
    { name: 'Türkiye, with them', code: at('Şanlıurfa', 'TR') },
    { name: 'the ISO code', code: at('SY-HI') },
    { name: 'null admin1', code: at('null') },
    {
      name: 'a list of locations',
      code: BASE.replace('location: {country: SY, admin1: Homs, precision: admin1}', 'location:\n  - {country: SY, admin1: Homs, precision: admin1}\n  - {country: IQ, admin1: null, precision: country}'),
    },
    { name: 'a country without subdivision data is not checked', code: at('Somewhere', 'XK') },
  ],
  invalid: [
    {
      name: 'a Syrian governorate under Iraq',
      code: at('Homs', 'IQ'),
      errors: [{ messageId: 'otherCountry', line: 6, column: 33, data: { admin1: 'Homs', otherCountry: 'Syria', code: 'SY-HI', country: 'Iraq', countryCode: 'IQ' } }],
    },
    {
      name: 'a misspelt name, with an unsafe fix',
      code: at('Lattakiya'),
      errors: [{ messageId: 'misspelt', line: 6, data: { suggestion: 'Latakia', code: 'SY-LA' } }],
    },
    {
      name: 'a town, not a governorate',
      code: at('Qusayr'),
      errors: [{ messageId: 'unknown', line: 6, data: { count: 14 }, message: 'Aleppo, Damascus, Daraa' }],
    },
    {
      name: 'second location of a list',
      code: BASE.replace('location: {country: SY, admin1: Homs, precision: admin1}', 'location:\n  - {country: SY, admin1: Homs, precision: admin1}\n  - {country: IQ, admin1: Latakia, precision: admin1}'),
      errors: [{ messageId: 'otherCountry', line: 8, column: 27, data: { code: 'SY-LA' } }],
    },
  ],
});

test('admin1 matching is lenient but exact about the country', () => {
  assert.equal(normaliseAdmin1('Al-Lādhiqīyah Governorate'), 'ladhiqiyah');
  assert.equal(normaliseAdmin1('Ḩimş'), 'hims');
  assert.equal(findAdmin1('SY', 'Damascus')?.code, 'SY-DI');
  assert.equal(findAdmin1('SY', 'Rural Damascus')?.code, 'SY-RD');
  assert.equal(findAdmin1('sy', 'Aleppo')?.code, 'SY-HL');
  assert.equal(findAdmin1('IQ', 'Kurdistan')?.code, 'IQ-KR');
  assert.equal(findAdmin1('IR', 'Kurdistan')?.code, 'IR-12');
  assert.equal(findAdmin1('IQ', 'Homs'), undefined);
});
