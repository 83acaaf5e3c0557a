/**
 * Number words beyond the languages written by hand: Portuguese and Dutch, generated from CLDR's
 * spell-out rules (scripts/gen-number-words.mjs, which must be up to date), read back from CLDR's own
 * spelling of every number up to a thousand and of larger ones; and the readings the second held-out
 * corpus showed missing in every language: fractions of a unit ("half a tonne", "une demi-tonne"),
 * the quintal, letters for a scale after the digits ("$60m"), Arabic unit nouns that carry their
 * number, hundreds written as one word. Each with the words that must not be read so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// @ts-expect-error plain .mjs script without type declarations
import * as generator from '../../scripts/gen-number-words.mjs';
import { readNumbers } from '../../server/src/core/read/numbers';

type RuleSets = Map<string, unknown>;
const parseRbnf = generator.parseRbnf as (text: string) => RuleSets;
const spell = generator.spell as (sets: RuleSets, name: string, n: number, plural: (k: number) => string) => string;

const require = createRequire(__filename);

/** "value unit(qualifier)" of each reading, for compact expectations. */
const read = (text: string, lang?: string) =>
  readNumbers(text, lang).map((r) => (r.unit ? `${r.value} ${r.unit}` : String(r.value)) + (r.qualifier ? ` (${r.qualifier.kind})` : ''));

test('the generated number words are up to date with CLDR', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-number-words.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

/** Every number to a thousand, and larger ones of the kinds reports give. */
const SAMPLE = [...Array.from({ length: 1000 }, (_, i) => i + 1), 1234, 2000, 2500, 10000, 25000, 100000, 250000, 1000000, 2000000, 1350000, 5300000, 24000000, 100000000, 1000000000, 3000000000];

/**
 * CLDR locales whose every spelling of SAMPLE the reader must read back as that one number: the
 * generated languages, and the hand-written ones CLDR's spelling agrees with. (Words longer than 40
 * letters, as Dutch "negenhonderdnegenennegentigduizend…", are not read: the reader's bound.)
 */
const ROUND_TRIP: [string, string][] = [['pt', 'pt'], ['pt', 'pt_PT'], ['nl', 'nl'], ['es', 'es'], ['tr', 'tr']];

for (const [lang, locale] of ROUND_TRIP) {
  test(`CLDR's spelling of numbers in ${locale} is read back as the number`, () => {
    const sets = parseRbnf(readFileSync(require.resolve(`cldr-rbnf/rbnf/${locale}-SpelloutRules.txt`), 'utf8'));
    const plural = new Intl.PluralRules(locale.replace('_', '-'));
    const wrong: string[] = [];
    let checked = 0;
    for (const set of [...sets.keys()].filter((k) => /^%spellout-cardinal/.test(k))) {
      for (const n of SAMPLE) {
        const text = spell(sets, set, n, (k: number) => plural.select(k)).replace(/\u00AD/g, '');
        if (text.split(/\s+/).some((w) => w.length > 40)) continue;
        checked++;
        const readings = readNumbers(text, lang);
        if (!readings.some((r) => r.value === n && r.start === 0 && r.end === text.length)) wrong.push(`${n} "${text}" → ${readings.map((r) => r.value).join(', ')}`);
      }
    }
    assert.ok(checked >= SAMPLE.length, `${checked} spellings checked`);
    assert.deepEqual(wrong, []);
  });
}

const CASES: [string, string, string[], string][] = [
  // Portuguese
  ['24 milhões de comprimidos de um analgésico opiáceo', 'pt', ['24000000', '1'], 'digits and a scale word; "um" is one'],
  ['vinte e quatro milhões, um milhão e meio, mil e duzentos', 'pt', ['24000000', '1500000', '1200'], 'words joined by "e", a half after a scale'],
  ['mais de 24 milhões, cerca de 3 toneladas, quase meia tonelada, cem quilos', 'pt', ['24000000 (more_than)', '3 t (about)', '0.5 t (nearly)', '100 kg'], 'hedges and units; "cerca de" is about in Portuguese'],
  ['R$ 2 mi; 2 milhões e 3 mil', 'pt', ['2000000', '2003000'], 'CLDR\'s compact "mi"; groups joined by "e"'],
  // Dutch
  ['zeven balen, ruim 69 miljoen euro', 'nl', ['7', '69000000 (more_than)'], 'a count and money'],
  ['bijna een ton, Bijna duizend kilo cocaïne', 'nl', ['1 t (nearly)', '1000 kg (nearly)'], '"een ton" is one ton; "duizend" a number alone'],
  ['vijfentwintig, tweeëntwintig, driehonderdduizend, 3 mln, 1,2 mld', 'nl', ['25', '22', '300000', '3000000', '1200000000'], 'compounds with "en", "ën"; compact forms'],
  ['een halve ton, anderhalve ton, tweeënhalf ton', 'nl', ['1', '0.5 t', '1.5 t', '2.5 t'], 'halves: "een halve" is half, not one and a half'],
  // Indonesian
  ['menyita 3,2 juta pil Captagon, seribu, sejuta, lima ratus ribu, 1,5 miliar rupiah, setengah juta', 'id', ['3200000', '1000', '1000000', '500000', '1500000000', '500000'], 'scale words after digits and words; "se-" is one'],
  // Fractions of a unit
  ['almost half a tonne of cocaine, half a kilo, half a million', 'en', ['0.5 t (nearly)', '0.5 kg', '500000'], '"half a" unit'],
  ['une demi-tonne, saisie d une demi tonne de cocaine, un demi-million, deux tonnes et demie, un et demi', 'fr', ['1', '0.5 t', '1', '0.5 t', '1', '500000', '2.5 t', '1.5'], '"une demi-" is half, "et demi" adds one'],
  ['eine halbe Tonne, zweieinhalb Tonnen, viereinhalb Millionen', 'de', ['1', '0.5 t', '2.5 t', '4500000'], 'halves, and compounds with one'],
  ['media tonelada, una tonelada y media', 'es', ['0.5 t', '1.5 t'], 'Spanish'],
  ['mezza tonnellata', 'it', ['0.5 t'], 'Italian'],
  ['bir buçuk ton, iki buçuk milyon', 'tr', ['1.5 t', '2500000'], 'Turkish "buçuk" follows its number'],
  // The quintal
  ['estimée à 4 quintaux et 90 kg', 'fr', ['400 kg', '490 kg', '90 kg'], 'a quintal is 100 kg, with kilograms after it'],
  ['sept (7) quintaux et un kilogramme', 'fr', ['7', '700 kg', '701 kg', '1 kg'], 'the digits in parentheses'],
  ['3 quintali', 'it', ['300 kg'], 'Italian'],
  ['5 kentallik', 'tr', ['500 kg'], 'Turkish, with a suffix'],
  ['4 quintales de marihuana', 'es', ['400 kg', '400 lb'], 'Spanish: a hundred kilograms or a hundred pounds'],
  // Letters for a scale
  ['the haul was worth $60m, up to €50m, Dh143m, £85m, 60m euros', 'en', ['60000000', '50000000', '143000000', '85000000', '60000000'], 'money'],
  ['3m super-strength “Captagon” amphetamine pills, 64M captagon pills, 50k pills, 3m people', 'en', ['3000000', '64000000', '50000', '3000000'], 'counted pills and persons'],
  // Arabic unit nouns
  ['ضبط طنا و908 كيلو جرامات من الحشيش', 'ar', ['1 t', '1908 kg', '908 kg'], 'a ton and 908 kg'],
  ['طنين من الحشيش، طن ونصف', 'ar', ['2 t', '1.5 t'], 'the dual; a ton and a half'],
  // Figures set off between hyphens (Hellenic Police statements)
  ['εντοπίστηκαν -33- αυτοσχέδιες συσκευασίες, συνολικού μικτού βάρους -38- κιλών και -200- γραμμαρίων', 'el', ['33', '38 kg', '38.2 kg', '200 g'], 'a unit after the closing hyphen; kilograms and grams together'],
  ['10-38 κιλά, 2020-38 κιλά', 'el', ['10', '10 kg', '38 kg', '2020', '2020 kg', '38 kg'], 'a range keeps its reading: no hyphen closes the figure'],
  ['σελ. 5-38-12 κιλά', 'el', ['5', '38', '38 kg', '12 kg'], 'a figure joined to others by hyphens is not set off by them (38-12 kg is read as a range)'],
  // Half of the scale just named
  ['6 ملايين ونصف مليون حبة، 3 ملايين ونصف، مليون ونصف المليون', 'ar', ['6500000', '3500000', '1500000'], '"and half a million" after millions is six and a half million, not seven and a half'],
  // Hundreds as one word
  ['doscientos cinco, trescientos veinte kilos', 'es', ['205', '320 kg'], 'Spanish'],
  ['διακόσια πενήντα κιλά', 'el', ['250 kg'], 'Greek'],
  ['ثلاثمائة وخمسون، وتسعمائة وثمانية', 'ar', ['350', '908'], 'Arabic'],
  ['on bir, on beş bin', 'tr', ['11', '15000'], 'Turkish teens'],
];

test('readings of number words, fractions, quintals, letters for a scale and unit nouns', () => {
  for (const [text, lang, expected, why] of CASES) assert.deepEqual(read(text, lang), expected, `${lang} "${text}": ${why}`);
});

/** Texts in which none of the words is a number. */
const NO_NUMBER: [string, string, string][] = [
  ['tienduizenden, honderden, duizenden, miljoenen', 'nl', 'plurals of scale words are no number ("tienduizenden" is tens of thousands)'],
  ['de tweede container, de negende keer, achten', 'nl', 'ordinals and words that hold a number word'],
  ['milhares de pessoas, centenas, dezenas, milionários', 'pt', 'plurals of scale words'],
  ['ribuan orang, jutaan pil, ratusan', 'id', 'plurals of scale words ("ribuan" is thousands)'],
  ['no quintal de casa', 'pt', 'a Portuguese "quintal" is a backyard'],
  ['سعر الطن، وطن، بطن، على بعد كيلو متر', 'ar', 'the ton as a measure, "homeland", "belly", a kilometre'],
];

test('words that must not be read as numbers', () => {
  for (const [text, lang, why] of NO_NUMBER) assert.deepEqual(read(text, lang), [], `${lang} "${text}": ${why}`);
});

test('letters after digits that are a measure, not a scale', () => {
  const cases: [string, string, string[]][] = [
    ['a 3 m long boat', 'en', ['3']],
    ['The 20m semi-submersible craft', 'en', ['20']],
    ['a 20m vessel with two crew members', 'en', ['20', '2']],
    ['a 3m-long tunnel, 10m of cable, 15m away, a 5k run', 'en', ['3', '10', '15', '5']],
    ['la valeur de 3m pilules', 'fr', ['3'], ],
  ];
  for (const [text, lang, expected] of cases) assert.deepEqual(read(text, lang), expected, `${lang} "${text}"`);
});

test('"une demi-heure" and "eine halbe Stunde" are no half of anything counted here', () => {
  for (const [text, lang] of [['une demi-heure', 'fr'], ['eine halbe Stunde', 'de']]) {
    const values = readNumbers(text, lang).map((r) => r.value);
    assert.ok(!values.includes(0.5) && !values.includes(1.5), `${text}: ${values.join(', ')}`);
  }
});

test('Spanish "cerca de" stays "nearly"; Portuguese "cerca de" is "about"', () => {
  assert.deepEqual(read('cerca de 4.000 kilos', 'es'), ['4000 kg (nearly)']);
  assert.deepEqual(read('cerca de 4.000 quilos', 'pt'), ['4000 kg (about)']);
});
