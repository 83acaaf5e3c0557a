// Compiles the names of every country's subdivisions into server/src/core/read/generated/subdivisions.ts,
// a compact module the place reader (server/src/core/read/places.ts) matches names against. `--check`
// only reports whether the committed module is out of date (used by tests).
//
// Sources, all maintained data sets installed as devDependencies (nothing is fetched):
//   - iso-3166: the ISO 3166-2 codes, their parents (which level a subdivision is) and ISO names (the
//     local names, romanised where the script is not Latin: "Kríti", "Andalucía", "Dubayy");
//   - cldr-subdivisions-full: Unicode CLDR's English names ("Crete", "Andalusia", "Dubai");
//   - iso3166-2-db: GeoNames and OpenStreetMap names of the first-level subdivisions in several languages
//     ("حمص", "Nordrhein-Westfalen", "Sicilia"), of which the country's own languages are kept;
//   - cldr-core: which languages are official in each country.
// Only names that read differently once case and diacritics are folded are kept.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from 'fastest-levenshtein';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'server', 'src', 'core', 'read', 'generated', 'subdivisions.ts');

/** Words around a name that the place reader ignores ("Homs Governorate", "محافظة حمص", "Al Anbar"). */
const IGNORED = new Set(['governorate', 'province', 'region', 'county', 'state', 'emirate', 'district', 'prefecture', 'al', 'el', 'محافظة', 'محافظه', 'منطقة', 'منطقه', 'إمارة', 'امارة']);

/** The key two names are the same by: case, diacritics, punctuation, spacing and the ignored words folded. */
const fold = (s) =>
  s
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064B-\u0652\u0670]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !IGNORED.has(w))
    .join('');

/** A name as stored: no tabs or line breaks, single spaces. */
const clean = (s) => String(s).replace(/\s+/g, ' ').trim();

export function generate() {
  const { iso31662 } = loadIso();
  const cldrEn = require('cldr-subdivisions-full/subdivisions/en/en.json').subdivisions.localeDisplayNames.subdivisions;
  const db = require('iso3166-2-db/data/iso3166-2.json');
  const territories = require('cldr-core/supplemental/territoryInfo.json').supplemental.territoryInfo;
  const versions = ['iso-3166', 'cldr-subdivisions-full', 'iso3166-2-db', 'cldr-core'].map((p) => `${p} ${require(`${p}/package.json`).version}`);

  /** The official languages of a country (primary subtags). */
  const officialLanguages = (country) =>
    new Set(
      Object.entries(territories[country]?.languagePopulation ?? {})
        .filter(([, v]) => v._officialStatus)
        .map(([l]) => l.split('_')[0]),
    );

  const parentOf = new Map(iso31662.map((e) => [e.code, e.parent]));
  const isoByCountry = new Map();
  for (const e of iso31662) {
    const c = e.code.slice(0, 2);
    if (!isoByCountry.has(c)) isoByCountry.set(c, []);
    isoByCountry.get(c).push(e);
  }

  const byCountry = new Map();
  /** Countries where a data set's codes disagree with ISO's (printed when the module is written). */
  const moved = [];
  for (const [country, entries] of isoByCountry) {
    const isoKeys = new Map(entries.map((e) => [e.code.slice(3), fold(e.name)]));
    /**
     * The code a bundle of names from CLDR or GeoNames belongs to, and whether one of its Latin names
     * reads as that code's ISO name. The data sets do not always follow ISO's renumberings (CLDR's
     * Iranian codes predate ISO's): a name that reads as another subdivision's ISO name, and not as
     * its own, belongs to that other subdivision.
     */
    const owner = (names, suffix) => {
      let best = suffix;
      let bestD = Infinity;
      let matched = false;
      for (const name of names) {
        const key = fold(name);
        if (!key || !/[a-z]/.test(key)) continue;
        const tolerance = Math.max(1, Math.floor(key.length / 4));
        const own = isoKeys.has(suffix) ? distance(key, isoKeys.get(suffix)) : Infinity;
        if (own <= tolerance) return { suffix, matched: true };
        for (const [s, k] of isoKeys) {
          const d = distance(key, k);
          if (d <= tolerance && d < bestD) (best = s), (bestD = d), (matched = true);
        }
      }
      return { suffix: best, matched };
    };
    /**
     * Puts each bundle of names under its code. Where a data set's codes disagree with ISO's for many
     * of a country's subdivisions, only the bundles placed by a name are kept: the others cannot be
     * placed with confidence.
     */
    const place = (source, bundles, map) => {
      const placed = bundles.map(([suffix, names]) => ({ names, ...owner(names, suffix), moved: owner(names, suffix).suffix !== suffix }));
      const misaligned = placed.filter((p) => p.moved).length >= Math.max(2, placed.length / 4);
      if (misaligned) moved.push(`${country} (${source}): ${placed.filter((p) => p.moved).length} of ${placed.length} moved`);
      for (const p of placed) if (!misaligned || p.matched) map.set(p.suffix, [...(map.get(p.suffix) ?? []), ...p.names]);
    };
    const english = new Map();
    const extra = new Map();
    place(
      'CLDR',
      entries.flatMap((e) => {
        const n = cldrEn[e.code.toLowerCase().replace('-', '')];
        return typeof n === 'string' ? [[e.code.slice(3), [n]]] : [];
      }),
      english,
    );
    const langs = officialLanguages(country);
    place(
      'GeoNames',
      (db[country]?.regions ?? []).map((region) => [
        region.iso,
        [region.name, ...Object.entries(region.names ?? {}).filter(([l]) => l === 'en' || l === 'geonames' || langs.has(l)).map(([, n]) => n)],
      ]),
      extra,
    );

    const list = [];
    for (const e of entries) {
      const suffix = e.code.slice(3);
      const parent = e.parent && e.parent !== country && parentOf.has(e.parent) ? e.parent.slice(3) : '';
      const names = [];
      const seen = new Set();
      const add = (n) => {
        if (typeof n !== 'string') return;
        const c = clean(n);
        const k = fold(c);
        if (!k || seen.has(k)) return;
        seen.add(k);
        names.push(c);
      };
      const en = english.get(suffix) ?? [];
      // The English name: CLDR's, else GeoNames' (its first name), else the ISO name.
      add(en[0] ?? (parent ? undefined : extra.get(suffix)?.[0]) ?? e.name);
      // The ISO name keeps its place (empty when it reads as the English one).
      const iso = clean(e.name);
      if (seen.has(fold(iso))) names.push('');
      else add(iso);
      for (const n of en.slice(1)) add(n);
      // Names in other languages only for the first level: the lower levels are many, and matched by their ISO and English names.
      if (!parent) for (const n of extra.get(suffix) ?? []) add(n);
      list.push([suffix, parent, ...names].join('\t'));
    }
    byCountry.set(country, list);
  }

  const countries = [...byCountry.keys()].sort();
  const lines = [
    `// Generated by scripts/gen-places.mjs from ${versions.join(', ')}. Do not edit: run \`npm run prepare-places\`.`,
    '// Names from ISO 3166-2, Unicode CLDR (Unicode License v3), GeoNames (CC BY 4.0) and OpenStreetMap (ODbL) contributors.',
    '',
    '/**',
    ' * The subdivisions of each country (ISO 3166-1 alpha-2 code), one a line: the code after the country',
    " * prefix, the parent's (empty for a first-level subdivision), then its names, tab-separated: the",
    ' * English name, the ISO 3166-2 name (empty when it reads as the English one), then other names.',
    ' */',
    'export const SUBDIVISIONS: Readonly<Record<string, string>> = {',
    ...countries.map((c) => `  ${c}: ${JSON.stringify(byCountry.get(c).sort().join('\n'))},`),
    '};',
    '',
  ];
  return { text: lines.join('\n'), moved };
}

function loadIso() {
  // iso-3166 is an ES module; its data is a plain array literal, read here without importing it.
  const text = readFileSync(require.resolve('iso-3166/2.js'), 'utf8');
  const start = text.indexOf('[');
  const end = text.lastIndexOf(']');
  const iso31662 = Function(`"use strict"; return (${text.slice(start, end + 1)});`)();
  return { iso31662 };
}

/** Writes the generated module (or with `check`, only compares it); returns whether it differed. */
export function writeGenerated({ check = false } = {}) {
  const { text, moved } = generate();
  if (!check) for (const m of moved) console.log(`  codes disagree with ISO 3166-2: ${m}`);
  const old = existsSync(OUT) ? readFileSync(OUT, 'utf8') : undefined;
  if (old === text) return false;
  if (check) {
    console.error('server/src/core/read/generated/subdivisions.ts is out of date: run `npm run prepare-places`');
    return true;
  }
  mkdirSync(join(OUT, '..'), { recursive: true });
  writeFileSync(OUT, text);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale = writeGenerated({ check });
  if (check && stale) process.exit(1);
  console.log(`subdivision names: ${stale ? (check ? 'out of date' : 'updated') : 'up to date'} (${(generate().text.length / 1024).toFixed(0)} KiB)`);
}
