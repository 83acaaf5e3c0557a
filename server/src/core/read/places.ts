/**
 * First-level subdivisions (provinces, governorates, regions, emirates) and the levels under them, for
 * every country: ISO 3166-2 codes with their English, ISO and local names, compiled from maintained
 * data sets (ISO 3166-2, Unicode CLDR, GeoNames) by scripts/gen-places.mjs into ./generated/subdivisions.
 * Names are matched leniently: case, diacritics, the words around a name ("Governorate", "Province",
 * "ili", "Bölgesi", "Region of", "محافظة"), the Arabic article ("Al-Anbar" = "Anbar", "الأنبار" =
 * "أنبار") and the ISO code ("SY-HI", "HI"). A short table adds the spellings the English-language
 * press uses that the data sets lack ("Rural Damascus", "Mecca", "Bekaa").
 */
import { iso31661 } from 'iso-3166/1.js';
import { SUBDIVISIONS } from './generated/subdivisions';
import { TextMemo } from '../base/memo';

export interface Subdivision {
  /** ISO 3166-2 code, e.g. `SY-HI`. */
  code: string;
  /** ISO 3166-1 alpha-2 code of the country it belongs to. */
  country: string;
  /** The ISO 3166-2 name, e.g. `Ḩimş`. */
  isoName: string;
  /** The usual English name, e.g. `Homs`. */
  name: string;
  /** The ISO 3166-2 code of the subdivision it lies in, for those below the first level (`ES-GR` in `ES-AN`). */
  parent?: string;
}

/**
 * Spellings the English-language press uses that the data sets lack, first one preferred as the
 * name shown in messages. Every other name comes from the generated data.
 */
const PRESS_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  // Syria
  'SY-DI': ['Damascus', 'Damascus City'],
  'SY-DR': ['Daraa', 'Deraa'],
  'SY-DY': ['Deir ez-Zor', 'Deir al-Zor', 'Deir al-Zour', 'Deir el-Zour'],
  'SY-HA': ['Hasakah', 'Hasaka', 'Hassakeh', 'Hasakeh'],
  'SY-ID': ['Idlib', 'Idleb'],
  'SY-LA': ['Latakia', 'Lattakia', 'Latakieh', 'Lattaquié'],
  'SY-RA': ['Raqqa', 'Rakka'],
  'SY-RD': ['Rural Damascus', 'Damascus countryside', 'Reef Damascus', 'Rif Damascus', 'Damascus Rural'],
  'SY-SU': ['Suwayda', 'Sweida', 'Suwaida', 'Suweida'],
  'SY-TA': ['Tartus', 'Tartous', 'Tartou'],
  // Iraq
  'IQ-AN': ['Anbar'],
  'IQ-AR': ['Erbil', 'Hawler'],
  'IQ-DA': ['Duhok', 'Dohuk'],
  'IQ-DQ': ['Dhi Qar', 'Thi Qar'],
  'IQ-KA': ['Karbala', 'Kerbala'],
  'IQ-KR': ['Kurdistan Region', 'Iraqi Kurdistan', 'KRI'],
  'IQ-MA': ['Maysan', 'Missan'],
  'IQ-MU': ['Muthanna'],
  'IQ-NI': ['Nineveh', 'Ninewa', 'Nineveh Plains'],
  'IQ-QA': ['Qadisiyah', 'Diwaniyah'],
  'IQ-SD': ['Salahuddin', 'Salah al-Din'],
  'IQ-SU': ['Sulaymaniyah', 'Sulaimani', 'Slemani', 'Sulaimaniyah'],
  // Lebanon
  'LB-AS': ['North Lebanon'],
  'LB-BI': ['Bekaa', 'Bekaa Valley'],
  'LB-JA': ['South Lebanon'],
  'LB-NA': ['Nabatieh', 'Nabatiyeh'],
  // Jordan
  'JO-AM': ['Amman', 'Capital'],
  'JO-AT': ['Tafilah', 'Tafila'],
  'JO-KA': ['Karak', 'Kerak'],
  // Saudi Arabia
  'SA-02': ['Makkah', 'Mecca'],
  'SA-03': ['Madinah', 'Medina'],
  'SA-04': ['Eastern Province'],
  'SA-05': ['Qassim'],
  'SA-08': ['Northern Borders', 'Northern Border'],
  'SA-11': ['Al Bahah', 'Baha'],
  'SA-12': ['Al Jawf', 'Jouf'],
  // Iran
  'IR-03': ['East Azerbaijan'],
  'IR-04': ['West Azerbaijan'],
  'IR-09': ['Razavi Khorasan', 'Khorasan Razavi'],
  'IR-11': ['Sistan and Baluchestan', 'Sistan-Baluchestan', 'Sistan and Baluchistan'],
  'IR-28': ['North Khorasan'],
  'IR-29': ['South Khorasan'],
  // Türkiye
  'TR-63': ['Şanlıurfa', 'Urfa'],
  'TR-46': ['Kahramanmaraş', 'Maras'],
};

/**
 * Ports, border crossings and cities the reports of the trade name that are no subdivision, with the
 * subdivision they lie in (or only the country, where the town is the country's or its subdivision
 * has no code of its own), in the spellings of the languages of the reports. The sea and air ports of
 * the Gulf, the Levant, Türkiye and southern Europe where Captagon, hashish and cocaine are seized.
 */
const TOWNS: Readonly<Record<string, readonly string[]>> = {
  'SA-02': ['Jeddah', 'Jedda', 'Jiddah', 'Jeddah Islamic Port', 'Dżudda', 'Cidde', 'Gedda', 'Yeda', 'Dschidda', 'Djeddah', 'Dzsidda', 'Τζέντα', 'جدة'],
  'SA-01': ['Riyadh', 'Riad', 'Riyad', 'الرياض'],
  'SA-04': ['Dammam', 'Khobar', 'King Fahd Causeway', 'الدمام'],
  'AE-DU': ['Jebel Ali', 'Hatta', 'Port Rashid', 'جبل علي'],
  'AE-SH': ['Khor Fakkan'],
  KW: ['Shuwaikh', 'Abdali', 'Nuwaiseeb', 'الشويخ'],
  QA: ['Hamad Port', 'Abu Samra'],
  'JO-IR': ['Ramtha'],
  'JO-MA': ['Jaber crossing', 'Jaber border crossing'],
  'SY-DR': ['Nassib', 'Nasib'],
  'SY-RD': ['Dumayr', 'Douma'],
  'SY-DY': ['Albu Kamal', 'Al-Bukamal', 'Abu Kamal'],
  'LB-BI': ['Masnaa'],
  'LB-BA': ['Rafic Hariri International Airport', 'Beirut-Rafic Hariri International Airport', 'Port of Beirut'],
  'IQ-BA': ['Umm Qasr'],
  'IQ-AN': ['Al-Qaim', 'Al Qaim', 'Trebil'],
  'TR-31': ['Reyhanlı', 'Reyhanli', 'İskenderun', 'Iskenderun', 'Antakya'],
  'TR-34': ['Esenyurt', 'Büyükçekmece', 'Ambarlı'],
  'GR-I': ['Piraeus', 'Pireas', 'Πειραιάς', 'Πειραιά', 'Πειραιώς', 'Pireo', 'Pirée', 'Perama', 'Πέραμα', 'Περάματος', 'Athens', 'Αθήνα', 'Αθηνών'],
  'GR-B': ['Thessaloniki', 'Θεσσαλονίκη', 'Θεσσαλονίκης', 'Salonica'],
  'ES-CA': ['Algeciras', 'Puerto de Algeciras', 'La Línea'],
  'IT-82': ['Marsala', 'Pozzallo', 'Augusta'],
  'IT-78': ['Gioia Tauro'],
  'IT-42': ['Genoa', 'Genova'],
  'DE-NW': ['Aachen', 'Essen', 'Köln', 'Cologne', 'Düsseldorf', 'Würselen', 'Dortmund', 'Duisburg'],
  'DE-BY': ['Munich', 'München'],
  'DE-HE': ['Frankfurt'],
  'DE-SN': ['Leipzig'],
  'NL-ZH': ['Rotterdam'],
  'BE-VAN': ['Antwerp', 'Antwerpen', 'Anvers'],
};

export interface Town {
  /** The town's name as listed. */
  name: string;
  country: string;
  /** The subdivision it lies in, when listed. */
  subdivision?: Subdivision;
}

let towns: Map<string, Town> | undefined;

/** A port, crossing or city of the trade that is no subdivision ("Jeddah", "Jebel Ali", "Piraeus"), by any of its spellings. */
export function findTown(name: string): Town | undefined {
  if (!towns) {
    towns = new Map();
    for (const [code, names] of Object.entries(TOWNS)) {
      const country = code.slice(0, 2);
      const sub = code.length > 2 ? tableOf(country)?.list.find((s) => s.code === code) : undefined;
      for (const n of names) towns.set(normaliseAdmin1(n), { name: names[0], country, ...(sub ? { subdivision: sub } : {}) });
    }
  }
  const key = normaliseAdmin1(name);
  return key ? towns.get(key) : undefined;
}

/** Country names for messages, where the ISO 3166-1 name reads badly ("Syrian Arab Republic"). */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  SY: 'Syria',
  IQ: 'Iraq',
  LB: 'Lebanon',
  JO: 'Jordan',
  SA: 'Saudi Arabia',
  IR: 'Iran',
  TR: 'Türkiye',
  AE: 'the United Arab Emirates',
  KW: 'Kuwait',
  QA: 'Qatar',
  BH: 'Bahrain',
  OM: 'Oman',
  YE: 'Yemen',
  EG: 'Egypt',
  IL: 'Israel',
  PS: 'Palestine',
  CY: 'Cyprus',
  GR: 'Greece',
  IT: 'Italy',
};

/** Words around a name that say what kind of subdivision it is, in the languages of the reports. */
const KIND_WORDS = new Set([
  'governorate', 'governate', 'province', 'region', 'county', 'state', 'emirate', 'district', 'prefecture', 'periphery',
  'muhafazat', 'mohafazat', 'muhafaza', 'wilayah', 'wilayat', 'mintaqat', 'ostan',
  'il', 'ili', 'bolgesi', 'provinz', 'bundesland', 'land', 'regierungsbezirk', 'provincia', 'provincie', 'region', 'regione',
  'comunidad', 'community', 'autonoma', 'autonomous', 'comunitat', 'principado', 'principality', 'foral', 'departement', 'voivodeship', 'wojewodztwo', 'megye', 'judet', 'judetul', 'mkoa',
  'periferia', 'nomos', 'περιφερεια', 'νομος',
  'محافظه', 'منطقه', 'اماره', 'ولايه', 'اقليم', 'لواء',
]);
/** Words that join a kind word to the name ("Province of Hatay", "Región de Murcia"). */
const LINK_WORDS = new Set(['of', 'de', 'del', 'di', 'della', 'du', 'des', 'la', 'the']);
/** Arabic articles written as a word of their own in Latin transliteration ("Al Anbar", "Ar-Raqqah"). */
const ARTICLES = new Set(['al', 'el', 'ad', 'adh', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ath']);

/** An Arabic word without diacritics, with the letters that vary folded, and without its article. */
function foldArabic(word: string): string {
  const w = word
    .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي');
  return w.length > 3 && w.startsWith('ال') ? w.slice(2) : w;
}

/**
 * The key names are matched by: "Al-Lādhiqīyah Governorate" → "ladhiqiyah"; "Ḩimş" → "hims";
 * "İstanbul" → "istanbul"; "Hatay ili" → "hatay"; "محافظة الأنبار" → "انبار".
 */
export function normaliseAdmin1(name: string): string {
  // Compared pair by pair (events/possible-duplicate) and event by event: the same few names.
  return normalised.get(name, normalise);
}

const normalised = new TextMemo<string>(4096, 256);

function normalise(name: string): string {
  const words = name
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’‘ʿʾ`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (/[\u0600-\u06FF]/.test(w) ? foldArabic(w) : w));
  // Kind words after the name ("Homs Governorate", "Hatay ili") and before it ("Province of Hatay").
  // Inverted ISO names ("Madrid, Comunidad de") end in a link word.
  while (words.length > 1 && (KIND_WORDS.has(words[words.length - 1]) || LINK_WORDS.has(words[words.length - 1]))) words.pop();
  while (words.length > 1 && KIND_WORDS.has(words[0])) {
    words.shift();
    while (words.length > 1 && LINK_WORDS.has(words[0])) words.shift();
  }
  if (words.length > 1 && ARTICLES.has(words[0])) words.shift();
  return words.join('');
}

interface CountryTable {
  list: Subdivision[];
  byName: Map<string, Subdivision>;
}

const tables = new Map<string, CountryTable | undefined>();

/** The subdivisions of one country, read from the generated data on first use. */
function tableOf(country: string): CountryTable | undefined {
  if (tables.has(country)) return tables.get(country);
  const data = Object.hasOwn(SUBDIVISIONS, country) ? SUBDIVISIONS[country] : undefined;
  let table: CountryTable | undefined;
  if (data) {
    const rows = data.split('\n').map((line) => line.split('\t'));
    const list: Subdivision[] = [];
    /** Each name with its rank: first-level subdivisions first, and the press's and English names before the others. */
    const names: { name: string; sub: Subdivision; rank: number }[] = [];
    for (const [suffix, parent, english, iso, ...others] of rows) {
      const code = `${country}-${suffix}`;
      const press = PRESS_SPELLINGS[code];
      const sub: Subdivision = { code, country, isoName: iso || english, name: press?.[0] ?? english };
      if (parent) sub.parent = `${country}-${parent}`;
      list.push(sub);
      const level = parent ? 2 : 0;
      for (const name of [...(press ?? []), english]) names.push({ name, sub, rank: level });
      for (const name of [iso, ...others, code, suffix]) if (name) names.push({ name, sub, rank: level + 1 });
    }
    // Where two subdivisions share a spelling ("Madrid" the community and the province), the first keeps it.
    names.sort((a, b) => a.rank - b.rank);
    const byName = new Map<string, Subdivision>();
    for (const { name, sub } of names) {
      const key = normaliseAdmin1(name);
      if (key && !byName.has(key)) byName.set(key, sub);
    }
    table = { list, byName };
  }
  tables.set(country, table);
  return table;
}

/** The subdivisions of a country, every level (empty when the country has none or the code is unknown). */
export function subdivisionsOf(country: string): readonly Subdivision[] {
  return tableOf(country.toUpperCase())?.list ?? [];
}

/** The subdivision of `country` that `name` names, by its English, ISO or local name, matched leniently. */
export function findAdmin1(country: string, name: string): Subdivision | undefined {
  const key = normaliseAdmin1(name);
  return key ? tableOf(country.toUpperCase())?.byName.get(key) : undefined;
}

/** Every subdivision of any country that `name` names ("Homs" → SY-HI). */
export function findAdmin1Anywhere(name: string): Subdivision[] {
  const key = normaliseAdmin1(name);
  const out: Subdivision[] = [];
  if (!key) return out;
  for (const country of Object.keys(SUBDIVISIONS)) {
    const s = tableOf(country)?.byName.get(key);
    if (s) out.push(s);
  }
  return out;
}

/** The name of a country for messages: "Syria", else the ISO 3166-1 name, else the code. */
export function countryName(code: string): string {
  const c = code.toUpperCase();
  return COUNTRY_NAMES[c] ?? iso31661.find((e) => e.alpha2 === c)?.name ?? c;
}
