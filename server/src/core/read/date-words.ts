/**
 * Reading the words sources use for dates ("In mid-March", "early April 2025", "last month",
 * "over the past week", "said on Wednesday", "يوم الأربعاء الماضي") as day intervals.
 *
 * Pure: relative words ("last month", "on Tuesday") are resolved against a reference day passed in
 * by the caller (the source's publication date); without one they stay unresolved.
 */
import { dayNumber, daysInMonth, fromDayNumber, partialDate } from './calendar';
import { TextMemo, deepFreeze } from '../base/memo';

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
  /** "last Wednesday", "الأربعاء الماضي": the previous one, not necessarily within the week. */
  last: boolean;
  /** The words as written. */
  text: string;
}

export interface RelativeWords {
  unit: 'day' | 'week' | 'month' | 'year';
  /**
   * `last`: the previous calendar unit ("last month"); `this`: the current one up to the reference
   * ("earlier this month", "today"); `past`: the N days up to the reference ("over the past week").
   */
  mode: 'last' | 'this' | 'past';
  /** For `past`: how many days back from the reference. */
  days?: number;
}

/** What a date expression says. */
export interface DateReading {
  /** The finest precision the words support. */
  level: WordsLevel;
  /** The words that were read, normalised ("mid-March", "last month"). */
  label: string;
  year?: number;
  /** 1–12. */
  month?: number;
  day?: number;
  part?: Part;
  /** "first week of March" = 1 … "fourth week" = 4, "last week of March" = 'last'. */
  weekOfMonth?: 1 | 2 | 3 | 4 | 'last';
  relative?: RelativeWords;
  weekday?: WeekdayMention;
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

// ---------------------------------------------------------------------------------------------
// Normalisation

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Arabic-Indic digits → ASCII; Arabic letters folded (hamza forms of alef, taa marbuta, alef maqsura, diacritics). */
function normalise(text: string): string {
  return text
    .replace(ARABIC_INDIC, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[\u2018\u2019\u201C\u201D"']/g, ' ')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const EN_MONTHS: [RegExp, number][] = [
  [/^jan(?:uary|\.)?$/, 1],
  [/^feb(?:ruary|\.)?$/, 2],
  [/^mar(?:ch|\.)?$/, 3],
  [/^apr(?:il|\.)?$/, 4],
  [/^may$/, 5],
  [/^june?\.?$/, 6],
  [/^july?\.?$/, 7],
  [/^aug(?:ust|\.)?$/, 8],
  [/^sep(?:t|tember)?\.?$/, 9],
  [/^oct(?:ober|\.)?$/, 10],
  [/^nov(?:ember|\.)?$/, 11],
  [/^dec(?:ember|\.)?$/, 12],
];
const EN_MONTH_WORD =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)';

/** Arabic month names after normalisation: the Gulf/Egyptian set and the Levantine/Iraqi set. */
const AR_MONTHS: [string, number][] = [
  ['كانون الثاني', 1],
  ['كانون الاول', 12],
  ['تشرين الاول', 10],
  ['تشرين الثاني', 11],
  ['يناير', 1],
  ['فبراير', 2],
  ['مارس', 3],
  ['ابريل', 4],
  ['مايو', 5],
  ['يونيو', 6],
  ['يونيه', 6],
  ['يوليو', 7],
  ['يوليه', 7],
  ['اغسطس', 8],
  ['سبتمبر', 9],
  ['اكتوبر', 10],
  ['نوفمبر', 11],
  ['ديسمبر', 12],
  ['شباط', 2],
  ['اذار', 3],
  ['نيسان', 4],
  ['ايار', 5],
  ['حزيران', 6],
  ['تموز', 7],
  ['اب', 8],
  ['ايلول', 9],
];
const AR_MONTH_WORD = AR_MONTHS.map(([w]) => w.replace(' ', '\\s+')).join('|');

const EN_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Arabic weekday names (normalised); Sunday and Monday also mean "one" and "two" and need يوم before them. */
const AR_WEEKDAYS: [string, number, boolean][] = [
  ['الاحد', 0, true],
  ['الاثنين', 1, true],
  ['الاتنين', 1, true],
  ['الثلاثاء', 2, false],
  ['الثلاثا', 2, false],
  ['الاربعاء', 3, false],
  ['الاربعا', 3, false],
  ['الخميس', 4, false],
  ['الجمعه', 5, false],
  ['السبت', 6, false],
];

/** Arabic letters, for word boundaries (JavaScript's \b knows only ASCII). */
const AL = '[\\u0620-\\u064A]';
/** An Arabic word, with the usual one-letter prefixes (و، ف، ب، ل). */
const arWord = (w: string) => `(?<!${AL})[وفبل]?(?:${w})(?!${AL})`;

function monthOf(word: string): number | undefined {
  const w = word.trim();
  for (const [re, n] of EN_MONTHS) if (re.test(w)) return n;
  const ar = w.replace(/\s+/g, ' ').replace(/^[وفبل](?=[^ ]{3})/, '');
  for (const [name, n] of AR_MONTHS) if (ar === name || w === name) return n;
  return undefined;
}

function partOf(word: string): Part | undefined {
  if (/^(early|beginning|start|مطلع|اوائل|بدايه|مستهل)/.test(word)) return 'early';
  if (/^(mid|middle|منتصف|اواسط)/.test(word)) return 'mid';
  if (/^(late|end|اواخر|نهايه)/.test(word)) return 'late';
  return undefined;
}

const PART_EN = '(early|mid|late|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of|the\\s+end\\s+of|beginning\\s+of|start\\s+of|middle\\s+of|end\\s+of)';
const PART_AR = '(مطلع|اوائل|بدايه|مستهل|منتصف|اواسط|اواخر|نهايه)';
const YEAR = '((?:19|20)\\d{2})';

// The expressions are built once: a RegExp built per call is compiled again at every call.
// The global ones are only used through matchAll, which matches on a copy (their lastIndex stays 0).

const EN_WEEKDAY_RE = new RegExp(`\\b(?:(last|this past|past|next|this)\\s+)?(${EN_WEEKDAYS.join('|')})(?:'s)?\\b`, 'g');
const AR_WEEKDAY_RES: [RegExp, number][] = AR_WEEKDAYS.map(([name, weekday, needsYawm]) => [
  new RegExp(`${needsYawm ? `(?<!${AL})[وفبل]?يوم\\s+${name}` : `(?:(?<!${AL})[وفبل]?يوم\\s+)?${arWord(name)}`}(?!${AL})(\\s+(?:الماضي|الفائت|المنصرم))?`, 'g'),
  weekday,
]);
/** Every Arabic weekday expression holds Arabic letters: texts without any need not be searched for them. */
const ARABIC_LETTER = /[\u0620-\u064A]/;
const YEAR_RE = new RegExp(`(?<![\\d])${YEAR}(?![\\d])`);
const EN_MONTH_RE = new RegExp(`\\b${EN_MONTH_WORD}(?![a-z])`, 'g');
const EN_PART_BEFORE_RE = new RegExp(`\\b${PART_EN}[\\s-]+$`);
const AR_MONTH_RE = new RegExp(`(?<!${AL})[وفبل]?(?:${AR_MONTH_WORD})(?!${AL})`, 'g');
const AR_AUGUST_CONTEXT_RE = new RegExp(`(?:شهر|في|${PART_AR})\\s+$`);
const AR_PART_BEFORE_RE = new RegExp(`${PART_AR}\\s+(?:شهر\\s+)?$`);
const YEAR_PART_RE = new RegExp(`(?:\\b${PART_EN}|${PART_AR})[\\s-]+(?:(?:العام|عام|سنه)\\s+)?${YEAR}(?!\\d)`);
const AR_YESTERDAY_RE = new RegExp(arWord('امس'));
const AR_TODAY_RE = new RegExp(arWord('اليوم'));
const AR_RELATIVE_RE = new RegExp(`(خلال\\s+)?(?<!${AL})[وفبل]?(?:ال)?(اسبوع|شهر|عام|سنه)\\s+(?:ال)?(ماضي|فائت|منصرم|ماضيه|فائته|منصرمه)(?!${AL})`);

// ---------------------------------------------------------------------------------------------
// Reading

/** Weekdays already read, by the words as written. */
const weekdayMemo = new TextMemo<readonly WeekdayMention[]>();

/**
 * Every weekday named in the words, English or Arabic ("on Wednesday", "last Tuesday", "يوم الأربعاء").
 * The list is shared between callers (memoised) and frozen.
 */
export function weekdaysIn(text: string): readonly WeekdayMention[] {
  return weekdayMemo.get(text, (w) => weekdaysInNormalised(normalise(w)));
}

/** `weekdaysIn` for words already normalised. */
function weekdaysInNormalised(t: string): readonly WeekdayMention[] {
  const out: WeekdayMention[] = [];
  for (const m of t.matchAll(EN_WEEKDAY_RE)) {
    if (m[1] === 'next' || m[1] === 'this') continue; // "next Monday" is not a date in the past
    out.push({ weekday: EN_WEEKDAYS.indexOf(m[2]), last: !!m[1] && m[1] !== 'this', text: m[0] });
  }
  if (ARABIC_LETTER.test(t)) {
    for (const [re, weekday] of AR_WEEKDAY_RES) for (const m of t.matchAll(re)) out.push({ weekday, last: !!m[1], text: m[0].trim() });
  }
  return deepFreeze(out);
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "mid-March", "early April", "late 2024". */
const partLabel = (p: Part) => (p === 'mid' ? 'mid-' : `${p} `);

function reading(level: WordsLevel, label: string, rest: Omit<DateReading, 'level' | 'label'> = {}): DateReading {
  return { level, label, ...rest };
}

/** A year written next to the month or in the words (the first four-digit year from 1900 to 2099). */
function yearIn(t: string): number | undefined {
  const m = YEAR_RE.exec(t);
  return m ? Number(m[1]) : undefined;
}

const WEEK_ORDINALS: Readonly<Record<string, 1 | 2 | 3 | 4>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

const MAY_CONTEXT = /(?:\b(?:in|of|since|until|till|by|on|during|from|to|early|mid|late|end|beginning|start|middle)[\s-]+|\d\s+)$/;

/** Readings already made, by the words as written. */
const readingMemo = new TextMemo<DateReading | undefined>();

/**
 * Reads the most precise date expression in the words, or undefined when there is none
 * ("previously announced", "Simultaneously"). A weekday alone gives a reading of level `day`
 * that needs a reference date. The reading is shared between callers (memoised) and frozen.
 */
export function readDateWords(text: string | null | undefined): DateReading | undefined {
  if (typeof text !== 'string' || !text.trim()) return undefined;
  return readingMemo.get(text, (w) => deepFreeze(readNormalised(w, normalise(w))));
}

/** Reads `t`, the normalised form of `text`. */
function readNormalised(text: string, t: string): DateReading | undefined {
  const year = yearIn(t);
  const weekday = weekdayMemo.get(text, () => weekdaysInNormalised(t))[0];

  // English month expressions: "15 March", "March 15th", "first week of March", "mid-March", "in March".
  for (const m of t.matchAll(EN_MONTH_RE)) {
    const month = monthOf(m[0]);
    if (!month) continue;
    const before = t.slice(0, m.index);
    const after = t.slice(m.index + m[0].length);
    if (month === 5 && !MAY_CONTEXT.test(before) && !/^\s*\d/.test(after) && !/^\s*,?\s*(?:19|20)\d{2}/.test(after)) continue;
    if (month === 3 && /^\s+(?:on|to|through|past)\b/.test(after) && !MAY_CONTEXT.test(before)) continue;
    const name = MONTH_NAMES[month - 1];
    const yearAfter = /^\s*,?\s*((?:19|20)\d{2})(?!\d)/.exec(after);
    const y = yearAfter ? Number(yearAfter[1]) : year;
    const dayAfter = /^\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)/.exec(after);
    const dayBefore = /(?:^|\D)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$/.exec(before);
    const day = dayAfter ? Number(dayAfter[1]) : dayBefore ? Number(dayBefore[1]) : undefined;
    if (day !== undefined && day >= 1 && day <= 31)
      return reading('day', `${day} ${name}${y ? ' ' + y : ''}`, { year: y, month, day, weekday });
    const week = /\b(first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+week\s+of\s+$/.exec(before);
    if (week) {
      const w = WEEK_ORDINALS[week[1]] ?? 'last';
      return reading('week', `${week[1]} week of ${name}${y ? ' ' + y : ''}`, { year: y, month, weekOfMonth: w });
    }
    const part = EN_PART_BEFORE_RE.exec(before);
    if (part) {
      const p = partOf(part[1].replace(/^the\s+/, ''))!;
      return reading('part-month', `${partLabel(p)}${name}${y ? ' ' + y : ''}`, { year: y, month, part: p });
    }
    return reading('month', `${name}${y ? ' ' + y : ''}`, { year: y, month });
  }

  // Arabic month expressions: "15 آذار", "منتصف آذار", "في شباط 2025".
  for (const m of t.matchAll(AR_MONTH_RE)) {
    const month = monthOf(m[0]);
    if (!month) continue;
    const before = t.slice(0, m.index);
    const after = t.slice(m.index + m[0].length);
    if (month === 8 && /^[وفبل]?اب$/.test(m[0]) && !AR_AUGUST_CONTEXT_RE.test(before) && !/^\s*(?:19|20)\d{2}/.test(after)) continue;
    const name = MONTH_NAMES[month - 1];
    const yearAfter = /^\s*((?:19|20)\d{2})(?!\d)/.exec(after);
    const y = yearAfter ? Number(yearAfter[1]) : year;
    const dayBefore = /(?:^|\D)(\d{1,2})\s+(?:من\s+)?(?:شهر\s+)?$/.exec(before);
    if (dayBefore && Number(dayBefore[1]) >= 1 && Number(dayBefore[1]) <= 31)
      return reading('day', `${Number(dayBefore[1])} ${name}${y ? ' ' + y : ''}`, { year: y, month, day: Number(dayBefore[1]), weekday });
    const part = AR_PART_BEFORE_RE.exec(before);
    if (part) {
      const p = partOf(part[1])!;
      return reading('part-month', `${partLabel(p)}${name}${y ? ' ' + y : ''}`, { year: y, month, part: p });
    }
    return reading('month', `${name}${y ? ' ' + y : ''}`, { year: y, month });
  }

  // Parts of a year: "late 2024", "mid-2025", "the end of 2024", "أواخر 2024".
  const yearPart = YEAR_PART_RE.exec(t);
  if (yearPart) {
    const p = partOf((yearPart[1] ?? yearPart[2]).replace(/^the\s+/, ''))!;
    return reading('part-year', `${partLabel(p)}${yearPart[3]}`, { year: Number(yearPart[3]), part: p });
  }

  // Relative words (need the publication date).
  const rel = relativeIn(t);
  if (rel) return rel;

  if (weekday) return reading('day', `${weekday.last ? 'last ' : ''}${WEEKDAY_NAMES[weekday.weekday]}`, { weekday });

  // A bare year: "in 2025", "2025".
  if (year !== undefined) return reading('year', String(year), { year });
  return undefined;
}

function relativeIn(t: string): DateReading | undefined {
  const r = (level: WordsLevel, label: string, relative: RelativeWords) => reading(level, label, { relative });
  if (/\b(?:yesterday)\b/.test(t) || AR_YESTERDAY_RE.test(t)) return r('day', 'yesterday', { unit: 'day', mode: 'last' });
  if (/\b(?:today|this morning|tonight|this evening)\b/.test(t) || AR_TODAY_RE.test(t) && !/يوم\s+ال/.test(t))
    return r('day', 'today', { unit: 'day', mode: 'this' });
  let m = /\b(?:in\s+)?(?:the\s+)?(?:past|last|recent)\s+(?:few|several|couple\s+of)\s+(days|weeks|months)\b|\bin\s+recent\s+(days|weeks|months)\b/.exec(t);
  if (m) {
    const unit = m[1] ?? m[2];
    if (unit === 'days') return r('week', 'the past few days', { unit: 'day', mode: 'past', days: 10 });
    if (unit === 'weeks') return r('month', 'the past few weeks', { unit: 'week', mode: 'past', days: 42 });
    return r('part-year', 'the past few months', { unit: 'month', mode: 'past', days: 183 });
  }
  m = /\bthe\s+(?:past|last)\s+(week|month|year)\b|\bpast\s+(week|month|year)\b/.exec(t);
  if (m) {
    const unit = (m[1] ?? m[2]) as 'week' | 'month' | 'year';
    const days = { week: 7, month: 31, year: 366 }[unit];
    return r(unit === 'week' ? 'week' : unit === 'month' ? 'month' : 'year', `the past ${unit}`, { unit, mode: 'past', days });
  }
  m = /\blast\s+(week|month|year)\b/.exec(t);
  if (m) {
    const unit = m[1] as 'week' | 'month' | 'year';
    return r(unit, `last ${unit}`, { unit, mode: 'last' });
  }
  m = /\bthis\s+(week|month|year)\b/.exec(t);
  if (m) {
    const unit = m[1] as 'week' | 'month' | 'year';
    return r(unit, `this ${unit}`, { unit, mode: 'this' });
  }
  // Arabic: "خلال الأسبوع الماضي" (over the past week), "الأسبوع الماضي" (last week), "الشهر الماضي", "العام الماضي".
  m = AR_RELATIVE_RE.exec(t);
  if (m) {
    const unit = ({ اسبوع: 'week', شهر: 'month', عام: 'year', سنه: 'year' } as const)[m[2] as 'اسبوع'];
    if (m[1]) {
      const days = { week: 7, month: 31, year: 366 }[unit];
      return r(unit === 'week' ? 'week' : unit === 'month' ? 'month' : 'year', `the past ${unit}`, { unit, mode: 'past', days });
    }
    return r(unit, `last ${unit}`, { unit, mode: 'last' });
  }
  return undefined;
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
 * Wednesday of the 7 days up to the reference (the reference itself included); "last Wednesday"
 * any Wednesday of the 13 days before it.
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

/** The days the words allow, or what is missing to know them. */
export function resolveReading(r: DateReading, opts: ResolveOptions = {}): Resolved {
  const ref = fullDay(opts.reference);
  if (r.relative) {
    if (!ref) return { ok: false, needs: 'reference' };
    const [y, m] = ref.split('-').map(Number);
    const { unit, mode } = r.relative;
    if (mode === 'past') return { ok: true, start: shift(ref, -(r.relative.days ?? 7)), end: ref };
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
      const [ry, rm] = ref.split('-').map(Number);
      y = r.month <= rm ? ry : ry - 1;
    }
    if (y === undefined) return { ok: false, needs: 'year' };
    const last = daysInMonth(y, r.month);
    if (r.day !== undefined) {
      const d = Math.min(r.day, last);
      return { ok: true, start: day(y, r.month, d), end: day(y, r.month, d) };
    }
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

// ---------------------------------------------------------------------------------------------
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
