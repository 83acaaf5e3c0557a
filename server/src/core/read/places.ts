/**
 * First-level subdivisions (provinces, governorates) by country: ISO 3166-2 codes and names from the
 * `iso-3166` package (plain data, no IO), matched leniently against the English names the articles
 * use: case, diacritics, "Governorate"/"Province" suffixes, the Arabic article ("Al-Anbar" = "Anbar"),
 * and a small table of English names ("Homs" for Ḩimş, "Rural Damascus" for Rīf Dimashq).
 */
import { iso31662 } from 'iso-3166/2.js';
import { iso31661 } from 'iso-3166/1.js';

export interface Subdivision {
  /** ISO 3166-2 code, e.g. `SY-HI`. */
  code: string;
  /** ISO 3166-1 alpha-2 code of the country it belongs to. */
  country: string;
  /** The ISO 3166-2 name, e.g. `Ḩimş`. */
  isoName: string;
  /** The usual English name, e.g. `Homs` (the ISO name when the table has none). */
  name: string;
}

/**
 * English names of the subdivisions of the countries the dataset covers, first name preferred. The
 * ISO names (transliterated, e.g. "Al Lādhiqīyah", "Béqaa") are always accepted as well.
 */
const ENGLISH: Readonly<Record<string, readonly string[]>> = {
  // Syria
  'SY-DI': ['Damascus', 'Damascus City'],
  'SY-DR': ['Daraa', 'Deraa', "Dara'a"],
  'SY-DY': ['Deir ez-Zor', 'Deir Ezzor', 'Deir al-Zor', 'Deir al-Zour', 'Deir el-Zour'],
  'SY-HA': ['Hasakah', 'Hasaka', 'Hassakeh', 'Hasakeh'],
  'SY-HI': ['Homs'],
  'SY-HL': ['Aleppo'],
  'SY-HM': ['Hama'],
  'SY-ID': ['Idlib', 'Idleb'],
  'SY-LA': ['Latakia', 'Lattakia', 'Latakieh', 'Lattaquié'],
  'SY-QU': ['Quneitra', 'Qunaytirah'],
  'SY-RA': ['Raqqa', 'Rakka'],
  'SY-RD': ['Rural Damascus', 'Damascus countryside', 'Rif Dimashq', 'Reef Damascus', 'Rif Damascus', 'Damascus Rural'],
  'SY-SU': ['Suwayda', 'Sweida', 'Suwaida', 'Suweida'],
  'SY-TA': ['Tartus', 'Tartous', 'Tartou'],
  // Iraq
  'IQ-AN': ['Anbar'],
  'IQ-AR': ['Erbil', 'Arbil', 'Hawler'],
  'IQ-BA': ['Basra', 'Basrah'],
  'IQ-BB': ['Babylon', 'Babil'],
  'IQ-BG': ['Baghdad'],
  'IQ-DA': ['Duhok', 'Dohuk', 'Dahuk'],
  'IQ-DI': ['Diyala'],
  'IQ-DQ': ['Dhi Qar', 'Thi Qar'],
  'IQ-KA': ['Karbala', 'Kerbala'],
  'IQ-KI': ['Kirkuk'],
  'IQ-KR': ['Kurdistan Region', 'Kurdistan', 'Iraqi Kurdistan', 'KRI'],
  'IQ-MA': ['Maysan', 'Missan'],
  'IQ-MU': ['Muthanna'],
  'IQ-NA': ['Najaf'],
  'IQ-NI': ['Nineveh', 'Ninawa', 'Ninewa', 'Nineveh Plains'],
  'IQ-QA': ['Qadisiyah', 'Qadisiyyah', 'Diwaniyah'],
  'IQ-SD': ['Salahuddin', 'Salah al-Din', 'Saladin', 'Salah ad-Din'],
  'IQ-SU': ['Sulaymaniyah', 'Sulaimani', 'Slemani', 'Sulaimaniyah'],
  'IQ-WA': ['Wasit'],
  // Lebanon
  'LB-AK': ['Akkar'],
  'LB-AS': ['North Lebanon', 'North'],
  'LB-BA': ['Beirut'],
  'LB-BH': ['Baalbek-Hermel', 'Baalbek Hermel'],
  'LB-BI': ['Bekaa', 'Beqaa', 'Bekaa Valley'],
  'LB-JA': ['South Lebanon', 'South'],
  'LB-JL': ['Mount Lebanon'],
  'LB-NA': ['Nabatieh', 'Nabatiyeh'],
  // Jordan
  'JO-AJ': ['Ajloun', 'Ajlun'],
  'JO-AM': ['Amman', 'Capital'],
  'JO-AQ': ['Aqaba'],
  'JO-AT': ['Tafilah', 'Tafila'],
  'JO-AZ': ['Zarqa'],
  'JO-BA': ['Balqa'],
  'JO-IR': ['Irbid'],
  'JO-JA': ['Jerash', 'Jarash'],
  'JO-KA': ['Karak', 'Kerak'],
  'JO-MA': ['Mafraq'],
  'JO-MD': ['Madaba'],
  'JO-MN': ["Ma'an", 'Maan'],
  // Saudi Arabia
  'SA-01': ['Riyadh'],
  'SA-02': ['Makkah', 'Mecca'],
  'SA-03': ['Madinah', 'Medina'],
  'SA-04': ['Eastern Province', 'Eastern', 'Sharqiyah'],
  'SA-05': ['Qassim', 'Al-Qassim', 'Qasim'],
  'SA-06': ['Hail', "Ha'il"],
  'SA-07': ['Tabuk'],
  'SA-08': ['Northern Borders', 'Northern Border'],
  'SA-09': ['Jazan', 'Jizan'],
  'SA-10': ['Najran'],
  'SA-11': ['Al Bahah', 'Baha'],
  'SA-12': ['Al Jawf', 'Jouf'],
  'SA-14': ['Asir'],
  // Iran (most ISO names already read as English once diacritics are dropped)
  'IR-03': ['East Azerbaijan'],
  'IR-04': ['West Azerbaijan'],
  'IR-09': ['Razavi Khorasan', 'Khorasan Razavi'],
  'IR-10': ['Isfahan'],
  'IR-11': ['Sistan and Baluchestan', 'Sistan-Baluchestan', 'Sistan and Baluchistan'],
  'IR-12': ['Kurdistan', 'Kordestan'],
  'IR-14': ['Chaharmahal and Bakhtiari'],
  'IR-17': ['Kohgiluyeh and Boyer-Ahmad'],
  'IR-28': ['North Khorasan'],
  'IR-29': ['South Khorasan'],
  // Türkiye (ISO names are the Turkish names; English spellings without Turkish letters match already)
  'TR-63': ['Sanliurfa', 'Urfa'],
  'TR-46': ['Kahramanmaras', 'Maras'],
};

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

const SUFFIXES = new Set(['governorate', 'governate', 'province', 'region', 'muhafazat', 'mohafazat', 'muhafaza', 'wilayah', 'mintaqat', 'il', 'ostan']);
const ARTICLES = new Set(['al', 'el', 'ad', 'adh', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ath']);

/** "Al-Lādhiqīyah Governorate" → "ladhiqiyah"; "Ḩimş" → "hims"; "İstanbul" → "istanbul". */
export function normaliseAdmin1(name: string): string {
  const words = name
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘ʿʾ`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1])) words.pop();
  if (words.length > 1 && ARTICLES.has(words[0])) words.shift();
  return words.join('');
}

let byCountryCache: Map<string, Subdivision[]> | undefined;
let byNameCache: Map<string, Map<string, Subdivision>> | undefined;

function load(): { byCountry: Map<string, Subdivision[]>; byName: Map<string, Map<string, Subdivision>> } {
  if (byCountryCache && byNameCache) return { byCountry: byCountryCache, byName: byNameCache };
  const parentOf = new Map(iso31662.map((e) => [e.code, e.parent] as const));
  const countryOf = (code: string): string => {
    let p = parentOf.get(code) ?? code.slice(0, 2);
    for (let i = 0; i < 5 && parentOf.has(p); i++) p = parentOf.get(p) as string;
    return p.slice(0, 2);
  };
  const byCountry = new Map<string, Subdivision[]>();
  const byName = new Map<string, Map<string, Subdivision>>();
  for (const e of iso31662) {
    const country = countryOf(e.code);
    const english = ENGLISH[e.code];
    const sub: Subdivision = { code: e.code, country, isoName: e.name, name: english?.[0] ?? e.name };
    let list = byCountry.get(country);
    if (!list) byCountry.set(country, (list = []));
    list.push(sub);
    let names = byName.get(country);
    if (!names) byName.set(country, (names = new Map()));
    // English names first: when two subdivisions share a spelling, the table decides.
    for (const n of [...(english ?? []), e.name, e.code, e.code.slice(3)]) {
      const key = normaliseAdmin1(n);
      if (key && !names.has(key)) names.set(key, sub);
    }
  }
  byCountryCache = byCountry;
  byNameCache = byName;
  return { byCountry, byName };
}

/** The subdivisions of a country (empty when the country has none or the code is unknown). */
export function subdivisionsOf(country: string): readonly Subdivision[] {
  return load().byCountry.get(country.toUpperCase()) ?? [];
}

/** The subdivision of `country` that `name` names, matched leniently. */
export function findAdmin1(country: string, name: string): Subdivision | undefined {
  return load().byName.get(country.toUpperCase())?.get(normaliseAdmin1(name));
}

/** Every subdivision of any country that `name` names ("Homs" → SY-HI). */
export function findAdmin1Anywhere(name: string): Subdivision[] {
  const key = normaliseAdmin1(name);
  const out: Subdivision[] = [];
  if (!key) return out;
  for (const names of load().byName.values()) {
    const s = names.get(key);
    if (s) out.push(s);
  }
  return out;
}

/** The name of a country for messages: "Syria", else the ISO 3166-1 name, else the code. */
export function countryName(code: string): string {
  const c = code.toUpperCase();
  return COUNTRY_NAMES[c] ?? iso31661.find((e) => e.alpha2 === c)?.name ?? c;
}
