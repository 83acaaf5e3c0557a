/**
 * Country names in the languages the readers read (en de es it fr tr el ar pl hu sw), from
 * i18n-iso-countries, for reading articles: "Saudi Arabia", "Suudi Arabistan", "Σαουδική Αραβία",
 * "السعودية". Only these locales are loaded (each bundle holds them, not the package's seventy).
 * Pure data and lookups.
 */
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';
import de from 'i18n-iso-countries/langs/de.json';
import es from 'i18n-iso-countries/langs/es.json';
import it from 'i18n-iso-countries/langs/it.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import tr from 'i18n-iso-countries/langs/tr.json';
import el from 'i18n-iso-countries/langs/el.json';
import ar from 'i18n-iso-countries/langs/ar.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import hu from 'i18n-iso-countries/langs/hu.json';
import sw from 'i18n-iso-countries/langs/sw.json';
import { foldWord } from './date-vocabulary';

type Locale = { locale: string; countries: Record<string, string | string[]> };

const LOCALES: Record<string, Locale> = { en, de, es, it, fr, tr, el, ar, pl, hu, sw } as unknown as Record<string, Locale>;

/** Names the press uses that the locales lack or give only in an official form. */
const EXTRA: Record<string, Record<string, string[]>> = {
  en: { SY: ['Syria'], IR: ['Iran'], RU: ['Russia'], KR: ['South Korea'], KP: ['North Korea'], LA: ['Laos'], MD: ['Moldova'], TZ: ['Tanzania'], VE: ['Venezuela'], BO: ['Bolivia'], PS: ['Palestine'], AE: ['Emirates'], NL: ['Holland'], TR: ['Turkiye'] },
  ar: { SA: ['المملكة العربية السعودية', 'المملكه'], AE: ['الإمارات'], SY: ['سورية'], JO: ['الأردن'] },
  el: { GR: ['Ελλάδας'] },
  de: { TR: ['Türkei'] },
};

/** The words of a name, folded: "Suudi Arabistan" → ["suudi", "arabistan"]. */
export function nameWords(name: string): string[] {
  return foldWord(name.replace(/\([^)]*\)/g, ' '))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export interface CountryNameIndex {
  /** Folded names (words joined by single spaces) → ISO 3166-1 alpha-2 code. */
  names: ReadonlyMap<string, string>;
  /** The longest name, in words. */
  maxWords: number;
}

const indexes = new Map<string, CountryNameIndex>();

/**
 * Country names in `language` and in English, folded. Names of fewer than four letters ("US",
 * "ABD") are left out: as words they are too often something else.
 */
export function countryNameIndex(language: string | undefined): CountryNameIndex {
  const lang = language && Object.hasOwn(LOCALES, language) ? language : 'en';
  let index = indexes.get(lang);
  if (index) return index;
  const names = new Map<string, string>();
  let maxWords = 1;
  for (const l of lang === 'en' ? ['en'] : [lang, 'en']) {
    const add = (code: string, name: string) => {
      const w = nameWords(name);
      const key = w.join(' ');
      if (key.replace(/ /g, '').length < 4 || names.has(key)) return;
      names.set(key, code);
      maxWords = Math.max(maxWords, w.length);
    };
    for (const [code, value] of Object.entries(LOCALES[l].countries)) for (const name of Array.isArray(value) ? value : [value]) add(code, name);
    for (const [code, list] of Object.entries(EXTRA[l] ?? {})) for (const name of list) add(code, name);
  }
  index = { names, maxWords };
  indexes.set(lang, index);
  return index;
}

/** Whether `code` is an ISO 3166-1 alpha-2 code. */
export function isCountryCode(code: string): boolean {
  return countries.isValid(code);
}
