/**
 * Reading the numbers a news text contains, as a reader would: "400,000", "400 000", "1.35 million",
 * "two individuals", "1.1 tonnes" (= 1,100 kg), Arabic-Indic digits ("٤٠٠٬٠٠٠"), Arabic number words
 * ("ثلاثة آلاف"), and decimal commas in languages that write thousands with a dot ("1.600 kg" in a
 * German or Turkish text is 1,600 kg). Pure functions, no IO.
 *
 * A stretch of text may have several readings (an ambiguous "1.600" is 1,600 or 1.6; "tons" are
 * metric or short): every reading is returned, and a figure is supported when one of them matches.
 */
import { COUNT_UNITS, KG_PER_UNIT, L_PER_UNIT } from './units';
import { TextMemo, deepFreeze } from '../base/memo';

/** A unit a number in the text carries: a mass unit of `KG_PER_UNIT` or a volume unit of `L_PER_UNIT`. */
export type TextUnit = 't' | 'short_ton' | 'kg' | 'g' | 'mg' | 'lb' | 'l' | 'ml';

export interface NumberReading {
  /** The number, scale words applied ("1.35 million" → 1350000), in `unit` when there is one. */
  value: number;
  unit?: TextUnit;
  /** Offsets (UTF-16) of the number and its scale and unit words in the text. */
  start: number;
  end: number;
  /** The text read. */
  text: string;
  /** How it was read: digits or number words. */
  kind: 'digits' | 'words';
}

// ---------------------------------------------------------------------------------------------
// Separators

/** Languages whose texts write thousands with a dot (or may): "1.600" there is ambiguous. */
const DOT_THOUSANDS = new Set([
  'de', 'tr', 'ar', 'fa', 'es', 'it', 'pt', 'nl', 'id', 'da', 'nb', 'no', 'el', 'ro', 'hr', 'sr', 'sl', 'bs',
  'fr', 'ru', 'uk', 'pl', 'cs', 'sk', 'hu', 'ku', 'ckb', 'az', 'vi',
]);

/** Languages that write a decimal point and a thousands comma: "1.600" there is 1.6. */
const DOT_DECIMAL = new Set(['en', 'he', 'ja', 'zh', 'ko', 'th', 'hi', 'ur', 'ms', 'tl', 'sw']);

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

/**
 * Reads a run of digits and separators ("1,350,000", "1.600", "400 000", "1,5") as numbers under the
 * two conventions: the point (1,600.5) and the comma (1.600,5). Arabic ٬ is always a thousands
 * separator and ٫ always a decimal one; spaces and apostrophes always group thousands.
 */
export function readDigitRun(run: string, language?: string): number[] {
  const parts = run.split(/([^0-9])/);
  const groups: string[] = [];
  const seps: string[] = [];
  parts.forEach((p, i) => (i % 2 === 0 ? groups.push(p) : seps.push(p)));
  if (groups.some((g) => g === '')) return [];
  if (seps.length === 0) return [Number(run)];

  const readAs = (thousands: Set<string>, decimal: Set<string>): number | undefined => {
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
    return Number(frac ? `${intPart}.${frac}` : intPart);
  };
  const point = readAs(POINT_THOUSANDS, POINT_DECIMAL);
  const comma = readAs(COMMA_THOUSANDS, COMMA_DECIMAL);
  const lang = primaryLanguage(language);
  const out: number[] = [];
  const add = (n: number | undefined) => {
    if (n !== undefined && Number.isFinite(n) && !out.includes(n)) out.push(n);
  };
  if (lang && DOT_DECIMAL.has(lang)) {
    add(point);
    if (out.length === 0) add(comma);
  } else if (lang && DOT_THOUSANDS.has(lang)) {
    add(comma);
    add(point);
  } else {
    add(point);
    add(comma);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scale and unit words after a number

const SCALE_WORDS: [RegExp, number][] = [
  [/^(?:billions?|bn|milliards?|milliarden?|mrd\.?|milyar|mil millones|مليارات|مليار)(?![\p{L}\p{N}])/iu, 1e9],
  [/^(?:millions?|mn|mio\.?|millionen|milyon|millón|millones|milhão|milhões|ملايين|مليون)(?![\p{L}\p{N}])/iu, 1e6],
  [/^(?:thousands?|tausend|mille|آلاف|الاف|ألف|الف)(?![\p{L}\p{N}])/iu, 1e3],
];

/** Unit words after a number; "tons" may be metric or short, so it gives both readings. */
const UNIT_WORDS: [RegExp, TextUnit[]][] = [
  [/^(?:short[ -]tons?)(?![\p{L}])/iu, ['short_ton']],
  [/^(?:metric[ -]tons?|tonnes?|tonnen|toneladas?|t)(?![\p{L}])/iu, ['t']],
  [/^(?:tons?|ton)(?![\p{L}])/iu, ['t', 'short_ton']],
  [/^(?:kilo(?:gram(?:me)?s?|gramm|gramos?|s)?|kgs?)(?![\p{L}])/iu, ['kg']],
  [/^(?:milligram(?:me)?s?|mg)(?![\p{L}])/iu, ['mg']],
  [/^(?:gram(?:me)?s?|gramm|gramos?|g|gr)(?![\p{L}])/iu, ['g']],
  [/^(?:pounds?|lbs?)(?![\p{L}])/iu, ['lb']],
  [/^(?:millilit(?:re|er)s?|ml)(?![\p{L}])/iu, ['ml']],
  [/^(?:lit(?:re|er)s?|litros?|l)(?![\p{L}])/iu, ['l']],
  // Arabic: the word may carry a suffix (كيلوغراماً), so no end boundary beyond the stem.
  [/^(?:كيلوغرام|كيلوجرام|كيلو غرام|كلغ|كغم|كغ|كجم|كيلو)/u, ['kg']],
  [/^(?:أطنان|اطنان|طنا|طن)/u, ['t']],
  [/^(?:مليغرام|ملغ)/u, ['mg']],
  [/^(?:غرامات|غرام|جرام|غ)(?![\u0621-\u064A])/u, ['g']],
  [/^(?:لترات|لتر)/u, ['l']],
];

function matchAt(list: [RegExp, unknown][], text: string, at: number): { index: number; length: number } | undefined {
  const rest = text.slice(at, at + 40);
  for (let i = 0; i < list.length; i++) {
    const m = list[i][0].exec(rest);
    if (m) return { index: i, length: m[0].length };
  }
  return undefined;
}

/** Skips spaces (and one hyphen, as in "65-kilogram") from `at`. */
function skipGap(text: string, at: number, allowHyphen: boolean): number {
  let i = at;
  while (i < text.length && (SPACE_SEPS.has(text[i]) || text[i] === '\t')) i++;
  if (allowHyphen && text[i] === '-') {
    i++;
    while (i < text.length && SPACE_SEPS.has(text[i])) i++;
  }
  return i;
}

/** The scale word (million…) and then the unit word after a number ending at `end`. */
function trailing(text: string, end: number, lang: string | undefined): { scale: number; units: (TextUnit | undefined)[]; end: number } {
  let scale = 1;
  let i = end;
  let j = skipGap(text, i, false);
  const s = matchAt(SCALE_WORDS, text, j);
  if (s) {
    scale = SCALE_WORDS[s.index][1];
    i = j + s.length;
  } else if (lang === 'tr' && /^bin(?![\p{L}])/iu.test(text.slice(j, j + 5))) {
    scale = 1e3;
    i = j + 3;
  } else if ((lang === 'es' || lang === 'pt') && /^mil(?![\p{L}])/iu.test(text.slice(j, j + 5))) {
    scale = 1e3;
    i = j + 3;
  }
  j = skipGap(text, i, true);
  const u = matchAt(UNIT_WORDS, text, j);
  if (u) return { scale, units: UNIT_WORDS[u.index][1], end: j + u.length };
  return { scale, units: [undefined], end: i };
}

// ---------------------------------------------------------------------------------------------
// Number words

const EN_SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};

const AR_SMALL: Record<string, number> = {
  واحد: 1, واحدة: 1, أحد: 1, احد: 1, إحدى: 1, احدى: 1,
  اثنان: 2, اثنين: 2, اثنتان: 2, اثنتين: 2, اثنا: 2, اثنتا: 2, إثنان: 2, إثنين: 2,
  ثلاثة: 3, ثلاث: 3, أربعة: 4, اربعة: 4, أربع: 4, اربع: 4, خمسة: 5, خمس: 5, ستة: 6, ست: 6,
  سبعة: 7, سبع: 7, ثمانية: 8, ثماني: 8, ثمان: 8, تسعة: 9, تسع: 9, عشرة: 10, عشر: 10,
  عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, أربعون: 40, أربعين: 40, اربعون: 40, اربعين: 40,
  خمسون: 50, خمسين: 50, ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80,
  تسعون: 90, تسعين: 90,
  مئتان: 200, مئتين: 200, مائتان: 200, مائتين: 200,
};

type WordValue =
  | { kind: 'add'; n: number }
  | { kind: 'hundred' }
  | { kind: 'dozen' }
  | { kind: 'scale'; n: number }
  /** An additive scale word: Arabic duals "ألفان" (2,000), "مليونان" (2,000,000). */
  | { kind: 'scaled'; n: number };

const AR_HUNDREDS = /^(ثلاث|أربع|اربع|خمس|ست|سبع|ثمان|تسع)(مئة|مائة)$/u;
const AR_UNITS_FOR_HUNDREDS: Record<string, number> = { ثلاث: 3, أربع: 4, اربع: 4, خمس: 5, ست: 6, سبع: 7, ثمان: 8, تسع: 9 };

/**
 * Every word `englishWord` (in lower case) and `arabicWord` may give a value for, to pass over the
 * other words of a text with one test. With the names every object has (`constructor`…), which the
 * `in` tests of those functions find too.
 */
const VALUED_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(EN_SMALL),
  ...['hundred', 'dozen', 'thousand', 'million', 'billion'],
  ...Object.keys(AR_SMALL),
  ...Object.keys(AR_UNITS_FOR_HUNDREDS).flatMap((u) => [`${u}مئة`, `${u}مائة`]),
  ...['مئة', 'مائة', 'ألف', 'الف', 'آلاف', 'الاف', 'ألفان', 'ألفين', 'الفان', 'الفين', 'مليون', 'ملايين', 'مليونان', 'مليونين', 'مليار', 'مليارات'],
  ...Object.getOwnPropertyNames(Object.prototype),
]);

function arabicWord(w: string): WordValue | undefined {
  if (!VALUED_WORDS.has(w)) return undefined;
  if (Object.hasOwn(AR_SMALL, w)) return { kind: 'add', n: AR_SMALL[w] };
  const h = AR_HUNDREDS.exec(w);
  if (h) return { kind: 'add', n: AR_UNITS_FOR_HUNDREDS[h[1]] * 100 };
  switch (w) {
    case 'مئة':
    case 'مائة':
      return { kind: 'hundred' };
    case 'ألف':
    case 'الف':
    case 'آلاف':
    case 'الاف':
      return { kind: 'scale', n: 1e3 };
    case 'ألفان':
    case 'ألفين':
    case 'الفان':
    case 'الفين':
      return { kind: 'scaled', n: 2e3 };
    case 'مليون':
    case 'ملايين':
      return { kind: 'scale', n: 1e6 };
    case 'مليونان':
    case 'مليونين':
      return { kind: 'scaled', n: 2e6 };
    case 'مليار':
    case 'مليارات':
      return { kind: 'scale', n: 1e9 };
  }
  return undefined;
}

/** The value of an English word, given in lower case. */
function englishWord(l: string): WordValue | undefined {
  if (!VALUED_WORDS.has(l)) return undefined;
  if (Object.hasOwn(EN_SMALL, l)) return { kind: 'add', n: EN_SMALL[l] };
  switch (l) {
    case 'hundred':
      return { kind: 'hundred' };
    case 'dozen':
      return { kind: 'dozen' };
    case 'thousand':
      return { kind: 'scale', n: 1e3 };
    case 'million':
      return { kind: 'scale', n: 1e6 };
    case 'billion':
      return { kind: 'scale', n: 1e9 };
  }
  return undefined;
}

/** An Arabic word without diacritics and tatweel, and its readings without the conjunction و or a final tanween alif. */
function arabicForms(raw: string): { form: string; conj: boolean }[] {
  const w = raw.replace(/[\u064B-\u0652\u0640]/g, '');
  const forms = [{ form: w, conj: false }];
  if (w.length > 2 && w.startsWith('و')) forms.push({ form: w.slice(1), conj: true });
  for (const f of [...forms]) if (f.form.length > 2 && f.form.endsWith('ا')) forms.push({ form: f.form.slice(0, -1), conj: f.conj });
  return forms;
}

interface WordToken {
  text: string;
  start: number;
  end: number;
  value?: WordValue;
  /** "a"/"an" (one, before hundred/thousand/million/dozen), "half", or "and". */
  particle?: 'a' | 'half' | 'and';
  /** Arabic word starting with the conjunction و. */
  conj?: boolean;
}

function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  const re = /[A-Za-z]+|[\u0621-\u064A\u064B-\u0652\u0640]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    const tok: WordToken = { text: t, start: m.index, end: m.index + t.length };
    const c = t.charCodeAt(0);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      const l = t.toLowerCase();
      tok.value = englishWord(l);
      if (l === 'a' || l === 'an') tok.particle = 'a';
      else if (l === 'half') tok.particle = 'half';
      else if (l === 'and') tok.particle = 'and';
    } else {
      for (const f of arabicForms(t)) {
        const v = arabicWord(f.form);
        if (v) {
          tok.value = v;
          tok.conj = f.conj;
          break;
        }
      }
    }
    out.push(tok);
  }
  return out;
}

/** Words are adjacent when only spaces or one hyphen separate them. */
function adjacent(text: string, a: WordToken, b: WordToken): boolean {
  return /^[ \u00A0\u202F\t]*-?[ \u00A0\u202F\t]*$/.test(text.slice(a.end, b.start)) && b.start > a.end - 1;
}

function readWords(text: string, lang: string | undefined): NumberReading[] {
  const toks = wordTokens(text);
  const out: NumberReading[] = [];
  let i = 0;
  while (i < toks.length) {
    const first = toks[i];
    // Where a number phrase may start: a number word, "a hundred/thousand/million/dozen", "half a million".
    let multiplier = 1;
    let j = i;
    if (first.particle === 'half' && toks[i + 1]?.particle === 'a' && isScaleLike(toks[i + 2]?.value) && adjacent(text, first, toks[i + 1]) && adjacent(text, toks[i + 1], toks[i + 2])) {
      multiplier = 0.5;
      j = i + 2;
    } else if (first.particle === 'a' && isScaleLike(toks[i + 1]?.value) && adjacent(text, first, toks[i + 1])) {
      j = i + 1;
    } else if (!first.value) {
      i++;
      continue;
    } else if (isScaleLike(first.value) || first.value.kind === 'scaled') {
      // "million" alone is a number only in Arabic ("مليون حبة", a million pills), and never right
      // after digits ("1.35 million" is read with the digits).
      const before = text.slice(0, first.start).replace(/[ \u00A0\u202F\t]+$/, '');
      if (!/[\u0600-\u06FF]/.test(first.text) || /[0-9\u0660-\u0669\u06F0-\u06F9]$/.test(before)) {
        i++;
        continue;
      }
    }
    let total = 0;
    let cur = 0;
    let last = j;
    let prev: WordValue | undefined;
    for (let k = j; k < toks.length; k++) {
      const t = toks[k];
      if (k > j) {
        const before = toks[k - 1];
        if (!adjacent(text, before, t)) break;
        if (t.particle === 'and') {
          // "two hundred and fifty": "and" joins only after a scale word, never two counts ("two and one").
          const next = toks[k + 1];
          if (prev && (prev.kind === 'hundred' || prev.kind === 'scale' || prev.kind === 'scaled') && next?.value?.kind === 'add' && adjacent(text, t, next)) continue;
          break;
        }
        if (!t.value) break;
        // Arabic "و" joins units and tens ("خمسة وعشرون") or follows a scale ("ألف وخمسمائة"),
        // never two counts ("اثنين وواحد" are two numbers).
        if (t.conj) {
          const afterScale = !!prev && prev.kind !== 'add';
          const unitsThenTens = prev?.kind === 'add' && cur % 10 !== 0 && t.value.kind === 'add' && t.value.n % 10 === 0 && t.value.n >= 20 && t.value.n < 100;
          if (!afterScale && !unitsThenTens) break;
        }
        // Two small numbers in a row ("one two") are two numbers, except tens then units ("twenty five") and Arabic "ثلاثة عشر".
        if (prev?.kind === 'add' && t.value.kind === 'add') {
          const tensThenUnit = prev.n % 10 === 0 && prev.n >= 20 && prev.n < 100 && t.value.n < 10 && cur % 10 === 0;
          const teen = t.value.n === 10 && cur < 10 && /[\u0600-\u06FF]/.test(t.text);
          const unitsThenTens = !!t.conj;
          if (!tensThenUnit && !teen && !unitsThenTens) break;
        }
      }
      const v = t.value as WordValue;
      if (v.kind === 'add') cur += v.n;
      else if (v.kind === 'hundred') cur = (cur || 1) * 100;
      else if (v.kind === 'dozen') cur = (cur || 1) * 12;
      else if (v.kind === 'scale') {
        total += (cur || 1) * v.n;
        cur = 0;
      } else {
        total += v.n;
        cur = 0;
      }
      prev = v;
      last = k;
    }
    const start = toks[i].start;
    const tail = trailing(text, toks[last].end, lang);
    const value = round12((total + cur) * multiplier * tail.scale);
    for (const unit of tail.units) out.push({ value, unit, start, end: tail.end, text: text.slice(start, tail.end), kind: 'words' });
    i = last + 1;
  }
  return out;
}

function isScaleLike(v: WordValue | undefined): boolean {
  return !!v && (v.kind === 'hundred' || v.kind === 'dozen' || v.kind === 'scale');
}

/** Rounds away binary noise: 1.35 × 1e6 → 1350000, 2.015 × 1000 → 2015. */
export function round12(n: number): number {
  // A whole number of up to 12 digits is its own 12-digit rounding.
  if (n > 0 && n < 1e12 && Number.isInteger(n)) return n;
  return Number.isFinite(n) ? Number(n.toPrecision(12)) : n;
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
const readingsMemo = new TextMemo<Map<string | undefined, readonly NumberReading[]>>();

/**
 * Every number the text contains, with the readings it allows, in text order. The list is shared
 * between callers (memoised) and frozen.
 */
export function readNumbers(text: string, language?: string): readonly NumberReading[] {
  const lang = primaryLanguage(language);
  const byLanguage = readingsMemo.get(text, () => new Map());
  let out = byLanguage.get(lang);
  if (!out) byLanguage.set(lang, (out = deepFreeze(readText(text, lang))));
  return out;
}

function readText(text: string, lang: string | undefined): NumberReading[] {
  const norm = asciiDigits(text);
  const out: NumberReading[] = [];
  const re = /\d+(?:(?:[.,'\u066B\u066C]|[ \u00A0\u202F\u2009](?=\d{3}(?!\d)))\d+)*/g;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    const start = m.index;
    let values = readDigitRun(m[0], lang);
    let pieces: { text: string; start: number }[] = [{ text: m[0], start }];
    if (values.length === 0) {
      // "In 2025 300 pills", "1,5,6": read the pieces on their own.
      pieces = [];
      const sub = /\d+(?:[.,'\u066B\u066C]\d+)*/g;
      for (let s = sub.exec(m[0]); s; s = sub.exec(m[0])) pieces.push({ text: s[0], start: start + s.index });
    }
    for (const piece of pieces) {
      values = readDigitRun(piece.text, lang);
      if (values.length === 0) {
        const sub = /\d+/g;
        for (let s = sub.exec(piece.text); s; s = sub.exec(piece.text)) {
          const st = piece.start + s.index;
          out.push({ value: Number(s[0]), start: st, end: st + s[0].length, text: s[0], kind: 'digits' });
        }
        continue;
      }
      const numEnd = piece.start + piece.text.length;
      const tail = trailing(norm, numEnd, lang);
      for (const v of values) {
        for (const unit of tail.units) {
          out.push({ value: round12(v * tail.scale), unit, start: piece.start, end: tail.end, text: text.slice(piece.start, tail.end), kind: 'digits' });
        }
      }
    }
  }
  out.push(...readWords(text, lang));
  return combineCompoundMasses(text, out).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** "six tons and 183 kilograms" → also 6,183 kg. */
function combineCompoundMasses(text: string, list: NumberReading[]): NumberReading[] {
  const extra: NumberReading[] = [];
  for (const a of list) {
    if (!a.unit || KG_PER_UNIT[a.unit] === undefined) continue;
    for (const b of list) {
      if (b.start <= a.end || !b.unit || KG_PER_UNIT[b.unit] === undefined) continue;
      if (!/^\s*(?:and|und|et|y|e|ve|و)\s*$/iu.test(text.slice(a.end, b.start))) continue;
      if (KG_PER_UNIT[b.unit] >= KG_PER_UNIT[a.unit]) continue;
      const kg = toKgExact(a.value, a.unit) + toKgExact(b.value, b.unit);
      extra.push({ value: round12(kg), unit: 'kg', start: a.start, end: b.end, text: text.slice(a.start, b.end), kind: a.kind });
    }
  }
  return extra.length ? [...list, ...extra] : list;
}

function toKgExact(value: number, unit: TextUnit): number {
  return value * (KG_PER_UNIT[unit] ?? NaN);
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
