import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDays,
  fullDay,
  readDateWords,
  resolveReading,
  weekdayCandidates,
  weekdayNumber,
  weekdaysIn,
  findDates,
} from '../../server/src/core/read/date-words';

/** Reads the words and resolves them: "start..end", or "needs <what>", or undefined for no date words. */
function days(words: string, opts: { year?: number; reference?: string } = {}): string | undefined {
  const r = readDateWords(words);
  if (!r) return undefined;
  const x = resolveReading(r, opts);
  return x.ok ? `${x.start}..${x.end}` : `needs ${x.needs}`;
}

test('months and parts of months', () => {
  assert.equal(days('In February', { year: 2025 }), '2025-02-01..2025-02-28');
  assert.equal(days('In February', { year: 2024 }), '2024-02-01..2024-02-29');
  assert.equal(days('In mid-March', { year: 2025 }), '2025-03-11..2025-03-20');
  assert.equal(days('in the middle of March', { year: 2025 }), '2025-03-11..2025-03-20');
  assert.equal(days('In early April', { year: 2025 }), '2025-04-01..2025-04-10');
  assert.equal(days('late February 2025'), '2025-02-21..2025-02-28');
  assert.equal(days('at the end of January', { year: 2026 }), '2026-01-21..2026-01-31');
  assert.equal(days('the first week of March 2025'), '2025-03-01..2025-03-07');
  assert.equal(days('the last week of February 2025'), '2025-02-22..2025-02-28');
  assert.equal(readDateWords('In mid-March')?.level, 'part-month');
  assert.equal(readDateWords('In mid-March')?.label, 'mid-March');
  assert.equal(readDateWords('In early April')?.label, 'early April');
  assert.equal(readDateWords('In February')?.level, 'month');
});

test('a month without a year takes the year from the claim, else the latest before the reference', () => {
  assert.equal(days('in March'), 'needs year');
  assert.equal(days('in March', { reference: '2025-09-14' }), '2025-03-01..2025-03-31');
  assert.equal(days('in December', { reference: '2025-09-14' }), '2024-12-01..2024-12-31');
  assert.equal(days('in March 2024', { year: 2025 }), '2024-03-01..2024-03-31');
});

test('days', () => {
  assert.equal(days('On January 15', { year: 2026 }), '2026-01-15..2026-01-15');
  assert.equal(days('15 January 2026'), '2026-01-15..2026-01-15');
  assert.equal(days('on the 14th of March, 2025'), '2025-03-14..2025-03-14');
  assert.equal(days('March 14th, 2025'), '2025-03-14..2025-03-14');
  assert.equal(readDateWords('On January 15')?.level, 'day');
});

test('years and parts of years', () => {
  assert.equal(days('in 2025'), '2025-01-01..2025-12-31');
  assert.equal(days('late 2024'), '2024-09-01..2024-12-31');
  assert.equal(days('mid-2025'), '2025-05-01..2025-08-31');
  assert.equal(days('by the end of 2024'), '2024-09-01..2024-12-31');
  assert.equal(readDateWords('late 2024')?.level, 'part-year');
  assert.equal(readDateWords('in 2025')?.level, 'year');
});

test('relative words need the publication date', () => {
  assert.equal(days('last month'), 'needs reference');
  assert.equal(days('last month', { reference: '2025-04-02' }), '2025-03-01..2025-03-31');
  assert.equal(days('last month', { reference: '2026-01-10' }), '2025-12-01..2025-12-31');
  assert.equal(days('Over the past week', { reference: '2025-04-02' }), '2025-03-26..2025-04-02');
  assert.equal(days('last week', { reference: '2025-04-02' }), '2025-03-20..2025-04-01');
  assert.equal(days('earlier this month', { reference: '2025-04-12' }), '2025-04-01..2025-04-12');
  assert.equal(days('yesterday', { reference: '2025-03-01' }), '2025-02-28..2025-02-28');
  assert.equal(days('in recent days', { reference: '2025-03-11' }), '2025-03-01..2025-03-11');
  assert.equal(days('a partial month', { reference: '2025-04-02' }), undefined);
  assert.equal(days('last month', { reference: '2025-04' }), 'needs reference', 'a partial publication date is no reference');
  assert.equal(readDateWords('Over the past week')?.level, 'week');
  assert.equal(readDateWords('last month')?.level, 'month');
});

test('words that are no date', () => {
  assert.equal(readDateWords('Simultaneously'), undefined);
  assert.equal(readDateWords('previously announced'), undefined);
  assert.equal(readDateWords('the seizure may have been larger'), undefined, '"may" the verb is not the month');
  assert.equal(readDateWords(''), undefined);
  assert.equal(readDateWords(null), undefined);
  assert.equal(days('early May', { year: 2025 }), '2025-05-01..2025-05-10');
});

test('weekdays, English and Arabic', () => {
  assert.deepEqual(weekdaysIn('announced on Tuesday').map((m) => [m.weekday, m.last]), [[2, false]]);
  assert.deepEqual(weekdaysIn('the ministry said on Wednesday').map((m) => [m.weekday, m.last]), [[3, false]]);
  assert.deepEqual(weekdaysIn('last Wednesday').map((m) => [m.weekday, m.last]), [[3, true]]);
  assert.deepEqual(weekdaysIn('next Monday'), []);
  assert.deepEqual(weekdaysIn('أعلنت الوزارة يوم الأربعاء').map((m) => [m.weekday, m.last]), [[3, false]]);
  assert.deepEqual(weekdaysIn('يوم الثلاثاء الماضي').map((m) => [m.weekday, m.last]), [[2, true]]);
  assert.deepEqual(weekdaysIn('والخميس').map((m) => m.weekday), [4]);
  assert.deepEqual(weekdaysIn('يوم الأحد').map((m) => m.weekday), [0]);
  assert.deepEqual(weekdaysIn('أحد المهربين'), [], '"one of the smugglers" is not Sunday');
  assert.deepEqual(weekdaysIn('الاثنين من المهربين'), [], '"the two" is not Monday without يوم');
  assert.deepEqual(weekdaysIn('Simultaneously'), []);
});

test('weekday candidates up to the publication date', () => {
  assert.equal(weekdayNumber('2026-02-10'), 2); // a Tuesday
  assert.deepEqual(weekdayCandidates({ weekday: 2, last: false }, '2026-02-10'), ['2026-02-10']);
  assert.deepEqual(weekdayCandidates({ weekday: 3, last: false }, '2026-02-10'), ['2026-02-04']);
  assert.deepEqual(weekdayCandidates({ weekday: 3, last: true }, '2026-02-10'), ['2026-01-28', '2026-02-04']);
  assert.equal(days('on Wednesday', { reference: '2026-02-10' }), '2026-02-04..2026-02-04');
  assert.equal(days('on Wednesday'), 'needs reference');
});

test('Arabic months, parts and relative words', () => {
  assert.equal(days('منتصف آذار 2025'), '2025-03-11..2025-03-20');
  assert.equal(days('في شباط', { year: 2025 }), '2025-02-01..2025-02-28');
  assert.equal(days('أواخر فبراير', { year: 2025 }), '2025-02-21..2025-02-28');
  assert.equal(days('١٥ كانون الثاني ٢٠٢٦'), '2026-01-15..2026-01-15');
  assert.equal(days('الشهر الماضي', { reference: '2025-04-02' }), '2025-03-01..2025-03-31');
  assert.equal(days('خلال الأسبوع الماضي', { reference: '2025-04-02' }), '2025-03-26..2025-04-02');
  assert.equal(days('أواخر 2024'), '2024-09-01..2024-12-31');
});

test('showing intervals', () => {
  assert.equal(formatDays('2025-03-11', '2025-03-20'), '11–20 March 2025');
  assert.equal(formatDays('2025-02-01', '2025-02-28'), 'February 2025');
  assert.equal(formatDays('2025-01-01', '2025-12-31'), '2025');
  assert.equal(formatDays('2025-03-14', '2025-03-14'), '14 March 2025');
  assert.equal(formatDays('2025-02-01', '2025-03-31'), 'February–March 2025');
  assert.equal(formatDays('2025-02-21', '2025-03-10'), '21 February – 10 March 2025');
  assert.equal(formatDays('2024-12-21', '2025-01-10'), '21 December 2024 – 10 January 2025');
  assert.equal(formatDays(undefined, '2026-02-10'), 'on or before 10 February 2026');
  assert.equal(formatDays('2026-02-10', undefined), 'on or after 10 February 2026');
  assert.equal(fullDay('2026-02-10'), '2026-02-10');
  assert.equal(fullDay('2026-02'), undefined);
  assert.equal(fullDay(null), undefined);
});

/** Reads the words in a language and resolves them: "start..end", "needs <what>", or undefined. */
function daysIn(words: string, lang: string, reference?: string): string | undefined {
  const r = readDateWords(words, lang);
  if (!r) return undefined;
  const x = resolveReading(r, { reference });
  return x.ok ? `${x.start}..${x.end}` : `needs ${x.needs}`;
}

test('written dates in every order and form', () => {
  const cases: [string, string, string][] = [
    ['26.01.2022 tarihinde', 'tr', '2022-01-26..2022-01-26'],
    ['Sendung: BR24 Nachrichten, 21.12.2023 10:45 Uhr', 'de', '2023-12-21..2023-12-21'],
    ['on 2021-04-23', 'en', '2021-04-23..2021-04-23'],
    ['the 26th of June 2021', 'en', '2021-06-26..2021-06-26'],
    ['June the 26th, 2021', 'en', '2021-06-26..2021-06-26'],
    ['26 June 2021', 'en', '2021-06-26..2021-06-26'],
    ['Aug. 9, 2018', 'en', '2018-08-09..2018-08-09'],
    ['el pasado viernes 16 de junio de 2023', 'es', '2023-06-16..2023-06-16'],
    ['18 Kasım 2015', 'tr', '2015-11-18..2015-11-18'],
    ['mercredi 29 décembre 2021', 'fr', '2021-12-29..2021-12-29'],
    ['23 kwietnia 2021', 'pl', '2021-04-23..2021-04-23'],
    ['Στις 15 Δεκεμβρίου 2018', 'el', '2018-12-15..2018-12-15'],
    ['am 15. März 2025', 'de', '2025-03-15..2025-03-15'],
    ['between Nov. 16 and 23, 2022', 'en', '2022-11-16..2022-11-23'],
    ['from 12 to 19 July 2021', 'en', '2021-07-12..2021-07-19'],
    ['on December 4, 5 and 8, 2021', 'en', '2021-12-04..2021-12-08'],
    ['بين 16 و 23 تشرين الثاني 2022', 'ar', '2022-11-16..2022-11-23'],
  ];
  for (const [words, lang, expected] of cases) assert.equal(daysIn(words, lang), expected, `${lang}: ${words}`);
  assert.equal(readDateWords('between Nov. 16 and 23', 'en')?.level, 'week', 'a span of a week');
  assert.equal(readDateWords('from 1 to 19 July', 'en')?.level, 'part-month');
  assert.equal(readDateWords('04/05/2021', 'en')?.level, 'year', 'day and month undecided: no day guessed');
});

test('a day and month without a year: the latest on or before the reference, else unresolved', () => {
  assert.equal(daysIn('on November 1', 'en', '2021-12-23'), '2021-11-01..2021-11-01');
  assert.equal(daysIn('on December 29', 'en', '2021-12-23'), '2020-12-29..2020-12-29');
  assert.equal(daysIn('on December 23', 'en', '2021-12-23'), '2021-12-23..2021-12-23');
  assert.equal(daysIn('on January 14', 'en'), 'needs year', 'no reference, no guessed year');
  assert.equal(daysIn('viernes 16 de junio', 'es'), 'needs year');
  assert.equal(daysIn('18 Kasım', 'tr', '2015-11-21'), '2015-11-18..2015-11-18');
});

test('month names and parts of months in every language', () => {
  const cases: [string, string, string][] = [
    ['Im Oktober 2023', 'de', '2023-10-01..2023-10-31'],
    ['Anfang Oktober 2023', 'de', '2023-10-01..2023-10-10'],
    ['a principios de noviembre de 2021', 'es', '2021-11-01..2021-11-10'],
    ['a metà ottobre 2018', 'it', '2018-10-11..2018-10-20'],
    ['fin décembre 2021', 'fr', '2021-12-21..2021-12-31'],
    ['Ekim 2023 başında', 'tr', '2023-10-01..2023-10-10'],
    ['Ekim başında', 'tr', 'needs year'],
    ['τέλη Οκτωβρίου 2019', 'el', '2019-10-21..2019-10-31'],
    ['w kwietniu 2021', 'pl', '2021-04-01..2021-04-30'],
    ['október elején 2020', 'hu', '2020-10-01..2020-10-10'],
    ['Oktoba 2023', 'sw', '2023-10-01..2023-10-31'],
    ['أواخر تشرين الأول 2019', 'ar', '2019-10-21..2019-10-31'],
  ];
  for (const [words, lang, expected] of cases) assert.equal(daysIn(words, lang), expected, `${lang}: ${words}`);
  assert.equal(readDateWords('Mart', 'tr'), undefined, 'a short name that is a word too needs a day, a year or a preposition');
  assert.equal(readDateWords('18 Kasım')?.month, 11, 'without a language, a foreign month beside a day');
  assert.equal(readDateWords('Kasım'), undefined, 'without a language, a foreign month alone is no date');
});

test('relative words in every language: yesterday, today, weeks, months, years', () => {
  const ref = '2022-02-16'; // a Wednesday
  const cases: [string, string, string][] = [
    ['said in a statement yesterday', 'en', '2022-02-15..2022-02-15'],
    ['gestern', 'de', '2022-02-15..2022-02-15'],
    ['ayer', 'es', '2022-02-15..2022-02-15'],
    ['ieri', 'it', '2022-02-15..2022-02-15'],
    ['χθες', 'el', '2022-02-15..2022-02-15'],
    ['hier', 'fr', '2022-02-15..2022-02-15'],
    ['أمس', 'ar', '2022-02-15..2022-02-15'],
    ['dün', 'tr', '2022-02-15..2022-02-15'],
    ['jana', 'sw', '2022-02-15..2022-02-15'],
    ['σήμερα', 'el', '2022-02-16..2022-02-16'],
    ['heute', 'de', '2022-02-16..2022-02-16'],
    ['bugün', 'tr', '2022-02-16..2022-02-16'],
    ["aujourd'hui", 'fr', '2022-02-16..2022-02-16'],
    ['اليوم الأربعاء', 'ar', '2022-02-16..2022-02-16'],
    ['this week', 'en', '2022-02-10..2022-02-16'],
    ['cette semaine', 'fr', '2022-02-10..2022-02-16'],
    ['diese Woche', 'de', '2022-02-10..2022-02-16'],
    ['la semana pasada', 'es', '2022-02-03..2022-02-15'],
    ['earlier this month', 'en', '2022-02-01..2022-02-16'],
    ['last month', 'en', '2022-01-01..2022-01-31'],
    ['il mese scorso', 'it', '2022-01-01..2022-01-31'],
    ['last year', 'en', '2021-01-01..2021-12-31'],
    ['Πέρσι', 'el', '2021-01-01..2021-12-31'],
    ['geçen yıl', 'tr', '2021-01-01..2021-12-31'],
    ['letztes Jahr', 'de', '2021-01-01..2021-12-31'],
    ['el año pasado', 'es', '2021-01-01..2021-12-31'],
    ["l'anno scorso", 'it', '2021-01-01..2021-12-31'],
    ['tavaly', 'hu', '2021-01-01..2021-12-31'],
    ['w zeszłym roku', 'pl', '2021-01-01..2021-12-31'],
    ['mwaka jana', 'sw', '2021-01-01..2021-12-31'],
    ['during the past hours', 'en', '2022-02-15..2022-02-16'],
  ];
  for (const [words, lang, expected] of cases) assert.equal(daysIn(words, lang, ref), expected, `${lang}: ${words}`);
  assert.equal(readDateWords('this week', 'en')?.level, 'week', 'a week, never a day');
  assert.equal(readDateWords('la semaine dernière', 'fr')?.level, 'week');
  assert.equal(readDateWords('Earlier this month', 'en')?.level, 'month');
  assert.equal(readDateWords('Πέρσι', 'el')?.level, 'year');
});

test('N years ago: a year, give or take one', () => {
  const ref = '2018-03-10';
  for (const [words, lang] of [
    ['two years ago', 'en'],
    ['2 years ago', 'en'],
    ['vor zwei Jahren', 'de'],
    ['hace dos años', 'es'],
    ['due anni fa', 'it'],
    ['il y a deux ans', 'fr'],
    ['iki yıl önce', 'tr'],
    ['πριν από δύο χρόνια', 'el'],
    ['قبل عامين', 'ar'],
    ['dwa lata temu', 'pl'],
    ['két évvel ezelőtt', 'hu'],
    ['miaka miwili iliyopita', 'sw'],
  ]) {
    const r = readDateWords(words, lang);
    assert.deepEqual([r?.level, r?.relative?.count, r?.approximate], ['year', 2, { unit: 'year', by: 1 }], `${lang}: ${words}`);
    assert.equal(daysIn(words, lang, ref), '2015-01-01..2017-12-31', `${lang}: ${words}`);
  }
  assert.equal(daysIn('6 months ago', 'en', '2020-03-05'), '2019-08-01..2019-10-31');
  assert.equal(daysIn('a year ago', 'en', '2020-03-05'), '2018-01-01..2020-03-05');
  assert.equal(readDateWords('two years of work', 'en'), undefined, 'no "ago": no date');
});

test('words that place nothing: no reading, listed as vague', () => {
  assert.equal(readDateWords('The Dubai Police has recently arrested four Arabs', 'en'), undefined);
  assert.deepEqual(
    findDates('The Dubai Police has recently arrested four Arabs', 'en').map((f) => [f.text, f.vague, f.reading]),
    [['recently', true, undefined]],
  );
  assert.equal(findDates('وقد تم ضبطه مؤخرا', 'ar')[0]?.vague, true);
});

test('weekdays in every language, resolved back from the publication', () => {
  const cases: [string, string, string, string][] = [
    // [words, language, publication day, the day meant]
    ['in a statement released late Friday', 'en', '2024-08-12', '2024-08-09'],
    ['Martedì, a Catania', 'it', '2018-08-09', '2018-08-07'],
    ['teilten … am Donnerstag mit', 'de', '2023-12-21', '2023-12-21'],
    ['vasárnap érkezett', 'hu', '2020-09-03', '2020-08-30'],
    ['mnamo Ijumaa', 'sw', '2023-10-27', '2023-10-27'],
    ['a annoncé mercredi', 'fr', '2021-12-31', '2021-12-29'],
    ['Perşembe günü', 'tr', '2024-11-22', '2024-11-21'],
    ['την Πέμπτη', 'el', '2024-11-22', '2024-11-21'],
    ['w czwartek', 'pl', '2024-11-22', '2024-11-21'],
    ['يوم الخميس', 'ar', '2024-11-22', '2024-11-21'],
  ];
  for (const [words, lang, ref, expected] of cases) assert.equal(daysIn(words, lang, ref), `${expected}..${expected}`, `${lang}: ${words}`);
  assert.equal(daysIn('el pasado viernes', 'es', '2023-06-20'), '2023-06-09..2023-06-16', 'the previous Friday, as "last Friday": any of the 13 days before');
  assert.deepEqual(weekdaysIn('el viernes pasado', 'es').map((m) => [m.weekday, m.last]), [[5, true]]);
  assert.deepEqual(weekdaysIn('giovedì scorso', 'it').map((m) => [m.weekday, m.last]), [[4, true]]);
  assert.deepEqual(weekdaysIn('jeudi dernier', 'fr').map((m) => [m.weekday, m.last]), [[4, true]]);
  assert.deepEqual(weekdaysIn('geçen Cuma', 'tr').map((m) => [m.weekday, m.last]), [[5, true]]);
  assert.deepEqual(weekdaysIn('am nächsten Montag', 'de'), [], 'a coming weekday is no past date');
  assert.deepEqual(weekdaysIn('am Donnerstag'), [], 'without a language, only English and Arabic names');
  assert.deepEqual(weekdaysIn('am Donnerstag', 'de').map((m) => m.text), ['Donnerstag']);
});

test('findDates: every expression of a text with its offsets, in order', () => {
  const text = 'Customs said on Wednesday, 29 December 2021, that the 9 million pills seized last week… «recently».';
  const found = findDates(text, 'en');
  assert.deepEqual(
    found.map((f) => [f.text, f.reading?.label ?? 'vague']),
    [
      ['Wednesday', 'Wednesday'],
      ['29 December 2021', '29 December 2021'],
      ['last week', 'last week'],
      ['recently', 'vague'],
    ],
  );
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
  // Offsets are UTF-16 code units: Arabic and emoji before a date land on the right characters.
  const ar = '🚢 أعلنت الجمارك يوم الأربعاء ٢٩ كانون الأول ٢٠٢١';
  for (const f of findDates(ar, 'ar')) assert.equal(ar.slice(f.start, f.end), f.text);
  assert.deepEqual(findDates(ar, 'ar').map((f) => f.reading?.label), ['Wednesday', '29 December 2021']);
});

test('date reading is linear in the text', () => {
  for (const text of ['may '.repeat(50_000), 'on December 4, 5 and 8 '.repeat(8000), '1, '.repeat(60_000) + 'May', 'the past '.repeat(25_000), 'وو '.repeat(60_000)]) {
    for (const lang of ['en', 'ar', undefined]) {
      findDates(text.slice(0, 20_000), lang);
      let ms = Infinity;
      for (let i = 0; i < 2; i++) {
        // Processor time, not wall time: other work on the machine does not count.
        const t0 = process.cpuUsage();
        findDates(text + ' '.repeat(i), lang);
        const used = process.cpuUsage(t0);
        ms = Math.min(ms, (used.user + used.system) / 1000);
      }
      assert.ok(ms < 1000, `${text.slice(0, 24)}… (${text.length} characters, ${lang}): ${ms.toFixed(0)} ms`);
    }
  }
});
