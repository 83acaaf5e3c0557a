/**
 * Reading the numbers a news text contains, as a reader of its language would: "400,000", "400 000",
 * "1.35 million", "two individuals", "1.1 tonnes" (= 1,100 kg), Arabic-Indic digits ("٤٠٠٬٠٠٠"),
 * number words and mixed forms in English, German, Spanish, Italian, French, Turkish, Greek, Arabic,
 * Polish, Hungarian and Swahili ("34 milyon 270 bin", "3,2 Millionen", "quasi nove milioni",
 * "14 مليونا و976 ألف", "másfél tonna", "a ton and a half"), compound masses ("1 ton 831 kilogram"),
 * units before the number (Swahili "kilo 610"), the hedge around a number ("more than", "rund",
 * Turkish "…den fazla") and what a bare number counts (pills, packages, persons, an age, money).
 * Pure functions, no IO.
 *
 * Separators are decided by the run itself ("4.400.000", "1,5", "1,234.5"), else by the language's
 * convention ("3.225 kilos" in Spanish is 3,225 kg; "22.046 tons" in English is 22.046), else by a
 * scale word after the run (Arabic "1.500 مليون" is 1.5 million); where nothing decides, both readings
 * are returned and marked `ambiguous`. "tons" in English are metric or short (both readings).
 *
 * Every reader here scans the text once, looking a bounded number of words around each number:
 * the time grows linearly with the text.
 */
import { COUNT_UNITS, KG_PER_UNIT, L_PER_UNIT } from './units';
import { TextMemo, deepFreeze } from '../base/memo';
import { NUMBER_JOINERS, type WordValue, bareScaleIsNumber, lexiconsFor, wordValue } from './number-words';
import {
  AGE_AFTER,
  AGE_BEFORE,
  arabicUnitNoun,
  type CountOf,
  HEDGE_MAX_WORDS,
  type QualifierKind,
  type TextUnit,
  UNIT_BEFORE,
  UNIT_BEFORE_LANGUAGES,
  countedBy,
  currencyAfter,
  currencyBefore,
  hedgeAfter,
  hedgeBefore,
  hedgeMayStartWith,
  unitOf,
  unitWord,
} from './number-context';

export type { TextUnit, QualifierKind, CountOf } from './number-context';

export interface NumberReading {
  /** The number, scale words applied ("1.35 million" → 1350000), in `unit` when there is one. */
  value: number;
  unit?: TextUnit;
  /** Offsets (UTF-16) of the number and its scale and unit words in the text. */
  start: number;
  end: number;
  /** The text read. */
  text: string;
  /** How it was read: digits (alone or with number words, "34 milyon 270 bin") or number words only. */
  kind: 'digits' | 'words';
  /**
   * The separator convention that gave this reading, for digits with a separator that tells: `point`
   * (1,600.5) or `comma` (1.600,5). Absent for runs that read the same either way ("400 000", "2025").
   */
  convention?: 'point' | 'comma';
  /** The run reads as two numbers and nothing in it, its language or its context decides: both readings are returned. */
  ambiguous?: boolean;
  /** The hedge on the number ("more than 5.3 million", "rund 1,5 Tonnen", "100 kilogramdan fazla"), with its offsets. */
  qualifier?: { kind: QualifierKind; text: string; start: number; end: number };
  /**
   * The noun after the number and its unit, lower-cased: the word that tells what is counted when
   * there is one ("5.3 million Captagon pills" → "pills"), else the first word after the number.
   */
  noun?: string;
  /** What a bare number (without a unit) counts, from the words around it; `other` when a noun says something else. */
  countOf?: CountOf;
}

// ---------------------------------------------------------------------------------------------
// Separators

/** Languages that write thousands with a dot (or a space) and decimals with a comma: "1.600" there is 1,600. */
const COMMA_LANGUAGES = new Set([
  'de', 'tr', 'es', 'it', 'pt', 'nl', 'id', 'da', 'nb', 'no', 'el', 'ro', 'hr', 'sr', 'sl', 'bs',
  'fr', 'ru', 'uk', 'pl', 'cs', 'sk', 'hu', 'az', 'vi', 'bg', 'mk', 'sq', 'lt', 'lv', 'et', 'fi', 'sv',
]);

/** Languages that write a decimal point and a thousands comma: "1.600" there is 1.6. */
const POINT_LANGUAGES = new Set(['en', 'he', 'ja', 'zh', 'ko', 'th', 'hi', 'ur', 'ms', 'tl', 'sw']);

/**
 * Languages whose press writes Western digits in either convention (Arabic: "3.054.000" and "8.3
 * ملايين" in one article): a run that reads both ways stays ambiguous unless its context decides.
 * Listed to order the readings: the comma reading first.
 */
const MIXED_LANGUAGES = new Set(['ar', 'fa', 'ku', 'ckb']);

/** The primary subtag of a BCP 47 tag, lower-cased (`de-CH` → `de`). */
function primaryLanguage(language: string | undefined): string | undefined {
  return language ? language.toLowerCase().split(/[-_]/)[0] : undefined;
}

const SPACE_SEPS = new Set([' ', '\u00A0', '\u202F', '\u2009']);

/** Separators of the point convention (1,600.5) and of the comma convention (1.600,5). */
const POINT_THOUSANDS = new Set([',', "'", '\u066C', ...SPACE_SEPS]);
const POINT_DECIMAL = new Set(['.', '\u066B']);
const COMMA_THOUSANDS = new Set(['.', "'", '\u066C', ...SPACE_SEPS]);
const COMMA_DECIMAL = new Set([',', '\u066B']);

const DIGITS_ONLY = /^\d+$/;

interface RunReading {
  value: number;
  convention?: 'point' | 'comma';
  ambiguous?: boolean;
  /** The run alone (not its language) decided the convention. */
  byForm?: boolean;
}

/** A run of digits and separators read under one convention, or undefined when it is not a number there. */
function readAs(groups: string[], seps: string[], thousands: Set<string>, decimal: Set<string>): number | undefined {
  let intPart = groups[0];
  let frac = '';
  let grouped = false;
  for (let i = 0; i < seps.length; i++) {
    const s = seps[i];
    const g = groups[i + 1];
    if (decimal.has(s)) {
      if (i !== seps.length - 1) return undefined; // a decimal separator comes last
      frac = g;
    } else if (thousands.has(s)) {
      if (g.length !== 3) return undefined;
      grouped = true;
      intPart += g;
    } else return undefined;
  }
  if (grouped && groups[0].length > 3) return undefined;
  const n = Number(frac ? `${intPart}.${frac}` : intPart);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The readings of a run of digits and separators ("1,350,000", "1.600", "400 000", "1,5") in a text
 * of `lang`; `scaleAfter`: a scale word follows ("1.500 مليون"), which makes an undecided separator
 * decimal. Arabic ٬ always groups thousands and ٫ is always decimal; spaces and apostrophes always
 * group thousands. Empty when the run is no number under either convention.
 */
function readRun(run: string, lang: string | undefined, scaleAfter: boolean): RunReading[] {
  if (DIGITS_ONLY.test(run)) return [{ value: Number(run) }];
  const parts = run.split(/([^0-9])/);
  const groups: string[] = [];
  const seps: string[] = [];
  for (let i = 0; i < parts.length; i++) (i % 2 === 0 ? groups : seps).push(parts[i]);
  if (groups.some((g) => g === '')) return [];
  if (seps.length === 0) return [{ value: Number(run) }];
  const point = readAs(groups, seps, POINT_THOUSANDS, POINT_DECIMAL);
  const comma = readAs(groups, seps, COMMA_THOUSANDS, COMMA_DECIMAL);
  if (point === undefined && comma === undefined) return [];
  if (comma === undefined) return [{ value: point!, convention: 'point', byForm: true }];
  if (point === undefined) return [{ value: comma, convention: 'comma', byForm: true }];
  if (point === comma) return [{ value: point }];
  if (lang && POINT_LANGUAGES.has(lang)) return [{ value: point, convention: 'point' }];
  if (lang && COMMA_LANGUAGES.has(lang)) return [{ value: comma, convention: 'comma' }];
  if (scaleAfter) {
    // "1.500 مليون": the separator is the decimal one.
    const last = seps[seps.length - 1];
    return POINT_DECIMAL.has(last) ? [{ value: point, convention: 'point' }] : [{ value: comma, convention: 'comma' }];
  }
  const both: RunReading[] = [
    { value: point, convention: 'point', ambiguous: true },
    { value: comma, convention: 'comma', ambiguous: true },
  ];
  return lang && MIXED_LANGUAGES.has(lang) ? both.reverse() : both;
}

/**
 * Reads a run of digits and separators as the numbers it may be in a text of `language`: one number
 * when the run, the language or nothing else is needed to decide, both readings otherwise.
 */
export function readDigitRun(run: string, language?: string): number[] {
  return readRun(run, primaryLanguage(language), false).map((r) => r.value);
}

/**
 * Whether the readings of one text use both separator conventions where the runs themselves tell
 * ("3.054.000" and "8.3" in one Arabic article; "1,5" beside "1,350,000"): a sign that a run read by
 * the language's convention may be meant the other way.
 */
export function mixesConventions(readings: readonly NumberReading[]): boolean {
  let point = false;
  let comma = false;
  for (const r of readings) {
    if (!r.convention || r.ambiguous) continue;
    const m = DIGIT_RUN_START.exec(asciiDigits(r.text));
    if (!m) continue;
    const form = readRun(m[0], undefined, false);
    if (form.length !== 1 || !form[0].byForm) continue;
    if (form[0].convention === 'point') point = true;
    else comma = true;
    if (point && comma) return true;
  }
  return false;
}

const DIGIT_RUN_START = /\d+(?:[.,'\u066B\u066C\u00A0\u202F\u2009 ]\d+)*/;

// ---------------------------------------------------------------------------------------------
// Tokens

export interface Token {
  kind: 'num' | 'word' | 'punct';
  /** The text, lower-cased for words. */
  text: string;
  start: number;
  end: number;
  /** For numbers: their readings. */
  runs?: RunReading[];
  /** For numbers: the raw run. */
  run?: string;
}

const TOKEN_RE = /(\d+(?:(?:[.,'\u066B\u066C]|[ \u00A0\u202F\u2009](?=\d{3}(?!\d)))\d+)*)|([\p{L}\p{M}\u0640]+)|(\S)/gu;
const SUB_RUN_RE = /\d+(?:[.,'\u066B\u066C]\d+)*/g;

/** TOKEN_RE anchored at a position (the scanner below hands it what is not plain ASCII). */
const TOKEN_AT = new RegExp(TOKEN_RE.source, 'uy');

/**
 * The tokens of a text whose digits were made ASCII: digit runs, words (lower-cased), other
 * characters — the tokens TOKEN_RE matches. Most of a news text is ASCII letters, spaces and
 * punctuation, which are scanned here by character code; digits and anything beyond ASCII are
 * matched by the same expression, anchored where they start.
 */
function tokenize(norm: string): Token[] {
  const out: Token[] = [];
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const c = norm.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++; // ASCII white space: between tokens
      continue;
    }
    if (isAsciiLetter(c)) {
      let j = i + 1;
      while (j < n && isAsciiLetter(norm.charCodeAt(j))) j++;
      // A word that goes on past ASCII ("Müller", "naïve") is the expression's to read.
      if (j === n || norm.charCodeAt(j) < 128) {
        out.push({ kind: 'word', text: norm.slice(i, j).toLowerCase(), start: i, end: j });
        i = j;
        continue;
      }
    } else if (c < 128 && !(c >= 48 && c <= 57)) {
      out.push({ kind: 'punct', text: norm[i], start: i, end: i + 1 });
      i++;
      continue;
    }
    TOKEN_AT.lastIndex = i;
    const m = TOKEN_AT.exec(norm);
    if (!m) {
      i++; // white space beyond ASCII
      continue;
    }
    if (m[1]) pushRun(out, m[1], i);
    else if (m[2]) out.push({ kind: 'word', text: m[2].toLowerCase(), start: i, end: i + m[2].length });
    else out.push({ kind: 'punct', text: m[3], start: i, end: i + m[3].length });
    i += m[0].length;
  }
  return out;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The tokens as TOKEN_RE alone finds them (what `tokenize` must return; for tests). */
export function tokenizeByExpression(norm: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(norm); m; m = TOKEN_RE.exec(norm)) {
    const start = m.index;
    if (m[1]) {
      pushRun(out, m[1], start);
    } else if (m[2]) {
      out.push({ kind: 'word', text: m[2].toLowerCase(), start, end: start + m[2].length });
    } else {
      out.push({ kind: 'punct', text: m[3], start, end: start + m[3].length });
    }
  }
  return out;
}

/** The tokens of a text (see `tokenize`), for tests. */
export function tokensOf(text: string): readonly Token[] {
  return tokenize(asciiDigits(text));
}

/** A run of digits as one number token, or, when it is no number ("In 2025 300 pills", "26.01.2022"), as its pieces. */
function pushRun(out: Token[], run: string, start: number) {
  if (DIGITS_ONLY.test(run) || readRun(run, undefined, false).length > 0) {
    out.push({ kind: 'num', text: run, run, start, end: start + run.length });
    return;
  }
  SUB_RUN_RE.lastIndex = 0;
  const pieces: [string, number][] = [];
  for (let s = SUB_RUN_RE.exec(run); s; s = SUB_RUN_RE.exec(run)) pieces.push([s[0], start + s.index]);
  for (const [piece, at] of pieces) {
    if (pieces.length > 1 && readRun(piece, undefined, false).length > 0) {
      out.push({ kind: 'num', text: piece, run: piece, start: at, end: at + piece.length });
      continue;
    }
    const digits = /\d+/g;
    for (let d = digits.exec(piece); d; d = digits.exec(piece)) out.push({ kind: 'num', text: d[0], run: d[0], start: at + d.index, end: at + d.index + d[0].length });
  }
}

/** Only spaces (no line break) between two tokens. */
function adjacent(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end > 3) return false;
  for (let i = a.end; i < b.start; i++) if (!SPACE_SEPS.has(text[i]) && text[i] !== '\t') return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Number phrases

/** One part of a number phrase: a run of digits or a number word. */
type Atom = { kind: 'num'; token: Token } | { kind: 'word'; token: Token; value: WordValue };

interface Phrase {
  atoms: Atom[];
  /** Index of the first and last token of the phrase. */
  first: number;
  last: number;
  /** The phrase starts with "a"/"an" ("a hundred", "a ton"). */
  article: boolean;
  /** "half a million". */
  halfOf: boolean;
}

/** The longest phrase, in tokens: numbers longer than this are read in pieces. */
const MAX_PHRASE_TOKENS = 24;

const isScale = (v: WordValue | undefined) => !!v && (v.kind === 'scale' || v.kind === 'scaled');
const isScaleLike = (v: WordValue | undefined) => !!v && (v.kind === 'hundred' || v.kind === 'dozen' || v.kind === 'scale');

interface Reader {
  text: string;
  tokens: Token[];
  lang: string | undefined;
  values: (i: number) => { value: WordValue; conj: boolean } | undefined;
}

/** The number phrase starting at token `i`, or undefined when none starts there. */
function phraseAt(r: Reader, i: number): Phrase | undefined {
  const { tokens, text } = r;
  const t = tokens[i];
  let j = i;
  let article = false;
  let halfOf = false;
  if (t.kind === 'word' && (t.text === 'a' || t.text === 'an' || t.text === 'half')) {
    // "a hundred", "a million", "half a million".
    if (t.text === 'half') {
      const a = tokens[i + 1];
      const s = tokens[i + 2];
      if (!a || !s || (a.text !== 'a' && a.text !== 'an') || !adjacent(text, t, a) || !adjacent(text, a, s) || !isScaleLike(r.values(i + 2)?.value)) return undefined;
      halfOf = true;
      j = i + 2;
    } else {
      const s = tokens[i + 1];
      if (!s || !adjacent(text, t, s) || !isScaleLike(r.values(i + 1)?.value)) return undefined;
      article = true;
      j = i + 1;
    }
  } else if (t.kind === 'word') {
    const v = r.values(i);
    if (!v) return undefined;
    // "million" alone is a number only where the language says so ("ألف حبة", "bin 300", "mil kilos").
    if ((v.value.kind === 'scale' || v.value.kind === 'hundred') && !bareScaleIsNumber(t.text, r.lang)) return undefined;
  } else if (t.kind !== 'num') return undefined;

  const atoms: Atom[] = [];
  let last = j;
  let cur = 0; // the value of the parts since the last scale word, to tell "twenty five" from "five twenty"
  let prev: Atom | undefined;
  for (let k = j; k < tokens.length && k - i < MAX_PHRASE_TOKENS; ) {
    const tok = tokens[k];
    let next = k;
    let joined = false;
    if (prev) {
      // What may come between two parts: nothing, a hyphen ("twenty-five"), a joining word ("and").
      let p = tokens[k - 1];
      if (tok.kind === 'punct' && tok.text === '-' && tokens[k + 1] && tok.start === p.end && tokens[k + 1].start === tok.end) {
        next = k + 1;
      } else if (tok.kind === 'word' && NUMBER_JOINERS.has(tok.text) && adjacent(text, p, tok)) {
        // "and a half": a half added to what precedes ("one and a half", "two and a half million").
        const a = tokens[k + 1];
        const h = tokens[k + 2];
        if (tok.text === 'and' && a && h && (a.text === 'a' || a.text === 'an') && h.text === 'half' && adjacent(text, tok, a) && adjacent(text, a, h)) {
          if (prev.kind === 'word' && prev.value.kind === 'half') break;
          prev = { kind: 'word', token: h, value: { kind: 'half', n: 0.5 } };
          atoms.push(prev);
          last = k + 2;
          k += 3;
          continue;
        }
        next = k + 1;
        joined = true;
        // Arabic "و" written apart, or stuck to the digits: "و976".
        if (tokens[next] && !(tok.text === 'و' && tokens[next].start === tok.end) && !adjacent(text, tok, tokens[next])) break;
      } else if (!adjacent(text, p, tok)) break;
    }
    const nt = tokens[next];
    if (!nt || next - i >= MAX_PHRASE_TOKENS) break;
    let atom: Atom | undefined;
    let conj = false;
    if (nt.kind === 'num') atom = { kind: 'num', token: nt };
    else if (nt.kind === 'word') {
      const v = r.values(next);
      if (v) {
        atom = { kind: 'word', token: nt, value: v.value };
        conj = v.conj;
      }
    }
    if (!atom) break;
    if (prev && !follows(prev, atom, cur, joined || conj, r)) break;
    if (!prev && atom.kind === 'word' && atom.value.kind === 'half' && atom.value.n === 0.5) {
      // "medio millón", "yarım ton", "μισό εκατομμύριο", "demi-tonne": a half only before a scale word or a unit.
      let n = next + 1;
      if (tokens[n]?.text === '-' && tokens[n].start === nt.end && tokens[n + 1]?.start === tokens[n].end) n++;
      const after = tokens[n];
      if (!after || (n === next + 1 && !adjacent(text, nt, after)) || !(isScale(r.values(n)?.value) || (after.kind === 'word' && unitOf(after.text, r.lang, false)))) return undefined;
    }
    atoms.push(atom);
    cur = atomCur(atom, cur, r.lang);
    prev = atom;
    last = next;
    k = next + 1;
  }
  if (atoms.length === 0) return undefined;
  return { atoms, first: i, last, article, halfOf };
}

/** The running value of the parts since the last scale word, after `atom`. */
function atomCur(atom: Atom, cur: number, lang: string | undefined): number {
  if (atom.kind === 'num') return Number(atom.token.run?.replace(/[^0-9]/g, '')) || 1;
  const v = atom.value;
  if (lang === 'fr' && v.kind === 'add' && v.n === 20 && cur % 100 === 4) return cur + 76; // "quatre-vingts"
  if (v.kind === 'add' || v.kind === 'half') return cur + v.n;
  if (v.kind === 'hundred') return (cur || 1) * 100;
  if (v.kind === 'dozen') return (cur || 1) * 12;
  return 0;
}

/** Halves written after their number without a joining word: Turkish "bir buçuk" (1.5), "iki buçuk ton". */
const POSTPOSED_HALVES = new Set(['buçuk']);

/** Whether `next` continues a number phrase whose last part is `prev`; `joined`: a joining word ("and", "و") is between them. */
function follows(prev: Atom, next: Atom, cur: number, joined: boolean, r: Reader): boolean {
  const pv = prev.kind === 'word' ? prev.value : undefined;
  const prevScale = !!pv && (pv.kind === 'scale' || pv.kind === 'scaled');
  const prevHundred = !!pv && pv.kind === 'hundred';
  if (next.kind === 'num') {
    // Digits continue only after a scale word, and are smaller than it: "34 milyon 270 bin", "bin 300", "مليونا و976".
    if (!prevScale && !prevHundred) return false;
    if (/[^0-9]/.test(next.token.run ?? '')) return false;
    const n = Number(next.token.run);
    const limit = prevHundred ? 100 : pv!.kind === 'scale' ? pv!.n : 1000;
    return n < limit;
  }
  const v = next.value;
  if (v.kind === 'scale') {
    // A scale word multiplies what precedes ("three million", "3,2 Millionen", "mil millones").
    if (joined) return false;
    if (prev.kind === 'num') return true;
    return pv!.kind !== 'scaled';
  }
  if (v.kind === 'scaled') return !joined && false;
  if (v.kind === 'hundred') return !joined && (prev.kind === 'num' ? Number(prev.token.run) < 10 : pv!.kind === 'add' && cur < 10);
  if (v.kind === 'dozen') return !joined && (prev.kind === 'num' || pv!.kind === 'add');
  // "bir buçuk", "one and a half", "a million and a half": a half joined to what precedes, or one that
  // follows its number by itself (Turkish "buçuk"). Elsewhere a half right after "one" is the
  // article and a fraction of what follows: "une demi-tonne", "eine halbe Tonne", "een halve ton" (0.5).
  if (v.kind === 'half') return v.n === 0.5 && (joined || POSTPOSED_HALVES.has(next.token.text)) && (prev.kind === 'num' || pv!.kind === 'add' || prevScale);
  // A count after a scale word, or after "hundred" ("two hundred and fifty"): smaller than it.
  if (prevScale) return v.n < (pv!.kind === 'scale' ? pv!.n : 1000);
  if (prevHundred) return v.n < 100;
  if (prev.kind === 'num') return false;
  if (pv!.kind !== 'add') return false;
  // Two counts in a row: tens then units ("twenty five", "treinta y dos"), Arabic units then tens
  // ("خمسة وعشرون") and teens ("ثلاثة عشر"). Never two counts of one kind ("one two", "اثنين وواحد").
  // Swahili and Turkish count ten too: "kumi na tano", "on beş" (15).
  const tensThenUnit = pv!.n % 10 === 0 && pv!.n >= (r.lang === 'sw' || r.lang === 'tr' ? 10 : 20) && pv!.n < 100 && v.n < 10 && cur % 10 === 0;
  // Hundreds written as one word, then less than a hundred: "doscientos cinco", "διακόσια πενήντα",
  // "duzentos e vinte", "تسعمائة وثمانية".
  const hundredsThenLess = pv!.n % 100 === 0 && pv!.n >= 100 && pv!.n < 1000 && v.n < 100 && cur % 100 === 0 && cur < 1000;
  const arabic = /[\u0600-\u06FF]/.test(next.token.text);
  const unitsThenTens = arabic && joined && cur < 10 && v.n % 10 === 0 && v.n >= 20 && v.n < 100;
  const teen = arabic && !joined && v.n === 10 && cur < 10;
  // French counts by twenties: "soixante-dix" (70), "soixante et onze" (71), "quatre-vingts" (80), "quatre-vingt-dix" (90).
  const c = cur % 100;
  const french =
    r.lang === 'fr' &&
    ((c === 4 && v.n === 20) || ((c === 60 || c === 80) && v.n >= 10 && v.n < 20) || ((c === 10 || c === 70 || c === 90) && pv!.n === 10 && v.n < 10));
  if (joined && !arabic) return (tensThenUnit || hundredsThenLess || french) && r.lang !== 'en';
  return tensThenUnit || hundredsThenLess || unitsThenTens || teen || french;
}

/** The value of a phrase, its first run of digits read as `first`. */
function phraseValue(p: Phrase, first: number | undefined, lang: string | undefined): number {
  let total = 0;
  let cur = 0;
  let lastScale = 0;
  let usedFirst = false;
  // Swahili writes the scale before its multiplier: "elfu tatu" (3,000), "milioni tano", "mia tano".
  let pending = 0;
  const settle = () => {
    if (!pending) return;
    total += (cur || 1) * pending;
    cur = 0;
    pending = 0;
  };
  // A half just added as a fraction of the last scale word ("6 ملايين ونصف"): the same scale word
  // after it is the half's own noun, not a multiplier ("6 ملايين ونصف مليون", six and a half million).
  let halfOfLastScale = false;
  for (let k = 0; k < p.atoms.length; k++) {
    const a = p.atoms[k];
    if (halfOfLastScale && a.kind === 'word' && a.value.kind === 'scale' && a.value.n === lastScale) {
      halfOfLastScale = false;
      continue;
    }
    halfOfLastScale = false;
    if (lang === 'sw' && a.kind === 'word' && (a.value.kind === 'scale' || a.value.kind === 'hundred') && cur === 0 && k + 1 < p.atoms.length) {
      settle();
      pending = a.value.kind === 'scale' ? a.value.n : 100;
      lastScale = pending;
      continue;
    }
    if (pending && a.kind === 'word' && a.value.kind === 'scale') settle();
    if (a.kind === 'num') {
      const n = !usedFirst && first !== undefined ? first : Number(a.token.run);
      usedFirst = true;
      cur += n;
      continue;
    }
    const v = a.value;
    if (lang === 'fr' && v.kind === 'add' && v.n === 20 && cur % 100 === 4) cur += 76; // "quatre-vingts": four twenties
    else if (v.kind === 'half' && cur === 0 && lastScale) {
      total += v.n * lastScale; // "a million and a half"
      halfOfLastScale = true;
    }
    else if (v.kind === 'add' || v.kind === 'half') cur += v.n;
    else if (v.kind === 'hundred') cur = (cur || 1) * 100;
    else if (v.kind === 'dozen') cur = (cur || 1) * 12;
    else if (v.kind === 'scaled') {
      total += v.n;
      cur = 0;
    } else if (v.n > 1 && total > 0 && total < v.n && cur === 0) {
      // "mil millones": a larger scale word multiplies everything before it.
      total *= v.n;
      lastScale = v.n;
    } else {
      total += (cur || 1) * v.n;
      cur = 0;
      lastScale = v.n;
    }
  }
  settle();
  const value = total + cur;
  return p.halfOf ? value * 0.5 : value;
}

/** Rounds away binary noise: 1.35 × 1e6 → 1350000, 2.015 × 1000 → 2015. */
export function round12(n: number): number {
  // A whole number of up to 12 digits is its own 12-digit rounding.
  if (n > 0 && n < 1e12 && Number.isInteger(n)) return n;
  return Number.isFinite(n) ? Number(n.toPrecision(12)) : n;
}

// ---------------------------------------------------------------------------------------------
// Around a number: unit, hedge, what it counts

/** Words joining the parts of a compound mass: "1 ton and 150 kilograms", "3 أطنان من 533 كيلوغرام", "1 ton 831 kilogram". */
const MASS_JOINERS = new Set([...NUMBER_JOINERS, 'of', 'من']);

/** Words passed over between a number and its noun: "pills of Captagon", "millones de euros", Turkish "adet". */
const NOUN_SKIP = new Set(['of', 'de', 'del', 'di', 'du', 'des', 'd', 'the', 'la', 'las', 'los', 'le', 'les', 'der', 'die', 'des', 'den', 'τα', 'των', 'του', 'της', 'ya', 'za', 'wa', 'adet', 'tane', 'من']);

/** Characters that may sit between a number and its noun without ending the phrase (quotes). */
const QUOTES = new Set(['"', '“', '”', '„', '«', '»', '‘', '’', "'", '-']);

/**
 * A unit found around a number: the units it names, the token its words end on, and how many of them
 * one of it is (100 kg for a quintal).
 */
interface UnitFound {
  units: TextUnit[];
  end: number;
  factor?: number;
}

/** The unit after a phrase ending at token `last`, and the token its words end on. */
function unitAfter(r: Reader, last: number, digits: boolean): UnitFound | undefined {
  const { tokens, text, lang } = r;
  let j = last + 1;
  let t = tokens[j];
  if (!t) return undefined;
  // "65-kilogram".
  if (t.kind === 'punct' && t.text === '-' && t.start === tokens[last].end && tokens[j + 1]?.start === t.end) t = tokens[++j];
  else if (!adjacent(text, tokens[last], t)) return undefined;
  if (!t || t.kind !== 'word') return undefined;
  // "metric tons", "short tons".
  const n = tokens[j + 1];
  if ((t.text === 'metric' || t.text === 'short') && n && n.kind === 'word' && adjacent(text, t, n) && unitOf(n.text, 'en', digits)?.includes('t')) {
    return { units: t.text === 'metric' ? ['t'] : ['short_ton'], end: j + 1 };
  }
  const u = unitWord(t.text, lang, digits);
  return u ? { units: u.units, end: j, factor: u.factor } : undefined;
}

/** A half after the unit: "a ton and a half", "tonelada y media", "tonnellata e mezza", "tonne et demie", "طن ونصف". */
function halfAfterUnit(r: Reader, unitEnd: number): number | undefined {
  const { tokens, text } = r;
  const a = tokens[unitEnd + 1];
  if (!a || !adjacent(text, tokens[unitEnd], a)) return undefined;
  if (a.text === 'ونصف') return unitEnd + 1;
  if (!NUMBER_JOINERS.has(a.text)) return undefined;
  let k = unitEnd + 2;
  if (tokens[k]?.text === 'a' || tokens[k]?.text === 'an') k++;
  const h = tokens[k];
  if (h && adjacent(text, tokens[k - 1], h) && /^(?:half|medio|media|mezzo|mezza|demi|demie|nusu|نصف)$/.test(h.text)) return k;
  return undefined;
}

/** The hedge before token `first` (the longest of up to four words), or after the reading in Turkish and Arabic. */
function qualifierOf(r: Reader, first: number, lastToken: number): NumberReading['qualifier'] {
  const { tokens, text, lang } = r;
  // The words right before the number, nearest first, while they are words (or the punctuation of
  // "több, mint", "jusqu'à", "ca.") separated by spaces only.
  let from = first;
  if (first > 0 && /^[ \u00A0\u202F\t]{0,3}$/.test(text.slice(tokens[first - 1].end, tokens[first].start))) {
    while (from > 0 && first - from < HEDGE_MAX_WORDS + 2) {
      const tok = tokens[from - 1];
      if (tok.kind === 'num' || (tok.kind === 'punct' && !",'’.-".includes(tok.text))) break;
      if (from < first && !/^[ \u00A0\u202F\t]*$/.test(text.slice(tok.end, tokens[from].start))) break;
      from--;
    }
  }
  for (let k = from; k < first; k++) {
    if (tokens[k].kind !== 'word') continue;
    // The phrase from here is a hedge only if some hedge starts with this word (most words: none).
    if (!hedgeMayStartWith(tokens[k].text)) continue;
    const end = tokens[first - 1].end;
    const phrase = text
      .slice(tokens[k].start, end)
      .toLowerCase()
      .replace(/’/g, "'")
      .replace(/\s+/g, ' ')
      .replace(/\.$/, '');
    const kind = hedgeBefore(phrase, lang);
    if (kind) return { kind, text: text.slice(tokens[k].start, end), start: tokens[k].start, end };
  }
  // After: "100 kilogramdan fazla", "1 milyonu aşkın", "8 ملايين تقريبا".
  for (let q = lastToken + 1; q < tokens.length && q <= lastToken + 4; q++) {
    const tok = tokens[q];
    if (tok.kind === 'punct' && !QUOTES.has(tok.text)) break;
    if (tok.kind === 'num') break;
    if (tok.kind !== 'word') continue;
    const kind = hedgeAfter(tok.text, lang);
    if (kind) return { kind, text: text.slice(tok.start, tok.end), start: tok.start, end: tok.end };
  }
  return undefined;
}

const DRUG_NAMES = /^(?:captagon|kaptagon|ecstasy|كبتاغون|كبتاجون)$/u;

const PERSONS_BEFORE = /^(?:arrested|detained|arresting|detaining|detuvo|detuvieron|arrestato|arrestati|festgenommen|συνέλαβε|συνελήφθησαν|aresztowano|zatrzymano|اعتقال|توقيف|القبض)$/u;

/** What the words around a reading say it counts, and the noun that says so. */
function countedOf(r: Reader, first: number, lastToken: number, value: number): { noun?: string; countOf?: CountOf } {
  const { tokens, text } = r;
  const before = tokens[first - 1];
  // Money before: "$7,000", "Dh58 million", "EUR 60 million", "US$15.8 million".
  if (before && (before.end === tokens[first].start || adjacent(text, before, tokens[first])) && currencyBefore(before.text)) return { noun: before.text, countOf: 'money' };
  // "28-year-old", "28 years old", "(22, no ID)" after initials, "aged 44", "im Alter von 33 bis 45 Jahren".
  const whole = Number.isInteger(value) && value > 0 && value < 120;
  if (whole && /^\s*-?\s*(?:years?|yrs?)[\s-]*old\b|^\s*jahre\s+alt\b/.test(text.slice(tokens[lastToken].end, tokens[lastToken].end + 16).toLowerCase()))
    return { noun: 'year-old', countOf: 'age' };
  if (whole && before) {
    let b = first - 1;
    if (tokens[b] && NOUN_SKIP.has(tokens[b].text) === false && /^(?:von|of|de|di|da|wa|من)$/.test(tokens[b].text)) b--;
    if (tokens[b]?.kind === 'word' && AGE_BEFORE.test(tokens[b].text)) return { noun: tokens[b].text, countOf: 'age' };
    if (before.text === '(' && (tokens[lastToken + 1]?.text === ',' || tokens[lastToken + 1]?.text === ')') && namesBefore(r, first - 1) && value < 100)
      return { countOf: 'age' };
  }
  if (before && before.kind === 'word' && PERSONS_BEFORE.test(before.text)) return { noun: before.text, countOf: 'persons' };
  let noun: string | undefined;
  let weak: { noun: string; countOf: CountOf } | undefined;
  let words = 0;
  for (let q = lastToken + 1; q < tokens.length && words < 5; q++) {
    const tok = tokens[q];
    if (tok.kind === 'num') break;
    if (tok.kind === 'punct') {
      if (QUOTES.has(tok.text) || tok.text === '.') continue;
      break;
    }
    if (NOUN_SKIP.has(tok.text) || NUMBER_JOINERS.has(tok.text) || tok.text.length === 1 || hedgeAfter(tok.text, r.lang)) continue;
    words++;
    if (words <= 2 && whole && AGE_AFTER.test(tok.text)) return { noun: tok.text, countOf: 'age' };
    if (words <= 3 && currencyAfter(tok.text)) return { noun: tok.text, countOf: 'money' };
    const kind = countedBy(tok.text);
    // A drug's name says pills only when no counted word follows ("Captagon pills", "1,021,851 Captagon").
    if (kind && DRUG_NAMES.test(tok.text)) weak ??= { noun: tok.text, countOf: kind };
    else if (kind) return { noun: tok.text, countOf: kind };
    noun ??= tok.text;
  }
  return weak ?? (noun ? { noun, countOf: 'other' } : {});
}

/** Letters written after the digits for a scale: "$60m", "€1.2b", "50k pills". */
const SUFFIX_SCALES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9 };

/** Words that end the look for a counted noun after "3m": "a 20m boat with two crew members" counts no crew in metres. */
const SUFFIX_STOP = new Set(['with', 'of', 'and', 'or', 'from', 'to', 'in', 'on', 'at', 'for', 'by', 'the', 'a', 'an', 'that', 'which', 'carrying', 'off', 'long', 'high', 'deep', 'wide', 'away']);

/**
 * A letter glued to the digits before it as a scale ("$60m", "3m pills"), only where the words
 * around it tell, since "3m" is also three metres and "5k" five kilometres: money (a currency sign or
 * code before the number, a currency word after it), or, in English, pills, packages or persons
 * counted within the next few words ("3m super-strength “Captagon” amphetamine pills"). A hyphen
 * right after the letter makes a measure ("a 3m-long tunnel").
 */
function suffixScale(r: Reader, i: number): { value: WordValue; conj: boolean } | undefined {
  const { tokens, text, lang } = r;
  const t = tokens[i];
  const n = Object.hasOwn(SUFFIX_SCALES, t.text) ? SUFFIX_SCALES[t.text] : undefined;
  const num = tokens[i - 1];
  if (n === undefined || !num || num.kind !== 'num' || num.end !== t.start) return undefined;
  const told = { value: { kind: 'scale', n } as WordValue, conj: false };
  const sign = tokens[i - 2];
  if (sign && (sign.end === num.start || adjacent(text, sign, num)) && currencyBefore(sign.text)) return told;
  const after = tokens[i + 1];
  if (after && after.kind === 'word' && adjacent(text, t, after) && currencyAfter(after.text)) return told;
  if (lang !== 'en' && lang !== undefined) return undefined;
  if (after && after.start === t.end && after.text === '-') return undefined;
  let words = 0;
  for (let q = i + 1; q < tokens.length && words < 4; q++) {
    const tok = tokens[q];
    if (tok.kind === 'num') return undefined;
    if (tok.kind === 'punct') {
      if (QUOTES.has(tok.text)) continue;
      return undefined;
    }
    if (SUFFIX_STOP.has(tok.text)) return undefined;
    words++;
    const kind = countedBy(tok.text);
    if (kind === 'pills' || kind === 'packages' || kind === 'persons') return told;
  }
  return undefined;
}

/** A list of people with ages: "A.A. (22, no ID)", "Ahmed (44, Syrian)": initials or a capitalised name before the parenthesis. */
function namesBefore(r: Reader, paren: number): boolean {
  const p = r.tokens[paren - 1];
  if (!p) return false;
  if (p.text === '.' && r.tokens[paren - 2]?.kind === 'word' && r.tokens[paren - 2].text.length === 1) return true;
  if (p.kind !== 'word') return false;
  const raw = r.text.slice(p.start, p.end);
  return raw[0] !== raw[0].toLowerCase() && r.tokens[paren + 2]?.text === ',';
}

// ---------------------------------------------------------------------------------------------
// Reading a text

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic and Extended Arabic-Indic digits to ASCII (same length, so offsets are kept). */
export function asciiDigits(text: string): string {
  return text.replace(ARABIC_INDIC, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

/** Readings already made, by text: for each language (primary subtag) the text was read in. */
const readingsMemo = new TextMemo<{ text: string; byLanguage: Map<string | undefined, readonly NumberReading[]> }>();

/**
 * Every number the text contains, with the readings it allows, in text order. The list is shared
 * between callers (memoised) and frozen.
 */
export function readNumbers(text: string, language?: string): readonly NumberReading[] {
  const lang = primaryLanguage(language);
  // Read from the memo's own copy of the text: the readings keep parts of it.
  const kept = readingsMemo.get(text, (own) => ({ text: own, byLanguage: new Map() }));
  let out = kept.byLanguage.get(lang);
  if (!out) kept.byLanguage.set(lang, (out = deepFreeze(readFolded(kept.text, lang))));
  return out;
}

/** Keycap marks and variation selectors ("1️⃣"), mathematical letters and digits ("𝗧𝗢𝗡", "𝟭"), full-width digits. */
const FOLDABLE = /[\uFE0F\u20E3\uFF10-\uFF19]|\uD835[\uDC00-\uDFFF]/;

/**
 * Reads a text whose digits or letters are written in other Unicode forms (a tweet's "1️⃣ 𝗧𝗢𝗡
 * 1️⃣1️⃣7️⃣ kg") by folding them to plain ones first, with the readings' offsets mapped back to the
 * text as written.
 */
function readFolded(text: string, lang: string | undefined): NumberReading[] {
  if (!FOLDABLE.test(text)) return readText(text, lang);
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let out = text.slice(i, i + len);
    if (cp === 0xfe0f || cp === 0x20e3) out = '';
    else if (cp >= 0x1d400 && cp <= 0x1d7ff) out = out.normalize('NFKC');
    else if (cp >= 0xff10 && cp <= 0xff19) out = String(cp - 0xff10);
    for (let k = 0; k < out.length; k++) at.push(i);
    folded += out;
    i += len;
  }
  at.push(text.length);
  const endAt = (j: number) => (j <= 0 ? 0 : j >= at.length ? text.length : at[j - 1] + (text.codePointAt(at[j - 1])! > 0xffff ? 2 : 1));
  return readText(folded, lang).map((r) => {
    const start = at[r.start];
    let end = endAt(r.end);
    // A keycap's marks belong to its digit.
    while (end < text.length && (text[end] === '\uFE0F' || text[end] === '\u20E3')) end++;
    return { ...r, start, end, text: text.slice(start, end) };
  });
}

/** The readings of one number phrase (with its unit), before compound masses are made. */
interface Read {
  readings: NumberReading[];
  /** The scale word a phrase of digits ends with ("200 milioni": 1e6), to share with a number before it. */
  scale?: number;
  /** The phrase is a bare run of digits, with no scale word and no unit ("150"). */
  bare?: boolean;
  /** The phrase ends with a scale word and has no unit ("un miliardo", "870 million"): the scale. */
  endScale?: number;
  /** Token index of the phrase's last token (its unit's, when it has one). */
  lastToken: number;
  /** How many of its unit one of the unit word is (100 for "quintaux", read in kg). */
  unitFactor?: number;
  firstToken: number;
}

/**
 * What each word is worth, by language (the lexicons and suffixes depend on it alone): the same
 * words ("the", "seized", "kilograms") come back in every text, and most are worth nothing.
 */
const wordValues = new Map<string | undefined, TextMemo<ReturnType<typeof wordValue>>>();

function wordValueIn(word: string, lang: string | undefined): ReturnType<typeof wordValue> {
  let memo = wordValues.get(lang);
  if (!memo) {
    if (wordValues.size >= 64) wordValues.clear(); // a dataset of many language tags: kept bounded
    wordValues.set(lang, (memo = new TextMemo(4096, 64)));
  }
  return memo.get(word, (w) => wordValue(w, lexiconsFor(lang), lang));
}

function readText(text: string, lang: string | undefined): NumberReading[] {
  const tokens = tokenize(asciiDigits(text));
  const r: Reader = {
    text,
    tokens,
    lang,
    values: (i) => {
      const t = tokens[i];
      // A letter after digits ("$60m") is a scale by its context, not by itself: not memoised with the words.
      if (!t || t.kind !== 'word') return undefined;
      const v = wordValueIn(t.text, lang);
      if (v || t.text.length !== 1 || tokens[i - 1]?.end !== t.start || tokens[i - 1].kind !== 'num') return v;
      return suffixScale(r, i);
    },
  };
  const reads: Read[] = [];
  for (let i = 0; i < tokens.length; ) {
    const read = readAt(r, i);
    if (!read) {
      i++;
      continue;
    }
    reads.push(read);
    i = read.lastToken + 1;
  }
  const out: NumberReading[] = [];
  for (let k = 0; k < reads.length; k++) {
    out.push(...reads[k].readings);
    const compound = compoundMass(r, reads[k], reads[k + 1]);
    if (compound) out.push(...compound);
    const shared = sharedTail(r, reads[k], reads[k + 1]);
    if (shared) out.push(...shared);
    out.push(...scaleCompound(r, reads, k));
  }
  // Stable: readings of one place keep their order (metric tons before short tons, parts before their sum).
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The readings of the number phrase at token `i` (with its unit, hedge and noun), if one starts there. */
function readAt(r: Reader, i: number): Read | undefined {
  const { tokens, text, lang } = r;
  const t = tokens[i];
  // "a ton", "a ton and a half" (English): one of the unit.
  if (t.kind === 'word' && (t.text === 'a' || t.text === 'an') && lang !== undefined && (lang === 'en' || !lang)) {
    const u = unitAfter(r, i, false);
    if (u && u.units.every((x) => KG_PER_UNIT[x] !== undefined)) return finish(r, i, i, [{ value: 1 }], u, 'words');
  }
  // Arabic "طن" (a ton), "طنين" (two tons): a unit noun alone carries its number.
  if (t.kind === 'word' && /[\u0600-\u06FF]/.test(t.text) && tokens[i - 1]?.kind !== 'num' && !(i > 0 && r.values(i - 1))) {
    const noun = arabicUnitNoun(t.text);
    // "كيلو متر" is a kilometre.
    const metre = noun && /^(?:متر|مترا|مترات|امتار|أمتار)$/.test(tokens[i + 1]?.text ?? '');
    if (noun && !metre) return finish(r, i, i, [{ value: noun.count }], { units: noun.units, end: i }, 'words');
  }
  // "half a tonne", "half a kilo" (English): half of one of the unit.
  const a = tokens[i + 1];
  if (t.kind === 'word' && t.text === 'half' && lang === 'en' && a && (a.text === 'a' || a.text === 'an') && adjacent(text, t, a)) {
    const u = unitAfter(r, i + 1, false);
    if (u && u.units.every((x) => KG_PER_UNIT[x] !== undefined)) return finish(r, i, i + 1, [{ value: 0.5 }], u, 'words');
  }
  const phrase = phraseAt(r, i);
  if (!phrase) return undefined;
  let firstNum = -1;
  for (let a = 0; a < phrase.atoms.length && firstNum < 0; a++) if (phrase.atoms[a].kind === 'num') firstNum = a;
  const digits = firstNum >= 0;
  const scaleAfterFirst = digits && phrase.atoms[firstNum + 1]?.kind === 'word';
  const runs: (RunReading | undefined)[] = digits ? readRun(phrase.atoms[firstNum].token.run!, lang, scaleAfterFirst) : [undefined];
  const values: { value: number; run?: RunReading }[] = [];
  for (const run of runs) values.push({ value: phraseValue(phrase, run?.value, lang), run });
  let u = unitAfter(r, phrase.last, digits);
  let first = phrase.first;
  // "(17,500) kilograms", "(56) kilograms": the unit after the closing parenthesis; "-38- κιλών",
  // the Hellenic Police's way of setting figures off between hyphens: the unit after the second.
  if (!u && (tokens[phrase.first - 1]?.text === '(' && tokens[phrase.last + 1]?.text === ')' || betweenHyphens(r, phrase.first, phrase.last))) {
    const close = phrase.last + 1;
    const w = tokens[close + 1];
    const uu = w && w.kind === 'word' && adjacent(text, tokens[close], w) ? unitWord(w.text, lang, digits) : undefined;
    if (uu) u = { units: uu.units, end: close + 1, factor: uu.factor };
  }
  // Swahili "kilo 610", "pauni 1,345": the unit before the number.
  if (!u && lang && UNIT_BEFORE_LANGUAGES.has(lang) && i > 0 && tokens[i - 1].kind === 'word' && UNIT_BEFORE.has(tokens[i - 1].text) && adjacent(text, tokens[i - 1], t)) {
    first = i - 1;
    u = { units: UNIT_BEFORE.get(tokens[i - 1].text)!, end: phrase.last };
  }
  if (!u && phrase.atoms.length === 1 && phrase.atoms[0].kind === 'word' && phrase.atoms[0].value.kind === 'half' && phrase.atoms[0].value.n < 1) return undefined;
  const read = finish(r, first, phrase.last, values, u, digits ? 'digits' : 'words');
  const [a0, a1] = phrase.atoms;
  if (phrase.atoms.length === 1 && a0.kind === 'num' && !u) read.bare = true;
  if (phrase.atoms.length === 2 && a0.kind === 'num' && a1.kind === 'word' && a1.value.kind === 'scale') read.scale = a1.value.n;
  const last = phrase.atoms[phrase.atoms.length - 1];
  if (!u && last.kind === 'word' && last.value.kind === 'scale') read.endScale = last.value.n;
  return read;
}

/**
 * A figure set off between two hyphens that touch it, "-38-", standing apart from what precedes it:
 * not a range ("10-38") nor a word joined by hyphens ("ένα-38-").
 */
function betweenHyphens(r: Reader, first: number, last: number): boolean {
  const { tokens, text } = r;
  const open = tokens[first - 1];
  const close = tokens[last + 1];
  if (open?.text !== '-' || close?.text !== '-') return false;
  if (open.end !== tokens[first].start || close.start !== tokens[last].end) return false;
  const before = tokens[first - 2];
  const after = tokens[last + 2];
  return (!before || before.end < open.start) && !!after && after.start > close.end && adjacent(text, close, after);
}

/** Words between the two ends of a range: "150-200 million", "between 2 and 3 tons", "tra i 150 e i 200 milioni", "150 bis 200 Millionen". */
const RANGE_WORDS = new Set(['-', '–', '—', 'to', 'and', 'or', 'bis', 'a', 'e', 'y', 'o', 'et', 'ou', 'und', 'oder', 've', 'veya', 'i', 'lub', 'és', 'vagy', 'na', 'au', 'à', 'hasta', 'al', 'ila', 'الى', 'و', 'και', 'έως', 'ως', 'do', 'hadi']);
/** Articles before the second end: "tra i 150 e i 200", "entre los 150 y los 200". */
const RANGE_ARTICLES = new Set(['i', 'gli', 'los', 'las', 'les', 'the', 'die', 'τα', 'τους', 'τις']);

/**
 * The scale word or unit of the second end of a range shared with the first: "tra i 150 e i 200
 * milioni di euro" is 150 million to 200 million; "between 2 and 3 tons", 2 to 3 tons.
 */
function sharedTail(r: Reader, a: Read, b: Read | undefined): NumberReading[] | undefined {
  if (!b || !a.bare || a.readings.length === 0) return undefined;
  const unit = b.readings[0]?.unit;
  if (!b.scale && !unit) return undefined;
  const { tokens, text } = r;
  let q = a.lastToken + 1;
  if (!RANGE_WORDS.has(tokens[q]?.text) || (!adjacent(text, tokens[a.lastToken], tokens[q]) && tokens[q].start !== tokens[a.lastToken].end)) return undefined;
  q++;
  if (q < b.firstToken && RANGE_ARTICLES.has(tokens[q].text)) q++;
  if (q !== b.firstToken) return undefined;
  const scale = b.scale ?? 1;
  const out: NumberReading[] = [];
  for (const x of a.readings) {
    if (x.value * scale >= b.readings[0].value && !unit) continue; // the first end is the lower one
    for (const y of b.readings) {
      const reading: NumberReading = { ...x, value: round12(x.value * scale) };
      if (y.unit) reading.unit = y.unit;
      delete reading.countOf;
      if (y.countOf) reading.countOf = y.countOf;
      if (y.noun) reading.noun = y.noun;
      if (!out.some((o) => o.value === reading.value && o.unit === reading.unit)) out.push(reading);
    }
  }
  return out.length ? out : undefined;
}

/** Readings of `values` (one per reading of the digits' separators) times `unit`s, with their hedge and noun. */
function finish(r: Reader, first: number, last: number, values: { value: number; run?: RunReading }[], u: UnitFound | undefined, kind: 'digits' | 'words'): Read {
  const { tokens, text } = r;
  let end = u ? u.end : last;
  let half = 0;
  if (u) {
    const h = halfAfterUnit(r, u.end);
    if (h !== undefined) {
      half = 0.5;
      end = h;
    }
  }
  const start = tokens[first].start;
  const endOffset = tokens[end].end;
  const qualifier = qualifierOf(r, first, end);
  const counted = countedOf(r, first, end, values[0].value);
  const readings: NumberReading[] = [];
  for (const { value, run } of values) {
    for (const unit of u ? u.units : [undefined]) {
      const reading: NumberReading = { value: round12((value + half) * (u?.factor ?? 1)), start, end: endOffset, text: text.slice(start, endOffset), kind };
      if (unit) reading.unit = unit;
      if (run?.convention) reading.convention = run.convention;
      if (run?.ambiguous) reading.ambiguous = true;
      if (qualifier) reading.qualifier = qualifier;
      if (counted.noun) reading.noun = counted.noun;
      if (!unit && counted.countOf) reading.countOf = counted.countOf;
      readings.push(reading);
    }
  }
  return { readings, lastToken: end, firstToken: first, ...(u?.factor && u.factor !== 1 ? { unitFactor: u.factor } : {}) };
}

/**
 * Groups of descending scale joined by "and", "e", "y", "et" or a comma, read as one number too: "un
 * miliardo e cento milioni" (1,100,000,000), "Three billion, 870 million and 900 thousand". The groups'
 * own readings are kept: a comma may also separate two numbers.
 */
function scaleCompound(r: Reader, reads: readonly Read[], k: number): NumberReading[] {
  const first = reads[k];
  if (!first.endScale || first.readings.length !== 1) return [];
  const out: NumberReading[] = [];
  const { tokens, text } = r;
  let value = first.readings[0].value;
  let scale = first.endScale;
  let prev = first;
  for (let j = k + 1; j < reads.length && j <= k + 4; j++) {
    const next = reads[j];
    if (next.readings.length === 0) break;
    const gap = next.firstToken - prev.lastToken - 1;
    if (gap > 1) break;
    if (gap === 1) {
      const joiner = tokens[prev.lastToken + 1];
      if (!(NUMBER_JOINERS.has(joiner.text) || joiner.text === ',')) break;
      if (joiner.start - tokens[prev.lastToken].end > 1 || tokens[next.firstToken].start - joiner.end > 2) break;
    } else if (!adjacent(text, tokens[prev.lastToken], tokens[next.firstToken])) break;
    // A group with a unit of its own is another figure ("medio millón, una tonelada y media"), and
    // after a comma only a group of its own scale continues the number ("3 billion, 870 million").
    if (next.readings[0].unit) break;
    if (gap === 1 && tokens[prev.lastToken + 1].text === ',' && !next.endScale) break;
    const v = next.readings[0].value;
    const nextScale = next.endScale ?? 1;
    // Each group is smaller than the scale before it: "miliardo" then "cento milioni" (less than a billion).
    if (nextScale >= scale || v >= scale) break;
    value = round12(value + v);
    const last = next.readings[0];
    const reading: NumberReading = { value, start: first.readings[0].start, end: last.end, text: text.slice(first.readings[0].start, last.end), kind: first.readings[0].kind };
    if (last.unit) reading.unit = last.unit;
    if (first.readings[0].qualifier) reading.qualifier = first.readings[0].qualifier;
    if (last.noun) reading.noun = last.noun;
    if (last.countOf) reading.countOf = last.countOf;
    out.push(reading);
    if (!next.endScale) break;
    scale = next.endScale;
    prev = next;
  }
  return out;
}

/** "six tons and 183 kilograms", "1 ton 831 kilogram", "3 أطنان من 533 كيلوغرام" → also one mass in kg. */
function compoundMass(r: Reader, a: Read, b: Read | undefined): NumberReading[] | undefined {
  if (!b) return undefined;
  const { tokens, text } = r;
  const ua = a.readings[0]?.unit;
  const ub = b.readings[0]?.unit;
  if (!ua || !ub || KG_PER_UNIT[ua] === undefined || KG_PER_UNIT[ub] === undefined) return undefined;
  // Nothing or one joining word between them; the second may open with a hyphen ("-38- κιλών και -200- γραμμαρίων").
  let bFirst = b.firstToken;
  const open = tokens[bFirst - 1];
  if (open?.text === '-' && open.end === tokens[bFirst].start && tokens[bFirst - 2] && tokens[bFirst - 2].end < open.start) bFirst--;
  const gap = bFirst - a.lastToken - 1;
  if (gap > 1) return undefined;
  if (gap === 1) {
    const j = tokens[a.lastToken + 1];
    if (!MASS_JOINERS.has(j.text) || !adjacent(text, tokens[a.lastToken], j)) return undefined;
    if (!adjacent(text, j, tokens[bFirst]) && j.end !== tokens[bFirst].start) return undefined;
  } else if (!adjacent(text, tokens[a.lastToken], tokens[bFirst])) return undefined;
  const out: NumberReading[] = [];
  for (const x of a.readings) {
    for (const y of b.readings) {
      // One of each unit word, in kg: a quintal is read as 100 kg.
      const fx = KG_PER_UNIT[x.unit!] * (a.unitFactor ?? 1);
      const fy = KG_PER_UNIT[y.unit!] * (b.unitFactor ?? 1);
      // The second part is a smaller unit, less than one of the first: 831 kg after 1 ton, 90 kg after 4 quintals.
      if (fy >= fx || y.value * KG_PER_UNIT[y.unit!] >= fx) continue;
      const kg = round12(x.value * KG_PER_UNIT[x.unit!] + y.value * KG_PER_UNIT[y.unit!]);
      if (out.some((o) => o.value === kg)) continue;
      const reading: NumberReading = { value: kg, unit: 'kg', start: x.start, end: y.end, text: text.slice(x.start, y.end), kind: x.kind };
      if (x.qualifier) reading.qualifier = x.qualifier;
      if (y.noun) reading.noun = y.noun;
      out.push(reading);
    }
  }
  return out.length ? out : undefined;
}

// ---------------------------------------------------------------------------------------------
// Matching a figure

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/**
 * Whether a reading states a figure's number: the same number (when the reading has no unit, or the
 * figure none), or the same mass (volume) once both are converted ("1.1 tonnes" states 1,100 kg). A
 * reading with a mass or volume unit never states a count.
 */
export function readingMatches(r: NumberReading, value: number, unit: string | undefined): boolean {
  if (!r.unit || !unit) return close(r.value, value);
  const fk = KG_PER_UNIT[unit];
  const rk = KG_PER_UNIT[r.unit];
  if (fk !== undefined && rk !== undefined) return close(r.value * rk, value * fk);
  const fl = L_PER_UNIT[unit];
  const rl = L_PER_UNIT[r.unit];
  if (fl !== undefined && rl !== undefined) return close(r.value * rl, value * fl);
  // A count (or a mass against a volume) is never stated by a mass or a volume; a unit this module
  // does not know (a typo the schema reports) is compared by its number alone.
  if (fk !== undefined || fl !== undefined || COUNT_UNITS.has(unit)) return false;
  return close(r.value, value);
}

/** The readings of `texts` that state the number, if any. */
export function findNumber(texts: readonly string[], value: number, unit: string | undefined, language?: string): NumberReading[] {
  const out: NumberReading[] = [];
  for (const t of texts) for (const r of readNumbers(t, language)) if (readingMatches(r, value, unit)) out.push(r);
  return out;
}

/** Text for the message: "1,350,000", "2,015 kg", "1.1 t". */
export function describeReading(r: NumberReading, format: (n: number) => string): string {
  return r.unit ? `${format(r.value)} ${r.unit === 'short_ton' ? 'short tons' : r.unit}` : format(r.value);
}
