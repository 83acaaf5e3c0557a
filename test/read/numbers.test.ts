import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNumber, mixesConventions, readDigitRun, readNumbers, readingMatches } from '../../server/src/core/read/numbers';

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

/** "value unit" of each reading, for compact expectations. */
const read = (text: string, lang?: string) => readNumbers(text, lang).map((r) => (r.unit ? `${r.value} ${r.unit}` : String(r.value)));
const first = (text: string, lang: string, value: number) => readNumbers(text, lang).find((r) => r.value === value);

test('number words and mixed forms in the languages of the reports', () => {
  const cases: [string, string, string[]][] = [
    ['34 milyon 270 bin uyuşturucu hap', 'tr', ['34270000']],
    ['7 milyon 326 bin adet captagon', 'tr', ['7326000']],
    ['34 milyon 617 bin 835 adet', 'tr', ['34617835']],
    ['yaklaşık bin 300 adet kamyon yağ filtresi', 'tr', ['1300']],
    ['1 milyonu aşkın hap', 'tr', ['1000000']],
    ['rund 3,2 Millionen Pillen', 'de', ['3200000']],
    ['rund 1,5 Tonnen', 'de', ['1.5 t']],
    ['zehn Kilo, dreihundertfünfzig Kilo, einundzwanzig', 'de', ['10 kg', '350 kg', '21']],
    ['eine Tonne Kokain', 'de', ['1 t']],
    ['quasi nove milioni di compresse', 'it', ['9000000']],
    ['circa 400mila litri di gasolio', 'it', ['400000 l']],
    ['quattrocentomila, duemila, ventitré', 'it', ['400000', '2000', '23']],
    ['veinte millones de euros, treinta y dos kilos', 'es', ['20000000', '32 kg']],
    ['mil millones, medio millón, una tonelada y media', 'es', ['1000000000', '500000', '1.5 t']],
    ['quatre millions de pilules', 'fr', ['4000000']],
    ['Les 9 millions de comprimés', 'fr', ['9000000']],
    ['soixante-dix, soixante et onze, quatre-vingts, quatre-vingt-dix-neuf, deux cent quatre-vingt mille', 'fr', ['70', '71', '80', '99', '280000']],
    ['διακόσια εκατομμύρια ευρώ', 'el', ['200000000']],
    ['4,4 εκατ. χάπια', 'el', ['4400000']],
    ['Τα έντεκα μέλη, 20 τόνων χασίς', 'el', ['11', '20 t']],
    ['5,3 mln tabletek', 'pl', ['5300000']],
    ['dwa tysiące', 'pl', ['2000']],
    ['14 مليونا و976 ألف حبة', 'ar', ['14976000']],
    ['másfél tonna hasis, háromszázötven', 'hu', ['1.5 t', '350']],
    ['elfu tatu, milioni tano', 'sw', ['3000', '5000000']],
    ['almost a ton and a half', 'en', ['1.5 t', '1.5 short_ton']],
    ['one and a half, two and a half million, a million and a half', 'en', ['1.5', '2500000', '1500000']],
    ['58 million and 25 thousand dirhams', 'en', ['58025000']],
    ['fifty-eight thousand', 'en', ['58000']],
  ];
  for (const [text, lang, expected] of cases) assert.deepEqual(read(text, lang), expected, `${lang}: ${text}`);
});

test('compound masses: one reading in kg, the parts kept', () => {
  assert.deepEqual(read('1 ton 831 kilogram', 'tr'), ['1 t', '1831 kg', '831 kg']);
  assert.deepEqual(read('1 ton and 150 kilograms', 'en'), ['1 t', '1 short_ton', '1150 kg', '1057.18474 kg', '150 kg']);
  assert.deepEqual(read('173 kilograms and 450 grams', 'en'), ['173 kg', '173.45 kg', '450 g']);
  assert.deepEqual(read('351 kilos and 725 grams', 'en'), ['351 kg', '351.725 kg', '725 g']);
  assert.deepEqual(read('تم ضبط 3 أطنان من 533 كيلوغرام', 'ar'), ['3 t', '3533 kg', '533 kg']);
  assert.deepEqual(read('2 tons and 384 kilos', 'tr'), ['2 t', '2384 kg', '384 kg']);
  assert.deepEqual(read('6 tons and 1,200 kilograms', 'en'), ['6 t', '6 short_ton', '1200 kg'], 'a part as large as the unit before it is no part of it');
  assert.deepEqual(read('10 kilos and 2 tons', 'en'), ['10 kg', '2 t', '2 short_ton'], 'a larger unit second is another figure');
});

test('a range shares the scale word or unit of its second end', () => {
  assert.deepEqual(read('tra i 150 e i 200 milioni di euro', 'it'), ['150', '150000000', '200000000']);
  assert.deepEqual(read('150-200 million', 'en'), ['150', '150000000', '200000000']);
  assert.deepEqual(read('between 2 and 3 tonnes', 'en'), ['2', '2 t', '3 t']);
  assert.deepEqual(read('2 suspects and 3 tonnes', 'en'), ['2', '3 t'], 'a number with its own noun is no end of a range');
});

test('units in the languages of the reports, before the number in Swahili', () => {
  assert.deepEqual(read('kilo 610 (pauni 1,345) za kokeini', 'sw'), ['610 kg', '1345 lb']);
  assert.deepEqual(read('610 kilogram kokain', 'tr'), ['610 kg']);
  assert.deepEqual(read('1 ton', 'tr'), ['1 t'], 'Turkish tons are metric');
  assert.deepEqual(read('1 ton', 'en'), ['1 t', '1 short_ton'], 'English tons may be short');
  assert.deepEqual(read('20 metric tons, 20 tonnes, 12 short tons', 'en'), ['20 t', '20 t', '12 short_ton']);
  assert.deepEqual(read('20 tonnellate, 3,2 toneladas, 750 κιλών, 750 kiló, 10 أطنان', undefined), ['20 t', '3.2 t', '750 kg', '750 kg', '10 t']);
  assert.deepEqual(read('1,452 kilograms (3,200 pounds)', 'en'), ['1452 kg', '3200 lb']);
  assert.deepEqual(read('(17,500) kilograms', 'en'), ['17500 kg']);
  assert.deepEqual(read('100 kilogramdan fazla', 'tr'), ['100 kg']);
});

test('separators: decided by the run, the language or a scale word, else ambiguous', () => {
  const r = (text: string, lang?: string) => readNumbers(text, lang).map((x) => `${x.value}${x.convention ? ' ' + x.convention : ''}${x.ambiguous ? '?' : ''}`);
  assert.deepEqual(r('4.400.000', 'en'), ['4400000 comma'], 'several identical separators group thousands');
  assert.deepEqual(r('3.054.000', 'ar'), ['3054000 comma']);
  assert.deepEqual(r('3,2', 'en'), ['3.2 comma'], 'not three digits after: decimal');
  assert.deepEqual(r('1,234.5'), ['1234.5 point'], 'a mixed run decides');
  assert.deepEqual(r('8.3 ملايين', 'ar'), ['8300000 point']);
  assert.deepEqual(r('1.500 مليون', 'ar'), ['1500000 point'], 'a scale word after makes the separator decimal');
  assert.deepEqual(r('3.225 kilos', 'es'), ['3225 comma']);
  assert.deepEqual(r('20.140 kg', 'it'), ['20140 comma']);
  assert.deepEqual(r('3.402 adet', 'tr'), ['3402 comma']);
  assert.deepEqual(r('1.500 millones', 'es'), ['1500000000 comma'], 'in Spanish the convention decides, scale word or not');
  assert.deepEqual(r('22.046 tons', 'en'), ['22.046 point', '22.046 point']);
  assert.deepEqual(r('(17,500) kilograms', 'en'), ['17500 point']);
  assert.deepEqual(r('1.600 كغ', 'ar'), ['1600 comma?', '1.6 point?']);
  assert.deepEqual(r('1.600'), ['1.6 point?', '1600 comma?']);
  assert.deepEqual(r('400 000', 'fr'), ['400000']);
});

test('a text that mixes the conventions is told', () => {
  assert.ok(mixesConventions(readNumbers('عُثر على 3.054.000 حبة ... أكثر من 8.3 ملايين حبة', 'ar')));
  assert.ok(!mixesConventions(readNumbers('1,350,000 pills and 1.5 tonnes', 'en')));
  assert.ok(!mixesConventions(readNumbers('(56) kilograms ... (17,500) kilograms', 'en')), 'a run the language decides tells nothing');
  assert.ok(mixesConventions(readNumbers('1,5 tonnes and 1,350,000 pills', 'en')));
});

test('hedges before and after the number', () => {
  const q = (text: string, lang: string, value: number) => {
    const x = first(text, lang, value)?.qualifier;
    return x && `${x.kind}:${x.text}`;
  };
  assert.equal(q('more than 5.3 million pills', 'en', 5300000), 'more_than:more than');
  assert.equal(q('at least two million', 'en', 2000000), 'at_least:at least');
  assert.equal(q('nearly 9 million', 'en', 9000000), 'nearly:nearly');
  assert.equal(q('some 1.75 tons', 'en', 1.75), 'about:some');
  assert.equal(q('up to 3000 million euros', 'en', 3000000000), 'up_to:up to');
  assert.equal(q('rund 460 Kilogramm', 'de', 460), 'about:rund');
  assert.equal(q('Mehr als 370 Kilogramm', 'de', 370), 'more_than:Mehr als');
  assert.equal(q('knapp 60 Millionen Euro', 'de', 60000000), 'nearly:knapp');
  assert.equal(q('más de 3,2 toneladas', 'es', 3.2), 'more_than:más de');
  assert.equal(q('casi 650 kilos', 'es', 650), 'nearly:casi');
  assert.equal(q('unos 20 millones', 'es', 20000000), 'about:unos');
  assert.equal(q('oltre 20 tonnellate', 'it', 20), 'more_than:oltre');
  assert.equal(q('Πάνω από 4.000.000', 'el', 4000000), 'more_than:Πάνω από');
  assert.equal(q('περίπου 93 κιλά', 'el', 93), 'about:περίπου');
  assert.equal(q('près de 9 millions', 'fr', 9000000), 'nearly:près de');
  assert.equal(q('أكثر من 8.3 ملايين', 'ar', 8300000), 'more_than:أكثر من');
  assert.equal(q('حوالي 65 كيلوغراما', 'ar', 65), 'about:حوالي');
  assert.equal(q('yaklaşık 12 milyon', 'tr', 12000000), 'about:yaklaşık');
  assert.equal(q('100 kilogramdan fazla kokain', 'tr', 100), 'more_than:fazla');
  assert.equal(q('több mint 750 kiló', 'hu', 750), 'more_than:több mint');
  assert.equal(q('Mintegy másfél tonna', 'hu', 1.5), 'about:Mintegy');
  assert.equal(q('ponad 5 mln', 'pl', 5000000), 'more_than:ponad');
  assert.equal(q('Zaidi ya kilo 600', 'sw', 600), 'more_than:Zaidi ya');
  assert.equal(q('seized 400 kilos', 'en', 400), undefined);
  assert.equal(q('do 5 kg', 'en', 5), undefined, 'Polish "do" is no hedge in English');
});

test('what a bare number counts', () => {
  const c = (text: string, lang: string, value: number) => {
    const x = first(text, lang, value);
    return x?.countOf && `${x.countOf}:${x.noun ?? ''}`;
  };
  assert.equal(c('5.3 million Captagon pills', 'en', 5300000), 'pills:pills');
  assert.equal(c('3.402 adet uyarıcı ve uyuşturucu hapı', 'tr', 3402), 'pills:hapı');
  assert.equal(c('Σε 4.400.000 ανέρχονται τα δισκία', 'el', 4400000), 'pills:δισκία');
  assert.equal(c('533 pastillas de cocaína', 'es', 533), 'pills:pastillas');
  assert.equal(c('14 مليونا و976 ألف حبة', 'ar', 14976000), 'pills:حبة');
  assert.equal(c('in 1,000 packages', 'en', 1000), 'packages:packages');
  assert.equal(c('in sieben Paketen', 'de', 7), 'packages:paketen');
  assert.equal(c('39 fardos', 'es', 39), 'packages:fardos');
  assert.equal(c('4 kişi gözaltına alındı', 'tr', 4), 'persons:kişi');
  assert.equal(c('11 persone sono state arrestate', 'it', 11), 'persons:persone');
  assert.equal(c('58 suspected drug dealers', 'en', 58), 'persons:dealers');
  assert.equal(c('12 شخصاً', 'ar', 12), 'persons:شخصاً');
  assert.equal(c('a 28-year-old Syrian', 'en', 28), 'age:year-old');
  assert.equal(c('aged 44', 'en', 44), 'age:aged');
  assert.equal(c('im Alter von 33 bis 45 Jahren', 'de', 33), 'age:alter');
  assert.equal(c('im Alter von 33 bis 45 Jahren', 'de', 45), 'age:jahren');
  assert.equal(c('A.A. (22, no ID), D.A. (44, Syrian)', 'en', 44), 'age:');
  assert.equal(c('28 yaşındaki', 'tr', 28), 'age:yaşındaki');
  assert.equal(c('$7,000', 'en', 7000), 'money:$');
  assert.equal(c('EUR 60 million', 'en', 60000000), 'money:eur');
  assert.equal(c('Dh58 million', 'en', 58000000), 'money:dh');
  assert.equal(c('60 millones de euros', 'es', 60000000), 'money:euros');
  assert.equal(c('1.800 Amerikan Doları', 'tr', 1800), 'money:doları');
  assert.equal(c('60 millió euróra', 'hu', 60000000), 'money:euróra');
  assert.equal(c('10 ملايين ليرة', 'ar', 10000000), 'money:ليرة');
  assert.equal(c('3,849 boxes of lemons', 'en', 3849), 'other:boxes');
  assert.equal(c('Captagon (215)', 'en', 215), undefined, 'a number in parentheses after a name that is not a list of people');
  assert.equal(first('461 Kilo Captagon', 'de', 461)?.countOf, undefined, 'a mass counts nothing');
});

test('reading is linear in the text: long texts of number words, compound masses and month names', () => {
  const words = ['one', 'two', 'twenty', 'three', 'hundred', 'thousand', 'million', 'and', 'a', 'half'];
  const parts: string[] = [];
  for (let i = 0, length = 0; length < 200_000; i++) {
    parts.push(words[(i * 7) % words.length] + (i % 3 === 0 ? ',' : ''));
    length += parts[i].length + 1;
  }
  const texts = [
    parts.join(' ').slice(0, 200_000),
    '6 tons and 183 kilograms '.repeat(8000),
    'may '.repeat(50_000),
    'milyon bin '.repeat(20_000),
    '1.000.'.repeat(30_000),
    'و'.repeat(200_000),
  ];
  for (const text of texts) {
    for (const lang of ['en', 'tr', 'ar', undefined]) {
      // Warmed up on a tenth of the text, the best of two readings.
      readNumbers(text.slice(0, 20_000), lang);
      let ms = Infinity;
      for (let i = 0; i < 2; i++) {
        // Processor time, not wall time: other work on the machine does not count.
        const t0 = process.cpuUsage();
        readNumbers(text + ' '.repeat(i), lang);
        const used = process.cpuUsage(t0);
        ms = Math.min(ms, (used.user + used.system) / 1000);
      }
      assert.ok(ms < 1000, `${text.slice(0, 30)}… (${text.length} characters, ${lang}): ${ms.toFixed(0)} ms`);
    }
  }
});
