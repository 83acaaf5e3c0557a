#!/usr/bin/env node
// Generates a realistic Haulcheck dataset for benchmarks: seeded and deterministic (the same seed and
// count give byte-identical files).
//
//   node scripts/bench/generate.mjs --events N --out DIR [--single-file] [--seed S] [--bad-rate 0.04]
//
// DIR receives haulcheck.yaml, registries/ (copied from samples/), schemas/ (copied from schemas/, so
// that the files' `$schema` modelines resolve for other YAML tools), and events/<year>/<id>.yaml, one
// event a file — or, with --single-file, events/events.yaml holding the same events as one
// multi-document stream. Events are modelled on samples/: countries SY/IQ/LB/JO/SA/IR, drugs from the
// registry, figures with qualifiers, as_reported text and sources, one to three sources with quotes
// that contain the figures (English, some Arabic), date claims, agencies. A few percent (--bad-rate)
// carry a deliberate inconsistency: a tablet mass out of the registry's band, two sources
// disagreeing on a weight, or an event dated after its source's publication.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** mulberry32: small, fast, and the same sequence on every platform. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** Log-uniform between lo and hi. */
    log: (lo, hi) => Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo))),
  };
}

const TODAY = '2026-03-01';

const COUNTRIES = {
  SY: {
    name: 'Syria',
    weight: 0.4,
    places: [
      ['Homs', 'Homs', 34.73, 36.71, 'حمص'],
      ['Damascus', 'Damascus', 33.51, 36.29, 'دمشق'],
      ['Rural Damascus', 'Douma', 33.57, 36.4, 'ريف دمشق'],
      ['Daraa', 'Nasib', 32.56, 36.19, 'درعا'],
      ['Latakia', 'Latakia', 35.53, 35.79, 'اللاذقية'],
      ['Aleppo', 'Al-Rai', 36.6, 37.07, 'حلب'],
      ['Tartus', 'Tartus', 34.89, 35.89, 'طرطوس'],
      ['Suwayda', 'Suwayda', 32.71, 36.57, 'السويداء'],
      ['Deir ez-Zor', 'Albu Kamal', 34.45, 40.92, 'دير الزور'],
    ],
    agencies: ['sy-moi-anti-narcotics', 'sy-isd', 'sy-gaslbc'],
    announcer: 'sy-moi',
    demonym: 'Syrian',
  },
  IQ: {
    name: 'Iraq',
    weight: 0.2,
    places: [
      ['Anbar', 'Al-Qaim', 34.37, 41.09, 'الأنبار'],
      ['Baghdad', 'Baghdad', 33.31, 44.36, 'بغداد'],
      ['Basra', 'Umm Qasr', 30.03, 47.95, 'البصرة'],
      ['Nineveh', 'Rabia', 36.8, 42.1, 'نينوى'],
      ['Erbil', 'Erbil', 36.19, 44.01, 'أربيل'],
      ['Diyala', 'Mandali', 33.75, 45.55, 'ديالى'],
    ],
    agencies: ['iq-gdnps', 'iq-ins'],
    announcer: 'iq-moi',
    demonym: 'Iraqi',
  },
  LB: {
    name: 'Lebanon',
    weight: 0.1,
    places: [
      ['Bekaa', 'Zahle', 33.85, 35.9, 'البقاع'],
      ['Baalbek-Hermel', 'Hermel', 34.39, 36.38, 'بعلبك الهرمل'],
      ['Beirut', 'Beirut port', 33.9, 35.52, 'بيروت'],
      ['Akkar', 'Qoubaiyat', 34.57, 36.28, 'عكار'],
    ],
    agencies: ['lb-authorities'],
    announcer: 'lb-authorities',
    demonym: 'Lebanese',
  },
  JO: {
    name: 'Jordan',
    weight: 0.15,
    places: [
      ['Mafraq', 'Jaber crossing', 32.53, 36.2, 'المفرق'],
      ['Irbid', 'Ramtha', 32.56, 36.01, 'إربد'],
      ['Amman', 'Amman', 31.95, 35.93, 'عمّان'],
      ['Aqaba', 'Aqaba port', 29.53, 35.0, 'العقبة'],
    ],
    agencies: ['jo-armed-forces'],
    announcer: 'jo-armed-forces',
    demonym: 'Jordanian',
  },
  SA: {
    name: 'Saudi Arabia',
    weight: 0.1,
    places: [
      ['Riyadh', 'Riyadh', 24.71, 46.68, 'الرياض'],
      ['Eastern Province', 'Dammam', 26.43, 50.1, 'المنطقة الشرقية'],
      ['Northern Borders', 'Al-Haditha', 31.45, 37.15, 'الحدود الشمالية'],
      ['Makkah', 'Jeddah port', 21.49, 39.18, 'مكة المكرمة'],
      ['Tabuk', 'Durra', 28.38, 36.57, 'تبوك'],
    ],
    agencies: ['sa-gdnc'],
    announcer: 'sa-gdnc',
    demonym: 'Saudi',
  },
  IR: {
    name: 'Iran',
    weight: 0.05,
    places: [
      ['Sistan and Baluchestan', 'Zahedan', 29.5, 60.86, 'سيستان وبلوشستان'],
      ['Razavi Khorasan', 'Mashhad', 36.3, 59.6, 'خراسان رضوي'],
      ['Kurdistan', 'Baneh', 35.99, 45.88, 'كردستان'],
    ],
    agencies: ['ir-dchq', 'ir-police'],
    announcer: 'ir-police',
    demonym: 'Iranian',
  },
};

const PUBLISHERS = [
  { id: 'thenational', name: 'The National', host: 'www.thenationalnews.com', lang: 'en' },
  { id: 'asharq', name: 'Asharq Al-Awsat', host: 'english.aawsat.com', lang: 'en' },
  { id: 'rudaw', name: 'Rudaw', host: 'www.rudaw.net', lang: 'en' },
  { id: 'medialine', name: 'The Media Line', host: 'themedialine.org', lang: 'en' },
  { id: 'kurdistan24', name: 'Kurdistan24', host: 'www.kurdistan24.net', lang: 'en' },
  { id: 'enabbaladi', name: 'Enab Baladi', host: 'english.enabbaladi.net', lang: 'en' },
  { id: 'arabnews', name: 'Arab News', host: 'www.arabnews.com', lang: 'en' },
  { id: 'jordantimes', name: 'The Jordan Times', host: 'jordantimes.com', lang: 'en' },
  { id: 'lorient', name: "L'Orient Today", host: 'today.lorientlejour.com', lang: 'en' },
  { id: 'sana', name: 'SANA', host: 'sana.sy', lang: 'ar' },
  { id: 'alarabiya', name: 'Al Arabiya', host: 'www.alarabiya.net', lang: 'ar' },
  { id: 'shafaq', name: 'Shafaq News', host: 'shafaq.com', lang: 'ar' },
  { id: 'petra', name: 'Petra', host: 'petra.gov.jo', lang: 'ar' },
];

/** Drug kinds: what is counted, what is weighed, the unit mass of a tablet (mg) when counted. */
const DRUGS = [
  { id: 'captagon', form: 'tablet', count: 'tablets', mg: [150, 170], p: 0.55, en: 'Captagon pills', ar: 'حبة كبتاغون', name: 'Captagon' },
  { id: 'hashish', form: 'resin', weigh: true, p: 0.15, en: 'hashish', ar: 'من الحشيش', name: 'hashish' },
  { id: 'methamphetamine', form: 'crystal', weigh: true, p: 0.1, en: 'crystal meth', ar: 'من الكريستال ميث', name: 'crystal meth' },
  { id: 'heroin', form: 'powder', weigh: true, p: 0.05, en: 'heroin', ar: 'من الهيروين', name: 'heroin' },
  { id: 'cannabis', form: 'plant', weigh: true, p: 0.05, en: 'cannabis', ar: 'من القنب', name: 'cannabis' },
  { id: 'narcotic-pills', form: 'tablet', count: 'tablets', p: 0.1, en: 'narcotic pills', ar: 'حبة مخدرة', name: 'narcotic pills' },
];

const CONCEALMENT = [
  'hidden inside a lorry',
  'concealed in a shipment of pomegranates',
  'packed inside industrial machinery',
  'hidden in the fuel tank of a car',
  'stashed in a shipment of furniture',
  'concealed among bags of animal feed',
  null,
  null,
];

const QUALIFIER_WORDS = {
  exact: [''],
  about: ['about ', 'approximately ', 'around ', 'some ', 'an estimated '],
  more_than: ['more than ', 'over '],
  at_least: ['at least '],
  up_to: ['up to '],
};
const QUALIFIER_AR = { exact: '', about: 'نحو ', more_than: 'أكثر من ', at_least: 'ما لا يقل عن ', up_to: 'ما يصل إلى ' };
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_AR = ['الأحد', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const pad = (n) => String(n).padStart(2, '0');
const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** Two significant figures, as news reports round: 387,412 → 390,000. */
function nice(n) {
  if (n < 10) return Math.max(1, Math.round(n));
  const p = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / p) * p;
}
/** Three significant figures, for weights read off a scale: 64.32 → 64.3. */
function nice3(n) {
  const p = 10 ** (Math.floor(Math.log10(n)) - 2);
  return Math.round(Math.round(n / p) * p * 1000) / 1000;
}
const round1 = (x) => Math.round(x * 10) / 10;
function dayToIso(day) {
  const d = new Date(day * 86400000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const isoToDay = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86400000);
const slug = (s) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
/** A YAML double-quoted scalar (JSON strings are valid YAML 1.2). */
const q = (s) => JSON.stringify(s);

/** A count or weight phrase in English: "approximately 400,000 Captagon pills". */
function enCount(n, qualifier, rng) {
  return `${rng.pick(QUALIFIER_WORDS[qualifier])}${grouped(n)}`;
}
function enWeight(kg, qualifier, rng) {
  const w = rng.pick(QUALIFIER_WORDS[qualifier]);
  if (kg >= 1000 && rng.chance(0.5)) return { text: `${w}${round1(kg / 1000)} tonnes`, value: round1(kg / 1000), unit: 't' };
  return { text: `${w}${grouped(kg)} kilograms`, value: kg, unit: 'kg' };
}
const persons = (n) => (n <= 10 ? WORDS[n] : grouped(n));

/** One event as YAML text (no modeline) and its id and year. */
function makeEvent(rng, serial, spanDays, badRate) {
  // Country, place, drug.
  let r = rng.next();
  let cc = 'SY';
  for (const [code, c] of Object.entries(COUNTRIES)) {
    if ((r -= c.weight) < 0) {
      cc = code;
      break;
    }
  }
  const country = COUNTRIES[cc];
  const [admin1, place, lat, lon, placeAr] = rng.pick(country.places);
  r = rng.next();
  let drug = DRUGS[0];
  for (const d of DRUGS) {
    if ((r -= d.p) < 0) {
      drug = d;
      break;
    }
  }
  const bad = rng.chance(badRate) ? rng.pick(['tablet-mass', 'source-conflict', 'after-publication']) : undefined;
  const badKind = bad === 'tablet-mass' && !drug.mg ? 'source-conflict' : bad;

  // Dates: the event, then each source's publication a few days later.
  const todayDay = isoToDay(TODAY);
  const eventDay = todayDay - 3 - rng.int(0, spanDays);
  const eventIso = dayToIso(eventDay);
  const year = eventIso.slice(0, 4);
  const nSources = rng.chance(0.55) ? 1 : rng.chance(0.7) ? 2 : 3;
  const pubs = [];
  const used = new Set();
  while (pubs.length < nSources) {
    const p = rng.pick(PUBLISHERS);
    if (used.has(p.id)) continue;
    used.add(p.id);
    pubs.push(p);
  }
  const id = `${eventIso}-${cc.toLowerCase()}-${slug(place)}-${drug.id}-${serial.toString(36)}`;

  // Figures.
  const qualifier = rng.pick(['about', 'about', 'about', 'exact', 'exact', 'more_than', 'at_least', 'up_to']);
  let count;
  let kg;
  if (drug.mg) {
    count = nice(rng.log(5000, 15_000_000));
    if (rng.chance(0.6)) {
      // Unit masses clear of the round values figures/derived reads as conversions (150, 200 mg, 6,000 a kilo).
      const mg = drug.id === 'captagon' ? rng.int(152, 163) : rng.int(172, 195);
      kg = nice3((count * mg) / 1e6);
      if (badKind === 'tablet-mass') kg = nice(kg * rng.pick([8, 10, 12]));
    }
  } else {
    kg = nice(rng.log(2, 9000));
  }
  const arrests = rng.chance(0.7) ? (rng.chance(0.8) ? rng.int(1, 10) : rng.int(11, 60)) : undefined;
  const concealment = rng.pick(CONCEALMENT);

  // Each source: its figures (a second source may disagree), its quotes.
  const perSource = pubs.map((p, i) => {
    const disagree = badKind === 'source-conflict' && i === 1;
    const srcKg = kg === undefined ? undefined : disagree ? nice(kg * rng.pick([1.5, 2, 10])) : kg;
    const pubDay = badKind === 'after-publication' && i === 0 ? eventDay - rng.int(3, 20) : eventDay + rng.int(0, 4);
    const ar = p.lang === 'ar';
    const quotes = [];
    let countText;
    let weight;
    if (ar) {
      const head = `أعلنت السلطات ${country.demonym === 'Syrian' ? 'السورية' : ''} ضبط`.replace(/\s+/g, ' ');
      if (count !== undefined) countText = `${QUALIFIER_AR[qualifier]}${grouped(count)} ${drug.ar}`;
      if (srcKg !== undefined) weight = { text: `${QUALIFIER_AR[qualifier]}${grouped(srcKg)} كيلوغرام`, value: srcKg, unit: 'kg' };
      const what = [countText, weight && (countText ? `بوزن ${weight.text}` : `${weight.text} ${drug.ar}`)].filter(Boolean).join(' ');
      quotes.push(`${head} ${what} في ${placeAr}${concealment ? '، كانت مخبأة بإحكام' : ''}.`);
      if (arrests !== undefined) quotes.push(`وأسفرت العملية عن القبض على ${arrests} أشخاص متورطين في التهريب.`);
    } else {
      if (count !== undefined) countText = `${enCount(count, qualifier, rng)} ${drug.en}`;
      if (srcKg !== undefined) weight = enWeight(srcKg, qualifier, rng);
      const what = countText
        ? `${countText}${weight ? `, weighing ${weight.text},` : ''}`
        : `${weight.text} of ${drug.en}`;
      quotes.push(
        `${country.demonym} authorities seized ${what} in ${place}, ${admin1}${concealment ? `, ${concealment}` : ''}, ${rng.pick(['officials said', 'the interior ministry said', 'a security source said'])}.`,
      );
      if (arrests !== undefined)
        quotes.push(`The operation led to the arrest of ${persons(arrests)} ${arrests === 1 ? 'suspect' : 'suspects'} involved in cross-border smuggling.`);
      if (rng.chance(0.4))
        quotes.push(`The seizure is one of the largest in ${admin1} this year, amid a regional crackdown on the ${drug.name} trade.`);
    }
    return { p, i, pubDay, srcKg, countText, weight, quotes, ar };
  });

  // YAML text, in the samples' layout.
  const s0 = perSource[0];
  const L = [];
  L.push(`id: ${id}`);
  L.push(`status: ${badKind === 'source-conflict' ? 'disputed' : rng.pick(['draft', 'reviewed', 'reviewed'])}`);
  L.push(`type: seizure`);
  const qty = count !== undefined ? `${grouped(count)} ${drug.en}` : `${grouped(kg)} kg of ${drug.en}`;
  L.push(`title: ${q(`${qty.charAt(0).toUpperCase()}${qty.slice(1)} seized in ${place}, ${admin1}`)}`);
  L.push('summary: >-');
  L.push(`  ${country.demonym} authorities seized ${qty} in ${place} (${admin1})${concealment ? `, ${concealment}` : ''}${arrests ? `, and arrested ${persons(arrests)} ${arrests === 1 ? 'person' : 'people'}` : ''}.`);
  if (badKind === 'source-conflict') {
    L.push('notes: >-');
    L.push(`  The sources give different weights; not settled here.`);
  }
  // Date: one claim, or one per source.
  const claim = (src, indent) => {
    const pre = ' '.repeat(indent);
    const pd = perSource.find((x) => x.p.id === src);
    const dateIso = rng.chance(0.85) ? eventIso : eventIso.slice(0, 7);
    const precision = dateIso.length === 10 ? 'day' : 'month';
    return [
      `on: ${dateIso}`,
      `${pre}precision: ${precision}`,
      `${pre}as_reported: ${precision === 'day' ? q(pd.ar ? `يوم ${WEEKDAYS_AR[(eventDay + 4) % 7]}` : `on ${WEEKDAYS[(eventDay + 4) % 7]}`) : pd.ar ? q('هذا الشهر') : q('earlier this month')}`,
      `${pre}refers_to: event`,
      `${pre}source: ${src}`,
    ];
  };
  if (nSources > 1 && rng.chance(0.3)) {
    L.push('date:');
    for (const x of perSource.slice(0, 2)) {
      const c = claim(x.p.id, 4);
      L.push(`  - ${c[0]}`, ...c.slice(1));
    }
  } else {
    L.push('date:');
    const c = claim(s0.p.id, 2);
    L.push(`  ${c[0]}`, ...c.slice(1));
  }
  L.push('location:');
  L.push(`  country: ${cc}`);
  L.push(`  admin1: ${q(admin1)}`);
  L.push(`  place: ${q(place)}`);
  L.push(`  coordinates: {lat: ${lat}, lon: ${lon}}`);
  L.push(`  precision: town`);
  L.push('agencies:');
  L.push(`  - {agency: ${rng.pick(country.agencies)}, role: seizing}`);
  L.push(`  - {agency: ${country.announcer}, role: announcing}`);
  if (rng.chance(0.15) && cc !== 'SA') L.push(`  - {agency: sa-gdnc, role: tip_off}`);
  const dest = rng.pick(['SA', 'JO', 'IQ', 'AE', 'KW', null]);
  L.push(`route: {origin: ${cc === 'SY' ? 'SY' : rng.pick(['SY', 'LB', 'null'])}, transit: [], destination: ${dest === cc ? 'null' : dest ?? 'null'}}`);
  L.push('seizures:');
  L.push(`  - drug: ${drug.id}`);
  L.push(`    form: ${drug.form}`);
  // Every source is cited by the figures it gives: one figure, or a list with one per source.
  if (count !== undefined) {
    const fig = (x) => `{value: ${count}, unit: tablets, qualifier: ${qualifier}, as_reported: ${q(x.countText)}, source: ${x.p.id}}`;
    if (perSource.length === 1) L.push(`    count: ${fig(s0)}`);
    else {
      L.push('    count:');
      for (const x of perSource) L.push(`      - ${fig(x)}`);
    }
  }
  if (kg !== undefined) {
    const withWeight = perSource.filter((x) => x.weight);
    const fig = (x) =>
      `{value: ${x.weight.value}, unit: ${x.weight.unit}, qualifier: ${qualifier}, basis: ${rng.pick(['net', 'unknown', 'unknown'])}, as_reported: ${q(x.weight.text)}, source: ${x.p.id}}`;
    if (withWeight.length === 1) L.push(`    weight: ${fig(withWeight[0])}`);
    else {
      L.push('    weight:');
      for (const x of withWeight) L.push(`      - ${fig(x)}`);
    }
  }
  L.push(`    concealment: ${concealment ? q(concealment) : 'null'}`);
  if (arrests !== undefined) {
    const asRep = s0.ar ? `${arrests} أشخاص` : `${persons(arrests)} ${arrests === 1 ? 'suspect' : 'suspects'}`;
    L.push(`arrests: {value: ${arrests}, unit: persons, qualifier: exact, as_reported: ${q(asRep)}, source: ${s0.p.id}}`);
  }
  L.push('sources:');
  for (const x of perSource) {
    const pub = dayToIso(x.pubDay);
    L.push(`  - id: ${x.p.id}`);
    L.push(`    publisher: ${q(x.p.name)}`);
    const title = x.ar ? `ضبط ${drug.ar.replace(/^من /, '')} في ${placeAr}` : `${country.demonym} authorities seize ${drug.name} in ${place}`;
    L.push(`    title: ${rng.chance(0.8) ? q(title) : 'null'}`);
    L.push(`    url: ${rng.chance(0.85) ? `https://${x.p.host}/${pub.replace(/-/g, '/')}/${slug(drug.name)}-seizure-${slug(place)}-${serial.toString(36)}` : 'null'}`);
    L.push(`    published: ${pub}`);
    L.push(`    language: ${x.p.lang}`);
    L.push(`    accessed: ${dayToIso(Math.min(todayDay, x.pubDay + rng.int(0, 30)))}`);
    L.push('    quotes:');
    for (const qt of x.quotes) L.push(`      - ${q(qt)}`);
  }
  return { id, year, text: L.join('\n') + '\n', bad: badKind };
}

/**
 * The dataset's files as { relativePath: text }. Event files only; `writeDataset` adds the config,
 * registries and schemas.
 */
export function generateEvents({ events, seed = 1, singleFile = false, badRate = 0.04 }) {
  const rng = prng(seed);
  const spanDays = Math.max(365, Math.round(events / 2));
  const files = {};
  const list = [];
  let bad = 0;
  for (let i = 0; i < events; i++) {
    const e = makeEvent(rng, i + 1, spanDays, badRate);
    if (e.bad) bad++;
    list.push(e);
  }
  if (singleFile) {
    const body = list.map((e) => e.text).join('---\n');
    files['events/events.yaml'] = `# yaml-language-server: $schema=../schemas/event.schema.json\n${body}`;
  } else {
    for (const e of list) files[`events/${e.year}/${e.id}.yaml`] = `# yaml-language-server: $schema=../../schemas/event.schema.json\n${e.text}`;
  }
  return { files, bad, ids: list.map((e) => e.id) };
}

export function writeDataset(out, opts) {
  const { files, bad } = generateEvents(opts);
  mkdirSync(join(out, 'registries'), { recursive: true });
  mkdirSync(join(out, 'schemas'), { recursive: true });
  for (const f of readdirSync(join(REPO, 'samples', 'registries'))) copyFileSync(join(REPO, 'samples', 'registries', f), join(out, 'registries', f));
  for (const f of readdirSync(join(REPO, 'schemas'))) if (f.endsWith('.json')) copyFileSync(join(REPO, 'schemas', f), join(out, 'schemas', f));
  writeFileSync(
    join(out, 'haulcheck.yaml'),
    [
      '# yaml-language-server: $schema=schemas/config.schema.json',
      'version: 1',
      `name: Generated benchmark dataset (${opts.events} events, seed ${opts.seed ?? 1})`,
      'events:',
      '  - events/**/*.yaml',
      'ignore: []',
      'registries:',
      '  drugs: registries/drugs.yaml',
      '  agencies: registries/agencies.yaml',
      'rules: {}',
      `today: ${TODAY}`,
      '',
    ].join('\n'),
  );
  const dirs = new Set();
  let bytes = 0;
  for (const [rel, text] of Object.entries(files)) {
    const abs = join(out, rel);
    const d = dirname(abs);
    if (!dirs.has(d)) mkdirSync(d, { recursive: true }), dirs.add(d);
    writeFileSync(abs, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: Object.keys(files).length, bytes, bad };
}

function parseArgs(argv) {
  const o = { events: 1000, out: undefined, singleFile: false, seed: 1, badRate: 0.04 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--events') o.events = Number(val());
    else if (a === '--out') o.out = val();
    else if (a === '--single-file') o.singleFile = true;
    else if (a === '--seed') o.seed = Number(val());
    else if (a === '--bad-rate') o.badRate = Number(val());
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.out) throw new Error('--out DIR is required');
  if (!Number.isInteger(o.events) || o.events < 1) throw new Error('--events must be a positive whole number');
  return o;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench:gen: ${e.message}\nusage: npm run bench:gen -- --events N --out DIR [--single-file] [--seed S] [--bad-rate R]`);
    process.exit(2);
  }
  const t0 = performance.now();
  const r = writeDataset(o.out, o);
  console.log(
    `${o.events} events (${r.bad} deliberately inconsistent) in ${r.files} file${r.files === 1 ? '' : 's'}, ${(r.bytes / 1e6).toFixed(1)} MB, written to ${o.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
