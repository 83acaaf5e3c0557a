/**
 * ISO 3166-1 alpha-2 country codes and their English names (i18n-iso-countries, plain data, no IO).
 * Only the English names are loaded: the package's main entry registers all its locales, which
 * would put every language's names into each bundle (test/package.test.ts checks they stay out).
 */
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en as Parameters<typeof countries.registerLocale>[0]);

/** The alpha-2 code of an alpha-3 code (`SYR` → `SY`), undefined for anything else. */
export function alpha3ToAlpha2(code: string): string | undefined {
  return countries.alpha3ToAlpha2(code);
}

/** The English name of a country code (`SY` → "Syria"), undefined for anything else. */
export function countryName(code: string): string | undefined {
  const names = countryNames(code);
  return names[0];
}

/** Every English name of a country code, official first (`SY` → ["Syrian Arab Republic", "Syria"]). */
export function countryNames(code: string): string[] {
  if (!/^[A-Z]{2}$/.test(code)) return [];
  const n = countries.getName(code, 'en', { select: 'all' });
  return Array.isArray(n) ? n : [];
}

let all: { code: string; name: string }[] | undefined;

/** Every alpha-2 code with its English name, sorted by code. */
export function allCountries(): readonly { code: string; name: string }[] {
  if (!all) {
    const names = countries.getNames('en', { select: 'official' });
    all = Object.keys(names)
      .map((code) => ({ code, name: countryName(code) ?? names[code] }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }
  return all;
}
