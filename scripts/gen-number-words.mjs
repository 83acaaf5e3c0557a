// Compiles the number words of languages whose reader is generated (Portuguese, Dutch) into
// server/src/core/read/generated/number-words.ts, which server/src/core/read/number-words.ts builds
// its lexicons from. `--check` only reports whether the committed module is out of date (used by tests).
//
// Sources, maintained data sets installed as devDependencies (nothing is fetched):
//   - cldr-rbnf: Unicode CLDR's rule-based spell-out of numbers ("vinte e quatro milhões",
//     "vijf­en­twintig"), evaluated here for the numbers that hold every word: 0 to 99, the hundreds,
//     and each scale once and twice (one and other plural forms);
//   - cldr-numbers-full: CLDR's short compact forms, the abbreviations of the scales ("24 mi",
//     "69 mln."), of which those of two letters or more are kept: one letter ("3 M") is read only
//     where the words around it tell (numbers.ts).
// Words are lower-cased; Dutch compounds are written by CLDR with soft hyphens between their parts,
// which tell the parts and the joiners ("en", "ën") the reader splits a compound with.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'server', 'src', 'core', 'read', 'generated', 'number-words.ts');

/** The languages generated, each with the CLDR locales merged into it (Brazilian and European Portuguese). */
export const LANGUAGES = { pt: ['pt', 'pt_PT'], nl: ['nl'] };

const SOFT_HYPHEN = '\u00AD';
const SCALES = [1e3, 1e6, 1e9, 1e12];

// ---------------------------------------------------------------------------------------------
// A small evaluator of CLDR rule-based number formats, for whole numbers

/** The rule sets of a CLDR *-SpelloutRules.txt file: name → rules sorted by base value. */
export function parseRbnf(text) {
  const sets = new Map();
  let current;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const head = /^(%%?[\w-]+):$/.exec(line);
    if (head) {
      current = [];
      sets.set(head[1], current);
      continue;
    }
    const rule = /^([^:]+):\s?(.*);$/.exec(line);
    if (!rule || !current) continue;
    const [key, radixText] = rule[1].split('/');
    if (!/^\d+$/.test(key)) continue; // -x, x.x, Inf, NaN: not whole non-negative numbers
    const base = Number(key);
    const radix = radixText ? Number(radixText) : 10;
    let exponent = base > 0 ? Math.floor(Math.log(base) / Math.log(radix) + 1e-9) : 0;
    const body = rule[2].startsWith("'") ? rule[2].slice(1) : rule[2];
    current.push({ base, divisor: radix ** exponent, body });
  }
  for (const rules of sets.values()) rules.sort((a, b) => a.base - b.base);
  return sets;
}

/** The words of `n` by rule set `name` of `sets`; `plural` gives a CLDR plural category of a number. */
export function spell(sets, name, n, plural) {
  const rules = sets.get(name);
  if (!rules) throw new Error(`no rule set ${name}`);
  let rule;
  for (const r of rules) if (r.base <= n) rule = r;
  if (!rule) throw new Error(`${name}: no rule for ${n}`);
  const quotient = Math.floor(n / rule.divisor);
  const remainder = n % rule.divisor;
  const sub = (kind, target, value) => {
    if (target.startsWith('#') || target.startsWith('0')) return String(value);
    return spell(sets, target || name, value, plural);
  };
  const expand = (body) => {
    // Optional text in brackets is left out when the number is a multiple of the rule's divisor.
    body = body.replace(/\[([^\]]*)\]/g, (_, inner) => (remainder === 0 ? '' : inner));
    body = body.replace(/\$\((cardinal|ordinal),([^)]*)\)\$/g, (_, __, forms) => {
      const byCategory = Object.fromEntries([...forms.matchAll(/(\w+)\{([^}]*)\}/g)].map((m) => [m[1], m[2]]));
      return byCategory[plural(quotient)] ?? byCategory.other;
    });
    return body
      .replace(/<(%%?[\w-]+|#[#,0.]*)?<(<?)/g, (_, t) => sub('<', t ?? '', quotient))
      .replace(/>(%%?[\w-]+|#[#,0.]*)?>(>?)/g, (_, t) => sub('>', t ?? '', remainder))
      .replace(/=(%%?[\w-]+|#[#,0.]*)=/g, (_, t) => sub('=', t, n));
  };
  return expand(rule.body);
}

// ---------------------------------------------------------------------------------------------
// The words of a language

const lower = (s) => s.toLocaleLowerCase('und');

/** The public cardinal rule sets of a locale ("%spellout-cardinal", "-feminine", "-stressed"…). */
function cardinalSets(sets) {
  return [...sets.keys()].filter((k) => /^%spellout-cardinal/.test(k));
}

function wordsOf(locales) {
  const add = new Map(); // word → value
  const hundreds = new Set();
  const scales = new Map();
  const bare = new Set();
  const joiners = new Set();
  let compound = false;
  const put = (map, word, value, what) => {
    if (map.has(word) && map.get(word) !== value) throw new Error(`${what} "${word}" is both ${map.get(word)} and ${value}`);
    map.set(word, value);
  };
  for (const locale of locales) {
    const sets = parseRbnf(readFileSync(require.resolve(`cldr-rbnf/rbnf/${locale}-SpelloutRules.txt`), 'utf8'));
    const pr = new Intl.PluralRules(locale.replace('_', '-'));
    const plural = (k) => pr.select(k);
    for (const set of cardinalSets(sets)) {
      const say = (n) => lower(spell(sets, set, n, plural)).trim();
      // Units, teens and tens: each a word of its own, or a compound of known parts (Dutch "een­en­twintig").
      for (let n = 0; n < 100; n++) {
        const text = say(n);
        if (/\s/.test(text)) continue; // "vinte e um": words already read
        const parts = text.split(SOFT_HYPHEN);
        if (parts.length === 1) put(add, text, n, 'word');
        else {
          compound = true;
          for (const p of parts) if (!/\d/.test(p) && ![...add.keys()].includes(p) && p.length <= 2) joiners.add(p);
        }
      }
      // Hundreds: a word for 100 (and the form 101 starts with, "cento"), words of their own for 200…900 ("duzentos").
      const hundred = say(100);
      if (!/[\s\u00AD]/.test(hundred)) {
        hundreds.add(hundred);
        bare.add(hundred);
      }
      const h101 = say(101).split(/[\s\u00AD]/);
      if (h101.length > 1) hundreds.add(h101[0]);
      for (let d = 2; d <= 9; d++) {
        const text = say(d * 100);
        if (!/[\s\u00AD]/.test(text)) put(add, text, d * 100, 'word');
      }
      // Scales: the last word of "dois milhões" / "um milhão"; alone ("mil", "duizend"), a number by itself.
      for (const s of SCALES) {
        for (const m of [1, 2]) {
          const words = say(m * s).split(/[\s\u00AD]/);
          const last = words[words.length - 1];
          if (scales.has(last) && scales.get(last) !== s) continue; // "mil milhões": a scale of scales
          put(scales, last, s, 'scale');
          if (m === 1 && words.length === 1) bare.add(last);
        }
      }
    }
  }
  return { add, hundreds, scales, bare, joiners, compound };
}

/** Abbreviations of the scales in CLDR's short compact forms ("0 mi", "0 mln'.'"), of two letters or more. */
function abbreviationsOf(locales) {
  const out = new Map();
  const ambiguous = new Set(); // Brazilian "bi" is a billion, European "Bi" a million million: neither is kept
  for (const locale of locales) {
    const id = locale.replace('_', '-');
    const numbers = require(`cldr-numbers-full/main/${id}/numbers.json`).main[id].numbers;
    const system = numbers.defaultNumberingSystem;
    const short = numbers[`decimalFormats-numberSystem-${system}`].short.decimalFormat;
    for (const [key, pattern] of Object.entries(short)) {
      const m = /^(1(?:0{3}|0{6}|0{9}|0{12}))-count-/.exec(key);
      if (!m) continue;
      const zeros = /0+/.exec(pattern.split(';')[0])[0].length;
      const scale = Number(m[1]) / 10 ** (zeros - 1);
      const word = pattern.split(';')[0].replace(/0+/, '').replace(/'\.'|'/g, '').trim();
      // One letter ("M", "K") is read only where the words around it tell; a letter case that
      // carries meaning ("mM", a thousand millions) is lost once lower-cased.
      if (word.length < 2 || ![1e3, 1e6, 1e9, 1e12].includes(scale)) continue;
      if (word !== lower(word) && word !== word[0] + lower(word.slice(1))) continue;
      const abbr = lower(word);
      if (out.has(abbr) && out.get(abbr) !== scale) ambiguous.add(abbr);
      out.set(abbr, scale);
    }
  }
  for (const a of ambiguous) out.delete(a);
  return out;
}

export function generate() {
  const versions = ['cldr-rbnf', 'cldr-numbers-full'].map((p) => `${p} ${require(`${p}/package.json`).version}`);
  const languages = {};
  for (const [lang, locales] of Object.entries(LANGUAGES)) {
    const w = wordsOf(locales);
    const abbreviations = abbreviationsOf(locales);
    for (const [a] of abbreviations) if (w.add.has(a) || w.scales.has(a)) abbreviations.delete(a);
    const sorted = (m) => Object.fromEntries([...m].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])));
    languages[lang] = {
      words: sorted(w.add),
      hundreds: [...w.hundreds].sort(),
      scales: sorted(w.scales),
      abbreviations: sorted(abbreviations),
      bare: [...w.bare].sort(),
      compound: w.compound,
      joiners: [...w.joiners].sort(),
    };
  }
  const lines = [
    `// Generated by scripts/gen-number-words.mjs from ${versions.join(' and ')}; do not edit.`,
    '',
    '/** The number words of one language, as CLDR spells numbers out. */',
    'export interface GeneratedNumberWords {',
    '  /** Words worth a number to add: units, teens, tens, hundreds of their own ("duzentos"). */',
    '  words: Readonly<Record<string, number>>;',
    '  /** Words for a hundred that multiply what precedes them ("cem", "cento", "honderd"). */',
    '  hundreds: readonly string[];',
    '  /** Scale words, singular and plural ("milhão", "milhões", "miljoen"). */',
    '  scales: Readonly<Record<string, number>>;',
    '  /** Abbreviated scale words of the compact forms ("mi", "mln"). */',
    '  abbreviations: Readonly<Record<string, number>>;',
    '  /** Hundred and scale words that are a number alone ("mil", "duizend"). */',
    '  bare: readonly string[];',
    '  /** Numbers are written as one word of parts ("vijfentwintig"). */',
    '  compound: boolean;',
    '  /** What joins the parts of a compound ("en", "ën"). */',
    '  joiners: readonly string[];',
    '}',
    '',
    `export const GENERATED_NUMBER_WORDS: Readonly<Record<string, GeneratedNumberWords>> = ${JSON.stringify(languages, null, 2)};`,
    '',
  ];
  return lines.join('\n');
}

/** Writes the generated module (or with `check`, only compares it); returns whether it differed. */
export function writeGenerated({ check = false } = {}) {
  const text = generate();
  const old = existsSync(OUT) ? readFileSync(OUT, 'utf8') : undefined;
  if (old === text) return false;
  if (check) {
    console.error('server/src/core/read/generated/number-words.ts is out of date: run `npm run prepare-number-words`');
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
  console.log(`number words: ${stale ? (check ? 'out of date' : 'updated') : 'up to date'} (${Object.keys(LANGUAGES).join(', ')})`);
}
