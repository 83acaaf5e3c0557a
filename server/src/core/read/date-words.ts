/**
 * Reading the words sources use for dates, in the languages of the reports: "In mid-March",
 * "the 26th of June", "June the 26th", "16 de junio", "18 Kasım", "23 kwietnia", "26.01.2022",
 * "between Nov. 16 and 23", "last month", "Πέρσι", "two years ago", "said on Wednesday",
 * "am Donnerstag", "el pasado viernes", "يوم الأربعاء الماضي". Each reading is a day interval.
 *
 * Pure: relative words ("last month", "on Tuesday", a day without its year) are resolved against a
 * reference day passed in by the caller (the source's publication date); without one they stay
 * unresolved, and no year is ever guessed.
 *
 * Words are read in the text's language, English and Arabic; without a language, in English and
 * Arabic, and month names of the other languages only beside a day or a year ("18 Kasım", "16 de
 * junio 2021"). Every reader scans the text once, looking a bounded number of words around each
 * word: the time grows linearly with the text.
 */
import { dayNumber, daysInMonth, fromDayNumber, partialDate } from './calendar';
import { TextMemo, deepFreeze } from '../base/memo';
import { readNumbers } from './numbers';
import { unitOf } from './number-context';
import {
  AGO_AFTER,
  AGO_BEFORE,
  AGO_DUALS,
  AGO_UNITS,
  AR_WEEKDAY_NEEDS_YAWM,
  LAST_AFTER,
  LAST_BEFORE,
  MONTHS,
  MONTH_NEEDS_CONTEXT,
  NEXT_WORDS,
  PART_AFTER,
  PART_BEFORE,
  RELATIVE,
  RELATIVE_MAX_TOKENS,
  SEASONS,
  VAGUE,
  WEEKDAYS,
  foldWord,
} from './date-vocabulary';

export type Part = 'early' | 'mid' | 'late';

/** How fine the words are, finest first. */
export type WordsLevel = 'day' | 'week' | 'part-month' | 'month' | 'part-year' | 'year';

export const WORDS_LEVEL_RANK: Readonly<Record<WordsLevel, number>> = {
  day: 0,
  week: 1,
  'part-month': 2,
  month: 3,
  'part-year': 4,
  year: 5,
};

export interface WeekdayMention {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** "last Wednesday", "el pasado viernes", "الأربعاء الماضي": the previous one, not necessarily within the week. */
  last: boolean;
  /** The words as written. */
  text: string;
}

export interface RelativeWords {
  unit: 'day' | 'week' | 'month' | 'year';
  /**
   * `last`: the previous calendar unit ("last month"); `this`: the current one up to the reference
   * ("earlier this month", "today"); `past`: the N days up to the reference ("over the past week");
   * `ago`: `count` units before the reference ("two years ago"), within `approximate` of it.
   */
  mode: 'last' | 'this' | 'past' | 'ago';
  /** For `past`: how many days back from the reference. */
  days?: number;
  /** For `ago`: how many units back. */
  count?: number;
}

/** What a date expression says. */
export interface DateReading {
  /** The finest precision the words support. */
  level: WordsLevel;
  /** The words that were read, normalised to English ("mid-March", "last month", "16–23 November"). */
  label: string;
  year?: number;
  /** 1–12. */
  month?: number;
  day?: number;
  /** A span of days of `month` ("between Nov. 16 and 23", "on December 4, 5 and 8"): the first and last. */
  days?: { from: number; to: number };
  part?: Part;
  /** "first week of March" = 1 … "fourth week" = 4, "last week of March" = 'last'. */
  weekOfMonth?: 1 | 2 | 3 | 4 | 'last';
  relative?: RelativeWords;
  /** A season (northern hemisphere: spring March–June, summer June–September, autumn September–December, winter December–March). */
  season?: 1 | 2 | 3 | 4;
  /** The words are approximate by this much either way: "two years ago" is a year give or take one. */
  approximate?: { unit: 'day' | 'week' | 'month' | 'year'; by: number };
  weekday?: WeekdayMention;
}

/** A date expression found in a text, with its offsets (UTF-16). */
export interface FoundDate {
  start: number;
  end: number;
  /** The words as written. */
  text: string;
  /** What they say; absent for words that place nothing ("recently", "kürzlich", "مؤخرا"), which carry `vague`. */
  reading?: DateReading;
  vague?: true;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// ---------------------------------------------------------------------------------------------
// Tokens

interface Token {
  kind: 'num' | 'word' | 'punct';
  /** Folded (see `foldWord`) for words; as written for numbers and punctuation. */
  text: string;
  start: number;
  end: number;
}

const TOKEN_RE = /(\d+)|([\p{L}\p{M}\u0640]+)|(\S)/gu;
const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

function tokenize(text: string): Token[] {
  const norm = text.replace(ARABIC_INDIC, (d) => String((d.charCodeAt(0) & 0xf) % 10));
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(norm); m; m = TOKEN_RE.exec(norm)) {
    const kind = m[1] ? 'num' : m[2] ? 'word' : 'punct';
    const t = m[0];
    out.push({ kind, text: kind === 'word' ? foldWord(t) : t.replace(/[\u2010-\u2015]/, '-').replace(/’/, "'"), start: m.index, end: m.index + t.length });
  }
  return out;
}

/** Only spaces (no line break) between two tokens. */
function near(text: string, a: Token | undefined, b: Token | undefined): boolean {
  if (!a || !b || b.start - a.end > 3) return false;
  for (let i = a.end; i < b.start; i++) if (text[i] !== ' ' && text[i] !== '\u00A0' && text[i] !== '\t') return false;
  return true;
}

const isYear = (t: Token | undefined): boolean => !!t && t.kind === 'num' && t.text.length === 4 && /^(?:19|20)\d\d$/.test(t.text);
const dayOf = (t: Token | undefined): number | undefined => (t && t.kind === 'num' && t.text.length <= 2 && Number(t.text) >= 1 && Number(t.text) <= 31 ? Number(t.text) : undefined);

/** What a text is read with: its tokens, languages, and the readings of its numbers (for "two years ago"). */
interface Scan {
  text: string;
  tokens: Token[];
  lang: string | undefined;
  /** The languages whose names and phrases are read: the text's own, English and Arabic. */
  langs: string[];
  /** Number readings without a unit, by the offset they end at: their value and start. */
  numbersEndingAt: () => Map<number, { value: number; start: number }>;
}

function scanOf(text: string, language: string | undefined): Scan {
  const lang = language ? language.toLowerCase().split(/[-_]/)[0] : undefined;
  const langs = [...new Set([...(lang && Object.hasOwn(MONTHS, lang) ? [lang] : []), 'en', 'ar'])];
  let numbers: Map<number, { value: number; start: number }> | undefined;
  return {
    text,
    tokens: tokenize(text),
    lang,
    langs,
    numbersEndingAt: () => {
      if (!numbers) {
        numbers = new Map();
        for (const r of readNumbers(text, lang)) if (!r.unit && !numbers.has(r.end)) numbers.set(r.end, { value: r.value, start: r.start });
      }
      return numbers;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Names

/** Arabic one-letter prefixes (و، ف، ب، ل) a name may carry. */
const arabicBare = (w: string) => (w.length > 3 && 'وفبل'.includes(w[0]) ? w.slice(1) : undefined);

/** Turkish and Hungarian case endings a month or weekday name may carry ("kasımda", "márciusban"). */
const SUFFIXED = new Set(['tr', 'hu']);

interface MonthName {
  month: number;
  lang: string;
}

/** Month names of several languages in one map (the first language naming a word wins), and the first words of two-word names. */
interface MonthIndex {
  names: Map<string, MonthName>;
  firstWords: Set<string>;
}

const monthIndexes = new Map<string, MonthIndex>();

function monthIndex(langs: readonly string[]): MonthIndex {
  const key = langs.join(',');
  let index = monthIndexes.get(key);
  if (!index) {
    index = { names: new Map(), firstWords: new Set() };
    for (const lang of langs) {
      for (const [name, month] of MONTHS[lang]) {
        if (!index.names.has(name)) index.names.set(name, { month, lang });
        if (name.includes(' ')) index.firstWords.add(name.split(' ')[0]);
      }
    }
    monthIndexes.set(key, index);
  }
  return index;
}
const ALL_LANGUAGES = Object.keys(MONTHS);

/** The month named at token `k` (one or two tokens), in one of `langs` or, beside a day or year, any language. */
function monthAt(s: Scan, k: number, anyLanguage: boolean): { month: number; len: number; weak: boolean; foreign: boolean } | undefined {
  const t = s.tokens[k];
  if (!t || t.kind !== 'word') return undefined;
  const index = monthIndex(anyLanguage ? [...s.langs, ...ALL_LANGUAGES] : s.langs);
  const arabic = isArabic(t.text);
  const bare = arabic ? arabicBare(t.text) : undefined;
  const next = s.tokens[k + 1];
  if ((index.firstWords.has(t.text) || (bare !== undefined && index.firstWords.has(bare))) && next && near(s.text, t, next)) {
    const two = index.names.get(`${t.text} ${next.text}`) ?? (bare !== undefined ? index.names.get(`${bare} ${next.text}`) : undefined);
    if (two) return { month: two.month, len: 2, weak: false, foreign: !s.langs.includes(two.lang) };
  }
  let m = index.names.get(t.text) ?? (bare !== undefined ? index.names.get(bare) : undefined);
  if (!m && s.lang && SUFFIXED.has(s.lang) && t.text.length > 4) {
    // Turkish and Hungarian case endings: "kasımda", "márciusban".
    const own = MONTHS[s.lang];
    for (let cut = t.text.length - 1; cut >= t.text.length - 4 && cut >= 3 && !m; cut--) {
      const n = own.get(t.text.slice(0, cut));
      if (n) m = { month: n, lang: s.lang };
    }
  }
  if (!m) return undefined;
  const foreign = !s.langs.includes(m.lang);
  return { month: m.month, len: 1, weak: MONTH_NEEDS_CONTEXT.has(t.text) || foreign, foreign };
}

const isArabic = (w: string) => w.charCodeAt(0) >= 0x0600 && w.charCodeAt(0) <= 0x06ff;

/** The weekday named at token `k`. */
function weekdayAt(s: Scan, k: number): number | undefined {
  const t = s.tokens[k];
  if (!t || t.kind !== 'word') return undefined;
  for (const lang of s.langs) {
    const table = WEEKDAYS[lang];
    let d = table.get(t.text);
    if (d === undefined && lang === 'ar' && isArabic(t.text) && arabicBare(t.text) !== undefined) d = table.get(arabicBare(t.text)!);
    if (d === undefined && SUFFIXED.has(lang) && lang === s.lang) {
      for (let cut = t.text.length - 1; cut >= t.text.length - 4 && cut >= 3 && d === undefined; cut--) d = table.get(t.text.slice(0, cut));
    }
    if (d === undefined) continue;
    if (lang === 'ar' && AR_WEEKDAY_NEEDS_YAWM.has(d) && !/^[وفبل]?يوم$/.test(s.tokens[k - 1]?.text ?? '')) return undefined;
    return d;
  }
  return undefined;
}

/** Words before a month that make a weak name ("May", "Mart") a month: prepositions and articles of the languages. */
const MONTH_CONTEXT_BEFORE = new Set(
  ['in', 'of', 'since', 'until', 'till', 'by', 'on', 'during', 'from', 'to', 'early', 'mid', 'late', 'end', 'beginning', 'start', 'middle', 'last', 'this', 'im', 'seit', 'bis', 'anfang', 'mitte', 'ende', 'en', 'de', 'desde', 'hasta', 'di', 'a', 'nel', 'dal', 'al', 'fino', 'au', 'début', 'fin', 'depuis', 'στις', 'τον', 'το', 'τα', 'αρχές', 'μέσα', 'τέλη', 'τέλος', 'w', 'od', 'do', 'mwezi', 'mwa', 'في', 'شهر', 'منذ', 'خلال', 'مطلع', 'منتصف', 'اواخر', 'اوائل', 'نهايه'].map(foldWord),
);
const MONTH_CONTEXT_AFTER = new Set(['ayında', 'ayı', 'ayın', 'ayındaki', 'hónapban', 'havában'].map(foldWord));

// ---------------------------------------------------------------------------------------------
// Expressions

/** An expression found at some tokens, with its reading; `rank` orders the kinds for `readDateWords`. */
interface Found {
  first: number;
  last: number;
  reading?: DateReading;
  vague?: true;
  /** 0: a month or a written date; 1: a part of a year; 2: relative words; 3: a weekday; 4: a bare year. */
  rank: 0 | 1 | 2 | 3 | 4;
  /** The year was written next to the month (not taken from elsewhere in the text). */
  ownYear?: boolean;
  /** Offsets (UTF-16) of the first and past the last token, set when the expression is kept. */
  start?: number;
  end?: number;
}

/** Separators inside a list or span of days: "4, 5 and 8", "16-23", "from 12 to 19", "16 و 23". */
const DAY_LIST_JOINERS = new Set(['and', 'und', 'y', 'e', 'et', 've', 'و', 'i', 'és', 'na', 'και'].map(foldWord));
const DAY_SPAN_WORDS = new Set(['to', 'until', 'till', 'through', 'bis', 'al', 'a', 'au', 'à', 'ila', 'hasta', 'fino', 'έως', 'μέχρι', 'do', 'hadi', 'الى', 'حتى'].map(foldWord));
/** Words passed over between a day and its month: "16 de junio", "the 26th of June", "15. März", "1er décembre", "5-én". */
const DAY_MONTH_LINKS = new Set(['de', 'of', 'the', 'del', 'th', 'st', 'nd', 'rd', 'er', 'ère', 'η', 'του', 'من', 'شهر', 'én', 'án', 'jén', 'ján', 'i', 'ei', 'ig', 'ste', 'ten', 'ci', 'si'].map(foldWord));

/** A list or span of days ending at token `k` (reading backwards), or starting at it (forwards). */
function daysAround(s: Scan, k: number, dir: 1 | -1): { days: number[]; span: boolean; edge: number } | undefined {
  const { tokens } = s;
  const first = dayOf(tokens[k]);
  if (first === undefined) return undefined;
  // Not a day when it is part of a larger number ("2,000", "1.5").
  const nextT = tokens[k + 1];
  if (nextT && nextT.start === tokens[k].end && (nextT.text === ',' || nextT.text === '.') && tokens[k + 2]?.kind === 'num' && tokens[k + 2].start === nextT.end) return undefined;
  const prevT = tokens[k - 1];
  if (prevT && prevT.end === tokens[k].start && (prevT.text === ',' || prevT.text === '.' || prevT.text === ':') && tokens[k - 2]?.kind === 'num') return undefined;
  const days = [first];
  let span = false;
  let edge = k;
  // Days after a comma count only when a joining word closes the list ("December 4, 5 and 8"): in
  // "Nov. 16-23, 12 people" the 12 is no day. Reading backwards, the joining word comes first.
  let closed = { days: 1, edge: k };
  for (let n = 0; n < 6; n++) {
    // A weekday named with its day belongs to it: "la nuit de lundi 12 à mardi 13 août".
    if (dir === -1 && weekdayAt(s, edge - 1) !== undefined && dayOf(tokens[edge - 3]) !== undefined) edge--;
    const a = tokens[edge + dir];
    let bAt = edge + 2 * dir;
    if (dir === 1 && weekdayAt(s, bAt) !== undefined && dayOf(tokens[bAt + 1]) !== undefined) bAt++;
    const b = tokens[bAt];
    if (!a || !b) break;
    const sep = a.text;
    const d = dayOf(b);
    if (d === undefined) break;
    if (sep === ',') {
      days.push(d);
      if (dir === -1 && closed.days > 1) closed = { days: days.length, edge: bAt };
    } else if (DAY_LIST_JOINERS.has(sep) || sep === '-' || DAY_SPAN_WORDS.has(sep)) {
      days.push(d);
      if (!DAY_LIST_JOINERS.has(sep)) span = true;
      closed = { days: days.length, edge: bAt };
    } else break;
    edge = bAt;
  }
  days.length = closed.days;
  edge = closed.edge;
  // An ordinal ending written after the last day: "the 26th", "1er", "5-én".
  if (dir === 1) {
    const o = tokens[edge + 1];
    if (o && o.kind === 'word' && o.start === tokens[edge].end && /^(?:st|nd|rd|th|er|e|eme|o|a)$/.test(o.text)) edge++;
    else if (o?.text === '-' && o.start === tokens[edge].end && tokens[edge + 2]?.kind === 'word' && /^(?:en|an|jen|jan|ig|ei|i)$/.test(tokens[edge + 2].text)) edge += 2;
  }
  return { days, span, edge };
}

/** A day or days with its month: "26 June", "June 26", "June the 26th", "16 de junio", "between Nov. 16 and 23", "4, 5 and 8 December". */
function monthExpression(s: Scan, k: number): Found | undefined {
  const { tokens, text, lang } = s;
  const found = monthAt(s, k, true);
  if (!found) return undefined;
  const { month, len } = found;
  const mEnd = k + len - 1;
  // After the month: an abbreviation's dot, "the", then days; or a year.
  let j = mEnd + 1;
  if (tokens[j]?.text === '.' && tokens[j].start === tokens[mEnd].end) j++;
  if (tokens[j]?.text === 'the') j++;
  let after: ReturnType<typeof daysAround> | undefined;
  if (tokens[j] && near(text, tokens[j - 1], tokens[j]) && !isYear(tokens[j])) after = daysAround(s, j, 1);
  // Before the month: days, with the words that link them ("16 de", "the 26th of", "15.").
  let b = k - 1;
  for (let n = 0; n < 3 && tokens[b] && (DAY_MONTH_LINKS.has(tokens[b].text) || tokens[b].text === '.'); n++) b--;
  const before = !after && tokens[b] && (near(text, tokens[b], tokens[b + 1]) || tokens[b].end === tokens[b + 1]?.start) ? daysAround(s, b, -1) : undefined;
  const days = after ?? before;
  // The year: after the days or the month ("June 26, 2021", "16 de junio de 2021", "Kasım 2015").
  let y = (after ? after.edge : mEnd) + 1;
  if (tokens[y]?.text === '.' && tokens[y].start === tokens[y - 1].end) y++;
  if (tokens[y]?.text === ',' || tokens[y]?.text === 'de' || tokens[y]?.text === 'del' || tokens[y]?.text === 'του' || tokens[y]?.text === 'of') y++;
  const yearTok = isYear(tokens[y]) && (near(text, tokens[y - 1], tokens[y]) || tokens[y - 1].end === tokens[y].start) ? tokens[y] : undefined;
  const year = yearTok ? Number(yearTok.text) : undefined;
  const firstTok = before ? before.edge : k;
  let lastTok = yearTok ? y : after ? after.edge : mEnd;
  if (!days && !year && found.weak) {
    // A name that is a common word too ("may", "Mart") or of another language: a month only in context.
    const prev = tokens[k - 1];
    const ctxBefore = prev && near(text, prev, tokens[k]) && (MONTH_CONTEXT_BEFORE.has(prev.text) || (prev.text === '-' && PART_BEFORE.has(tokens[k - 2]?.text ?? '')));
    const ctxAfter = tokens[mEnd + 1] && (MONTH_CONTEXT_AFTER.has(tokens[mEnd + 1].text) || PART_AFTER.has(tokens[mEnd + 1].text));
    if (found.foreign || !(ctxBefore || ctxAfter)) return undefined;
    if (month === 3 && !ctxBefore) return undefined;
  }
  if (found.foreign && !days && !year) return undefined;
  const name = MONTH_NAMES[month - 1];
  const yl = year ? ` ${year}` : '';
  if (days) {
    const from = Math.min(...days.days);
    const to = Math.max(...days.days);
    if (from === to) return { first: firstTok, last: lastTok, rank: 0, ownYear: !!year, reading: { level: 'day', label: `${from} ${name}${yl}`, year, month, day: from } };
    return {
      first: firstTok,
      last: lastTok,
      rank: 0,
      ownYear: !!year,
      reading: { level: to - from <= 7 ? 'week' : 'part-month', label: `${from}–${to} ${name}${yl}`, year, month, days: { from, to } },
    };
  }
  // "the first week of March" (English).
  if (tokens[k - 1]?.text === 'of' && tokens[k - 2]?.text === 'week') {
    const ord = tokens[k - 3]?.text ?? '';
    const w = ({ first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: 'last', final: 'last' } as Record<string, 1 | 2 | 3 | 4 | 'last'>)[ord];
    if (w !== undefined) {
      const start = tokens[k - 4]?.text === 'the' ? k - 4 : k - 3;
      return { first: start, last: lastTok, rank: 0, ownYear: !!year, reading: { level: 'week', label: `${ord} week of ${name}${yl}`, year, month, weekOfMonth: w } };
    }
  }
  // A part of the month, before it ("mid-March", "Anfang Oktober", "a finales de octubre", "αρχές Οκτωβρίου") or after it ("Ekim başında").
  const part = partBefore(s, k) ?? partAfter(s, lastTok);
  if (part) {
    const p = part.part;
    lastTok = Math.max(lastTok, part.last);
    return { first: Math.min(firstTok, part.first), last: lastTok, rank: 0, ownYear: !!year, reading: { level: 'part-month', label: `${partLabel(p)}${name}${yl}`, year, month, part: p } };
  }
  void lang;
  return { first: firstTok, last: lastTok, rank: 0, ownYear: !!year, reading: { level: 'month', label: `${name}${yl}`, year, month } };
}

/** A part word before token `k` (up to four words, a hyphen or "of" between): "mid-", "the end of", "a finales de". */
function partBefore(s: Scan, k: number): { part: Part; first: number; last: number } | undefined {
  const { tokens, text } = s;
  let end = k - 1;
  if (tokens[end]?.text === '-' && tokens[end].end === tokens[k].start) end--;
  for (let n = 4; n >= 1; n--) {
    const from = end - n + 1;
    if (from < 0) continue;
    const words: string[] = [];
    let ok = true;
    for (let q = from; q <= end; q++) {
      if (tokens[q].kind !== 'word' && tokens[q].text !== "'") ok = false;
      if (q > from && !near(text, tokens[q - 1], tokens[q]) && tokens[q - 1].end !== tokens[q].start) ok = false;
      words.push(tokens[q].text);
    }
    if (!ok) continue;
    const p = PART_BEFORE.get(words.join(' ').replace(/ ' /g, "'")) ?? PART_BEFORE.get(words.join(' '));
    if (p) return { part: p, first: from, last: k };
  }
  return undefined;
}

function partAfter(s: Scan, k: number): { part: Part; first: number; last: number } | undefined {
  const t = s.tokens[k + 1];
  const p = t && near(s.text, s.tokens[k], t) ? PART_AFTER.get(t.text) : undefined;
  return p ? { part: p, first: k, last: k + 1 } : undefined;
}

/** "mid-March", "early April", "late 2024". */
const partLabel = (p: Part) => (p === 'mid' ? 'mid-' : `${p} `);

/** Dates in digits: "26.01.2022", "21.12.2023", "2021-04-23", "26/01/2022". */
function numericDate(s: Scan, k: number): Found | undefined {
  const { tokens } = s;
  const a = tokens[k];
  const p1 = tokens[k + 1];
  const b = tokens[k + 2];
  const p2 = tokens[k + 3];
  const c = tokens[k + 4];
  if (!a || !p1 || !b || !p2 || !c || a.kind !== 'num' || b.kind !== 'num' || c.kind !== 'num') return undefined;
  if (p1.text !== p2.text || !['.', '-', '/'].includes(p1.text)) return undefined;
  for (let q = k; q < k + 4; q++) if (tokens[q].end !== tokens[q + 1].start) return undefined;
  if (tokens[k + 5] && tokens[k + 5].start === c.end && (tokens[k + 5].kind === 'num' || (tokens[k + 5].text === p1.text && tokens[k + 6]?.kind === 'num'))) return undefined;
  let y: number;
  let m: number;
  let d: number;
  if (a.text.length === 4 && p1.text === '-') [y, m, d] = [Number(a.text), Number(b.text), Number(c.text)];
  else if (c.text.length === 4 && a.text.length <= 2 && b.text.length <= 2) {
    [d, m, y] = [Number(a.text), Number(b.text), Number(c.text)];
    if (p1.text === '/' && m > 12 && d <= 12) [d, m] = [m, d]; // 04/23/2021
    else if (p1.text === '/' && d <= 12 && m <= 12 && d !== m && s.lang === 'en') return undefined; // 04/05/2021: day and month undecided
  } else return undefined;
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { first: k, last: k + 4, rank: 0, ownYear: true, reading: { level: 'day', label: `${d} ${MONTH_NAMES[m - 1]} ${y}`, year: y, month: m, day: d } };
}

/** A part of a year: "late 2024", "mid-2025", "the end of 2024", "Ende 2024", "finales de 2024", "أواخر 2024", "2024 sonunda". */
function yearPart(s: Scan, k: number): Found | undefined {
  const { tokens } = s;
  if (!isYear(tokens[k])) return undefined;
  let at = k;
  // "أواخر العام 2024", "τέλη του 2024", "the end of the year 2024".
  if (['العام', 'عام', 'سنه', 'του', 'year', 'jahres', 'año', 'anno'].map(foldWord).includes(tokens[k - 1]?.text ?? '')) at = k - 1;
  const p = partBefore(s, at);
  const year = Number(tokens[k].text);
  if (p) return { first: p.first, last: k, rank: 1, reading: { level: 'part-year', label: `${partLabel(p.part)}${year}`, year, part: p.part } };
  const q = partAfter(s, k);
  if (q) return { first: k, last: q.last, rank: 1, reading: { level: 'part-year', label: `${partLabel(q.part)}${year}`, year, part: q.part } };
  return undefined;
}

/** Relative phrases of several languages in one map, with every beginning of a phrase, to stop looking early. */
interface RelativeIndex {
  phrases: Map<string, RelativePhraseOf | 'vague'>;
  prefixes: Set<string>;
}
type RelativePhraseOf = (typeof RELATIVE)[string] extends ReadonlyMap<string, infer P> ? P : never;

const relativeIndexes = new Map<string, RelativeIndex>();

function relativeIndex(langs: readonly string[]): RelativeIndex {
  const key = langs.join(',');
  let index = relativeIndexes.get(key);
  if (!index) {
    index = { phrases: new Map(), prefixes: new Set() };
    const add = (phrase: string, value: RelativePhraseOf | 'vague') => {
      if (!index!.phrases.has(phrase)) index!.phrases.set(phrase, value);
      const words = phrase.split(' ');
      for (let n = 1; n < words.length; n++) index!.prefixes.add(words.slice(0, n).join(' '));
    };
    for (const lang of langs) for (const [phrase, r] of RELATIVE[lang] ?? []) add(phrase, r);
    for (const phrase of VAGUE) add(phrase, 'vague');
    relativeIndexes.set(key, index);
  }
  return index;
}

/** Relative words at token `k`: the longest phrase of the text's languages ("earlier this month" over "this month"). */
function relativeAt(s: Scan, k: number): Found | undefined {
  const { tokens, text } = s;
  if (tokens[k].kind !== 'word') return undefined;
  const index = relativeIndex(s.langs);
  let words = '';
  let best: Found | undefined;
  for (let n = 0; n < RELATIVE_MAX_TOKENS && k + n < tokens.length; n++) {
    const t = tokens[k + n];
    if (n > 0 && !near(text, tokens[k + n - 1], t) && tokens[k + n - 1].end !== t.start) break;
    let w = t.text;
    // "وأمس", "والأسبوع": a prefix that is not part of the phrase.
    if (n === 0 && isArabic(w) && !index.phrases.has(w) && !index.prefixes.has(w) && arabicBare(w) !== undefined) w = arabicBare(w)!;
    words = n === 0 ? w : `${words} ${w}`;
    const found = index.phrases.get(words);
    if (found === 'vague') best = { first: k, last: k + n, rank: 2, vague: true };
    else if (found) best = { first: k, last: k + n, rank: 2, reading: { level: levelOf(found.unit, found.mode), label: found.label, relative: { unit: found.unit, mode: found.mode, ...(found.days ? { days: found.days } : {}) } } };
    if (!index.prefixes.has(words)) break;
  }
  return best ?? agoAt(s, k);
}

function levelOf(unit: RelativeWords['unit'], mode: RelativeWords['mode']): WordsLevel {
  if (mode === 'past' && unit === 'day') return 'day';
  return unit;
}

/** "two years ago", "vor zwei Jahren", "hace dos años", "iki yıl önce", "πριν από δύο χρόνια", "قبل عامين", "dwa lata temu". */
function agoAt(s: Scan, k: number): Found | undefined {
  const { tokens } = s;
  const t = tokens[k];
  const dual = AGO_DUALS.get(t.text);
  const unit = dual ?? AGO_UNITS.get(t.text);
  if (!unit) return undefined;
  let count: number | undefined = dual ? 2 : undefined;
  let first = k;
  let last = k;
  if (!dual) {
    // The number before the unit ("two years"), or after it in Swahili ("miaka miwili").
    const prev = tokens[k - 1];
    const n = prev ? s.numbersEndingAt().get(prev.end) : undefined;
    if (n !== undefined && near(s.text, prev, t)) {
      count = n.value;
      first = k - 1;
      // A number of several words ("twenty two years"): from its first word.
      while (first > 0 && k - first < 8 && tokens[first].start > n.start) first--;
    } else if (['a', 'an', 'one'].includes(prev?.text ?? '')) {
      count = 1;
      first = k - 1;
    } else if (s.lang === 'sw' && tokens[k + 1] && s.numbersEndingAt().has(tokens[k + 1].end)) {
      count = s.numbersEndingAt().get(tokens[k + 1].end)!.value;
      last = k + 1;
    }
  }
  if (count === undefined || count <= 0 || count > 100 || !Number.isInteger(count)) return undefined;
  // "ago" after ("two years ago") or before ("vor zwei Jahren", "hace dos años", "il y a deux ans", "قبل عامين").
  const after = tokens[last + 1];
  let ok = false;
  if (after && AGO_AFTER.has(after.text)) {
    ok = true;
    last++;
  } else {
    let b = first - 1;
    if (tokens[b]?.text === 'από' || tokens[b]?.text === 'απο') b--;
    if (tokens[b] && AGO_BEFORE.has(tokens[b].text)) {
      ok = true;
      first = b;
    } else if (tokens[b]?.text === 'a' && tokens[b - 1]?.text === 'y' && tokens[b - 2]?.text === 'il') {
      ok = true;
      first = b - 2;
    }
  }
  if (!ok) return undefined;
  const by = unit === 'year' || unit === 'month' ? 1 : 0;
  const reading: DateReading = {
    level: unit,
    label: `${count} ${unit}${count === 1 ? '' : 's'} ago`,
    relative: { unit, mode: 'ago', count },
    ...(by ? { approximate: { unit, by } } : {}),
  };
  return { first, last, rank: 2, reading };
}

/** A weekday at token `k`, with the words that make it the previous one ("last Friday", "el viernes pasado", "الخميس الماضي"). */
function weekdayExpression(s: Scan, k: number): Found | undefined {
  const { tokens, text } = s;
  const weekday = weekdayAt(s, k);
  if (weekday === undefined) return undefined;
  let first = k;
  let last = k;
  let isLast = false;
  const prev = tokens[k - 1];
  if (prev && near(text, prev, tokens[k])) {
    if (NEXT_WORDS.has(prev.text) || (prev.text === 'this' && tokens[k - 2]?.text !== 'on')) return undefined; // "next Monday", "this Friday" are not past dates
    if (LAST_BEFORE.has(prev.text)) {
      isLast = true;
      first = k - 1;
      if (tokens[k - 2]?.text === 'this' && prev.text === 'past') first = k - 2; // "this past Friday"
      if (['el', 'lo', 'la'].includes(tokens[first - 1]?.text ?? '') && near(text, tokens[first - 1], tokens[first])) first--;
    }
    if (/^[وفبل]?يوم$/.test(prev.text)) first = k - 1;
  }
  const next = tokens[k + 1];
  if (next && near(text, tokens[k], next) && LAST_AFTER.has(next.text)) {
    isLast = true;
    last = k + 1;
  }
  const mention: WeekdayMention = { weekday, last: isLast, text: text.slice(tokens[first].start, tokens[last].end) };
  return { first, last, rank: 3, reading: { level: 'day', label: `${isLast ? 'last ' : ''}${WEEKDAY_NAMES[weekday]}`, weekday: mention } };
}

/** A year on its own ("in 2025"), not a figure ("2015 kg", "2,015"). */
function bareYear(s: Scan, k: number): Found | undefined {
  const { tokens } = s;
  const t = tokens[k];
  if (!isYear(t)) return undefined;
  const next = tokens[k + 1];
  const prev = tokens[k - 1];
  if (next && next.start === t.end && (next.text === ',' || next.text === '.') && tokens[k + 2]?.kind === 'num' && tokens[k + 2].start === next.end) return undefined;
  if (prev && prev.end === t.start && (prev.text === ',' || prev.text === '.') && tokens[k - 2]?.kind === 'num') return undefined;
  if (next && next.kind === 'word' && near(s.text, t, next) && unitOf(next.text, s.lang, true)) return undefined;
  return { first: k, last: k, rank: 4, reading: { level: 'year', label: t.text, year: Number(t.text) } };
}

const SEASON_NAMES = ['', 'spring', 'summer', 'autumn', 'winter'];
/** Words between a season and its year: "the summer of 2023", "el verano de 2023", "l'estate del 2023". */
const SEASON_LINKS = new Set(['of', 'de', 'del', 'di', 'dell', 'du', 'des', 'von', 'des', 'του', 'roku'].map(foldWord));

/** A season, with its year before or after it when written: "the summer of 2023", "Sommer 2023", "2023 yazı". */
function seasonExpression(s: Scan, k: number): Found | undefined {
  const { tokens, text } = s;
  const t = tokens[k];
  if (!t || t.kind !== 'word') return undefined;
  const season = SEASONS.get(t.text) ?? (t.text.length > 4 ? SEASONS.get(t.text.replace(/(?:ı|i|u|ü|nda|nde|ında|inde)$/, '')) : undefined);
  if (!season) return undefined;
  let y = k + 1;
  if (tokens[y] && SEASON_LINKS.has(tokens[y].text)) y++;
  if (tokens[y]?.text === "'" ) y++;
  let yearTok = isYear(tokens[y]) && near(text, tokens[y - 1], tokens[y]) ? y : undefined;
  let first = k;
  if (yearTok === undefined && isYear(tokens[k - 1]) && near(text, tokens[k - 1], t)) {
    yearTok = k - 1;
    first = k - 1;
  }
  const year = yearTok !== undefined ? Number(tokens[yearTok].text) : undefined;
  // A bare season word with no year and no date word near it is too often something else ("Spring Street").
  if (year === undefined && !/^(?:this|last|the|in|en|el|la|im|in|ce|cet|cette|l|lo|questa|quest|bu|geçen|το|hoc|ten|tego|ez|az)$/.test(tokens[k - 1]?.text ?? '')) return undefined;
  return {
    first,
    last: yearTok !== undefined ? Math.max(yearTok, k) : k,
    rank: 1,
    ownYear: year !== undefined,
    reading: { level: 'part-year', label: `${SEASON_NAMES[season]}${year !== undefined ? ' ' + year : ''}`, year, season },
  };
}

/** Every date expression of a text, in text order, none overlapping another. */
function scanDates(s: Scan): Found[] {
  const out: Found[] = [];
  const { tokens } = s;
  for (let k = 0; k < tokens.length; ) {
    const f = numericDate(s, k) ?? monthExpression(s, k) ?? yearPart(s, k) ?? seasonExpression(s, k) ?? relativeAt(s, k) ?? weekdayExpression(s, k) ?? bareYear(s, k);
    if (!f) {
      k++;
      continue;
    }
    // An expression may start before `k` (days before a month): it replaces what it covers.
    while (out.length && out[out.length - 1].last >= f.first) out.pop();
    f.start = tokens[f.first].start;
    f.end = tokens[f.last].end;
    out.push(f);
    k = f.last + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Scans already made, by the words as written and their language. */
const foundMemo = new TextMemo<{ text: string; byLang: Map<string | undefined, readonly Found[]> }>();

function foundIn(text: string, language: string | undefined): readonly Found[] {
  // Scanned from the memo's own copy of the words: the scan keeps parts of them.
  const kept = foundMemo.get(text, (own) => ({ text: own, byLang: new Map() }));
  let f = kept.byLang.get(language);
  if (!f) kept.byLang.set(language, (f = deepFreeze(scanDates(scanOf(kept.text, language)))));
  return f;
}

/**
 * Every date expression in a text, with its offsets (UTF-16) and reading, in text order: the quotes
 * of a source hold several ("on Friday … 26.01.2022 … last week"). Words that place nothing
 * ("recently") are listed with `vague` and no reading.
 */
export function findDates(text: string, language?: string): FoundDate[] {
  return foundIn(text, language).map((f) => {
    const out: FoundDate = { start: f.start!, end: f.end!, text: text.slice(f.start, f.end) };
    if (f.reading) out.reading = f.reading;
    if (f.vague) out.vague = true;
    return out;
  });
}

/** Weekdays already read, by the words as written and their language. */
const weekdayMemo = new TextMemo<Map<string | undefined, readonly WeekdayMention[]>>();

/**
 * Every weekday named in the words, in the text's language, English or Arabic ("on Wednesday",
 * "last Tuesday", "am Donnerstag", "el pasado viernes", "يوم الأربعاء"). "next Monday" is no past
 * date and is left out. The list is shared between callers (memoised) and frozen.
 */
export function weekdaysIn(text: string, language?: string): readonly WeekdayMention[] {
  const byLang = weekdayMemo.get(text, () => new Map());
  let out = byLang.get(language);
  if (!out) {
    out = deepFreeze(foundIn(text, language).flatMap((f) => (f.reading?.weekday && f.rank === 3 ? [f.reading.weekday] : [])));
    byLang.set(language, out);
  }
  return out;
}

/** Readings already made, by the words as written and their language. */
const readingMemo = new TextMemo<Map<string | undefined, DateReading | undefined>>();

/**
 * Reads the most precise date expression in the words, or undefined when there is none
 * ("previously announced", "Simultaneously", "recently"). A month's expression comes first (a day,
 * days, a week or part of a month, a month; the first in the text), then a part of a year, relative
 * words, a weekday, a bare year. A month without its year takes the first year written in the
 * words; a day reading keeps the first weekday named. A weekday alone gives a reading of level `day`
 * that needs a reference date. The reading is shared between callers (memoised) and frozen.
 */
export function readDateWords(text: string | null | undefined, language?: string): DateReading | undefined {
  if (typeof text !== 'string' || !text.trim()) return undefined;
  const byLang = readingMemo.get(text, () => new Map());
  if (byLang.has(language)) return byLang.get(language);
  const found = foundIn(text, language);
  let best: Found | undefined;
  for (const f of found) if (f.reading && (!best || f.rank < best.rank)) best = f;
  let out: DateReading | undefined;
  if (best?.reading) {
    out = best.reading;
    if (best.rank === 0) {
      const year = out.year ?? found.find((f) => f.rank === 4)?.reading?.year;
      const weekday = found.find((f) => f.rank === 3)?.reading?.weekday;
      if ((year !== undefined && out.year === undefined) || weekday) {
        out = { ...out, ...(year !== undefined ? { year } : {}), ...(weekday ? { weekday } : {}) };
        if (year !== undefined && !out.label.endsWith(String(year))) out.label = `${out.label} ${year}`;
      }
    }
    out = deepFreeze(out);
  }
  byLang.set(language, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Resolving

export interface ResolveOptions {
  /** The year the words are about when they do not say it (from the claim's own date). */
  year?: number;
  /** The day the words were written, YYYY-MM-DD (the source's publication date). */
  reference?: string;
}

export type Resolved =
  | { ok: true; start: string; end: string }
  | { ok: false; needs: 'reference' | 'year' };

const day = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const shift = (ymd: string, days: number) => fromDayNumber(dayNumber(ymd) + days);

/** The reference as a full day, or undefined for partial or missing dates. */
export function fullDay(s: string | null | undefined): string | undefined {
  const p = partialDate(s);
  return p && p.precision === 'day' ? p.start : undefined;
}

/** Weekday (0 = Sunday) of a YYYY-MM-DD day. */
export function weekdayNumber(ymd: string): number {
  return (((dayNumber(ymd) + 4) % 7) + 7) % 7;
}

/**
 * The days a weekday mention may mean in words written on `reference`: "on Wednesday" is the
 * Wednesday of the 7 days up to the reference (the reference itself included), never a later one;
 * "last Wednesday" any Wednesday of the 13 days before it.
 */
export function weekdayCandidates(mention: Pick<WeekdayMention, 'weekday' | 'last'>, reference: string): string[] {
  const ref = dayNumber(reference);
  const [from, to] = mention.last ? [ref - 13, ref - 1] : [ref - 6, ref];
  const out: string[] = [];
  for (let n = from; n <= to; n++) if ((((n + 4) % 7) + 7) % 7 === mention.weekday) out.push(fromDayNumber(n));
  return out;
}

function partRange(part: Part, last: number): [number, number] {
  if (part === 'early') return [1, Math.min(10, last)];
  if (part === 'mid') return [11, Math.min(20, last)];
  return [21, last];
}

/** The first day of the month `n` months after year `y` month `m` (n may be negative). */
function addMonths(y: number, m: number, n: number): [number, number] {
  const i = y * 12 + (m - 1) + n;
  return [Math.floor(i / 12), (i % 12) + 1];
}

/**
 * The days the words allow, or what is missing to know them. A day and month without a year fall on
 * the latest such day on or before the reference; without a reference (or the claim's year) they
 * need a year.
 */
export function resolveReading(r: DateReading, opts: ResolveOptions = {}): Resolved {
  const ref = fullDay(opts.reference);
  if (r.relative) {
    if (!ref) return { ok: false, needs: 'reference' };
    const [y, m] = ref.split('-').map(Number);
    const { unit, mode } = r.relative;
    if (mode === 'past') return { ok: true, start: shift(ref, -(r.relative.days ?? 7)), end: ref };
    if (mode === 'ago') {
      const n = r.relative.count ?? 1;
      const by = r.approximate?.by ?? 0;
      if (unit === 'year') return { ok: true, start: day(y - n - by, 1, 1), end: minDay(day(y - n + by, 12, 31), ref) };
      if (unit === 'month') {
        const [sy, sm] = addMonths(y, m, -n - by);
        const [ey, em] = addMonths(y, m, -n + by);
        return { ok: true, start: day(sy, sm, 1), end: minDay(day(ey, em, daysInMonth(ey, em)), ref) };
      }
      if (unit === 'week') return { ok: true, start: shift(ref, -7 * n - 3), end: minDay(shift(ref, -7 * n + 3), ref) };
      return { ok: true, start: shift(ref, -n), end: shift(ref, -n) };
    }
    if (unit === 'day') return mode === 'last' ? { ok: true, start: shift(ref, -1), end: shift(ref, -1) } : { ok: true, start: ref, end: ref };
    if (unit === 'week') return mode === 'last' ? { ok: true, start: shift(ref, -13), end: shift(ref, -1) } : { ok: true, start: shift(ref, -6), end: ref };
    if (unit === 'month') {
      if (mode === 'this') return { ok: true, start: day(y, m, 1), end: ref };
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { ok: true, start: day(py, pm, 1), end: day(py, pm, daysInMonth(py, pm)) };
    }
    return mode === 'this' ? { ok: true, start: day(y, 1, 1), end: ref } : { ok: true, start: day(y - 1, 1, 1), end: day(y - 1, 12, 31) };
  }
  if (r.month !== undefined) {
    let y = r.year ?? opts.year;
    if (y === undefined && ref) {
      const [ry, rm, rd] = ref.split('-').map(Number);
      // The latest such month (or day) on or before the reference.
      const firstDay = r.day ?? r.days?.from ?? 1;
      y = r.month < rm || (r.month === rm && firstDay <= rd) ? ry : ry - 1;
    }
    if (y === undefined) return { ok: false, needs: 'year' };
    const last = daysInMonth(y, r.month);
    if (r.day !== undefined) {
      const d = Math.min(r.day, last);
      return { ok: true, start: day(y, r.month, d), end: day(y, r.month, d) };
    }
    if (r.days) return { ok: true, start: day(y, r.month, Math.min(r.days.from, last)), end: day(y, r.month, Math.min(r.days.to, last)) };
    if (r.weekOfMonth !== undefined) {
      if (r.weekOfMonth === 'last') return { ok: true, start: day(y, r.month, last - 6), end: day(y, r.month, last) };
      const s = (r.weekOfMonth - 1) * 7 + 1;
      return { ok: true, start: day(y, r.month, s), end: day(y, r.month, s + 6) };
    }
    if (r.part) {
      const [a, b] = partRange(r.part, last);
      return { ok: true, start: day(y, r.month, a), end: day(y, r.month, b) };
    }
    return { ok: true, start: day(y, r.month, 1), end: day(y, r.month, last) };
  }
  if (r.season !== undefined) {
    // Spring from March to June, summer June to September, autumn September to December; winter from
    // December of the year before to March (the winter of 2023 is the one that ends in 2023).
    const [from, to]: [[number, number], [number, number]] = (
      [
        [[3, 1], [6, 20]],
        [[6, 1], [9, 22]],
        [[9, 1], [12, 20]],
        [[12, 1], [3, 20]],
      ] as [[number, number], [number, number]][]
    )[r.season - 1];
    let y = r.year ?? opts.year;
    if (y === undefined && ref) {
      const [ry, rm] = ref.split('-').map(Number);
      y = r.season === 4 ? (rm >= 12 ? ry + 1 : ry) : rm >= from[0] ? ry : ry - 1;
    }
    if (y === undefined) return { ok: false, needs: 'year' };
    const start = r.season === 4 ? day(y - 1, from[0], from[1]) : day(y, from[0], from[1]);
    const end = day(y, to[0], to[1]);
    return { ok: true, start, end: ref ? minDay(end, ref) : end };
  }
  if (r.year !== undefined) {
    if (r.part === 'early') return { ok: true, start: day(r.year, 1, 1), end: day(r.year, 4, 30) };
    if (r.part === 'mid') return { ok: true, start: day(r.year, 5, 1), end: day(r.year, 8, 31) };
    if (r.part === 'late') return { ok: true, start: day(r.year, 9, 1), end: day(r.year, 12, 31) };
    return { ok: true, start: day(r.year, 1, 1), end: day(r.year, 12, 31) };
  }
  if (r.weekday) {
    if (!ref) return { ok: false, needs: 'reference' };
    const c = weekdayCandidates(r.weekday, ref);
    return { ok: true, start: c[0], end: c[c.length - 1] };
  }
  return { ok: false, needs: 'year' };
}

const minDay = (a: string, b: string) => (a < b ? a : b);

// Showing intervals

const human = (ymd: string, withYear = true) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1]}${withYear ? ' ' + y : ''}`;
};

/** "11–20 March 2025", "February 2025", "2025", "on or before 10 February 2026". */
export function formatDays(start: string | undefined, end: string | undefined): string {
  if (!start && !end) return 'any date';
  if (!start) return `on or before ${human(end!)}`;
  if (!end) return `on or after ${human(start)}`;
  if (start === end) return human(start);
  const [sy, sm, sd] = start.split('-').map(Number);
  const [ey, em, ed] = end.split('-').map(Number);
  if (sy === ey && sm === 1 && sd === 1 && em === 12 && ed === 31) return String(sy);
  if (sy === ey && sm === em) {
    if (sd === 1 && ed === daysInMonth(ey, em)) return `${MONTH_NAMES[sm - 1]} ${sy}`;
    return `${sd}–${ed} ${MONTH_NAMES[sm - 1]} ${sy}`;
  }
  if (sy === ey) {
    if (sd === 1 && ed === daysInMonth(ey, em)) return `${MONTH_NAMES[sm - 1]}–${MONTH_NAMES[em - 1]} ${sy}`;
    return `${human(start, false)} – ${human(end)}`;
  }
  return `${human(start)} – ${human(end)}`;
}
