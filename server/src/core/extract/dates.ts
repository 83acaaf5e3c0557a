/**
 * The dates of an article and what each one dates: the seizure ("seized on May 10", "foiled at dawn
 * on Sunday"), its announcement ("said on Wednesday", "announced Friday"), or something else (a
 * dateline, a ban "On October 29 … following an incident in which …", a comparison with "a seizure in
 * April"). Relative words and weekdays are resolved against the publication date when there is one;
 * without it they stay words. Pure functions.
 */
import { type DateReading, type FoundDate, findDates, resolveReading, weekdayCandidates } from '../read/date-words';
import { dayNumber, fromDayNumber } from '../read/calendar';
import { ANNOUNCE_STEMS, ARREST_STEMS, OTHER_CLAUSE_WORDS, SEIZE_STEMS, TIMES_WORDS } from './lexicon';
import { type Sentence, type Word, sentenceAt, wordAt } from './text';

export type DateRole = 'event' | 'announcement' | 'other';

export interface ResolvedDate {
  on?: string;
  from?: string;
  to?: string;
  precision: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'range';
}

export interface DateCandidate {
  found: FoundDate;
  sentence: Sentence;
  role: DateRole;
  /** Why the role: "said" beside it, "seized" in its clause… */
  why: string;
  /** The days the words give, placed against the publication date; absent when they cannot be placed. */
  resolved?: ResolvedDate;
  /** Offsets (plain text) of the words to record: the date's words and the verb or preposition before them. */
  start: number;
  end: number;
  /** A figure the extractor chose is in the same clause. */
  withFigure: boolean;
}

export interface DateContext {
  text: string;
  language: string | undefined;
  sentences: readonly Sentence[];
  words: readonly Word[];
  /** The publication date, YYYY-MM-DD, when known. */
  published?: string;
  /** Offsets of the figures chosen as the seizure's, and of the figures of other seizures. */
  chosenAt: readonly number[];
  otherAt: readonly number[];
  /** Word indexes of drug mentions (specific drugs). */
  drugAt: ReadonlySet<number>;
  /** Offsets of words about another seizure ("another raid", "a similar shipment"): the dates there are its. */
  otherSpans?: readonly (readonly [number, number])[];
  /** The date expressions of the text, when already found (findDates); else they are found here. */
  found?: readonly FoundDate[];
}

/** Whether a word starts with one of the stems; the second half of a hyphenated word ("co-operation") does not count. */
export function hasStemAt(words: readonly Word[], k: number, stems: readonly string[]): boolean {
  const w = words[k];
  if (!w || w.kind !== 'word') return false;
  const prev = words[k - 1];
  if (prev && prev.raw === '-' && prev.end === w.start && words[k - 2]?.end === prev.start) return false;
  return stems.some((s) => !s.includes(' ') && w.text.startsWith(s));
}

/** Every date expression with a reading, with its role and its days. */
export function scanDates(input: DateContext): DateCandidate[] {
  const ctx = { ...input, chosenAt: [...input.chosenAt].sort((x, y) => x - y), otherAt: [...input.otherAt].sort((x, y) => x - y) };
  const out: DateCandidate[] = [];
  const { words } = ctx;
  for (const f of ctx.found ?? findDates(ctx.text, ctx.language)) {
    if (!f.reading) continue;
    const sentence = sentenceAt(ctx.sentences, f.start);
    if (!sentence) continue;
    const first = wordAt(words, f.start);
    const last = Math.max(first, wordAt(words, f.end) - 1);
    const sFirst = wordAt(words, sentence.start);
    const sLast = wordAt(words, sentence.end) - 1;
    const { role, why, verbAt } = roleOf(ctx, f, sentence, first, last, sFirst, sLast);
    let start = f.start;
    // Record the verb or preposition before the words: "said on Wednesday", "on Sunday", "in early May".
    const prev = words[first - 1];
    if (verbAt !== undefined && verbAt < first && first - verbAt <= 4) start = words[verbAt].start;
    else if (prev && prev.kind === 'word' && PREPOSITIONS.has(prev.text)) start = prev.start;
    const scope = scopeOf(words, first, sFirst, sLast);
    const withFigure = anyIn(ctx.chosenAt, words[scope[0]].start, words[scope[1]].end);
    out.push({ found: f, sentence, role, why, resolved: resolve(f.reading, ctx.published), start, end: f.end, withFigure });
  }
  return out;
}

/** Whether a sorted list of offsets holds one in [from, to). */
function anyIn(sorted: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to;
}

const PREPOSITIONS = new Set(['on', 'in', 'at', 'since', 'am', 'im', 'el', 'en', 'il', 'nel', 'le', 'en', 'στις', 'στο', 'στην', 'τον', 'w', 'في', 'يوم', 'mnamo']);

/** The words that give a date's role: the sentence, less the clauses that another time opens ("after …", "following …"). */
function scopeOf(words: readonly Word[], i: number, from: number, to: number): [number, number] {
  // The clause another time opens runs from its word to the next comma (when it opens the sentence
  // or follows a comma) or to the end of the sentence.
  let a = from;
  let b = to;
  for (let k = from; k <= to; k++) {
    const w = words[k];
    if (w.kind !== 'word' || !OTHER_CLAUSE_WORDS.has(w.text)) continue;
    const opens = k === from || words[k - 1]?.raw === ',';
    let end = to;
    if (opens) for (let j = k + 1; j <= to; j++) if (words[j].raw === ',') {
      end = j - 1;
      break;
    }
    if (i >= k && i <= end) return [k, end];
    if (end < i) a = Math.max(a, end + 1);
    else b = Math.min(b, k - 1);
  }
  return [a, b];
}

function roleOf(ctx: DateContext, f: FoundDate, sentence: Sentence, first: number, last: number, sFirst: number, sLast: number): { role: DateRole; why: string; verbAt?: number } {
  const { words } = ctx;
  // A dateline: "ROME, Aug. 9 (Xinhua) --", "Beirut, Dec 30 (IANS)".
  if (sentence.index === 0 || (words[first - 1]?.raw === ',' && first - sFirst <= 3)) {
    const after = ctx.text.slice(f.end, f.end + 4);
    if (first - sFirst <= 3 && /^\s*(?:\(|--|—|–|-)/.test(after)) return { role: 'other', why: 'a dateline' };
  }
  if (ctx.otherSpans?.some(([a, b]) => f.start >= a && f.start < b)) return { role: 'other', why: 'it dates another seizure' };
  // A comparison with other seizures ("three times the size of a seizure in April").
  for (let k = sFirst; k <= sLast; k++) if (words[k].kind === 'word' && TIMES_WORDS.has(words[k].text)) return { role: 'other', why: 'a comparison with another seizure' };
  const [a, b] = scopeOf(words, first, sFirst, sLast);
  const chosen = anyIn(ctx.chosenAt, words[a].start, words[b].end);
  const other = anyIn(ctx.otherAt, words[a].start, words[b].end);
  if (other && !chosen) return { role: 'other', why: 'it dates another figure' };
  const about = () => chosen || hasSeizure(words, a, b) || drugIn(ctx, a, b);
  // "said on Wednesday", "on Thursday said", "announced Friday", "in a statement late Friday".
  for (let k = Math.max(a, first - 4); k <= Math.min(b, last + 3); k++) {
    if (k >= first && k <= last) continue;
    if (hasStemAt(words, k, ANNOUNCE_STEMS)) {
      return about() ? { role: 'announcement', why: `"${words[k].raw}" beside it`, verbAt: k } : { role: 'other', why: 'an announcement of something else' };
    }
  }
  for (let k = a; k <= b; k++) if (hasStemAt(words, k, SEIZE_STEMS) || multiword(words, k, SEIZE_STEMS)) return { role: 'event', why: `"${words[k].raw}" in its clause` };
  if (chosen) return { role: 'event', why: 'the figure is in its clause' };
  for (let k = a; k <= b; k++) if (hasStemAt(words, k, ANNOUNCE_STEMS) && about()) return { role: 'announcement', why: `"${words[k].raw}" in its clause` };
  return { role: 'other', why: 'nothing says it dates the seizure' };
}

/** Words that say a clause is about the seizure even without a verb of seizing: the haul, the shipment, an arrest. */
const ABOUT_WORDS = ['shipment', 'haul', 'consignment', 'cargo', 'bust', ...ARREST_STEMS];

function hasSeizure(words: readonly Word[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (hasStemAt(words, k, SEIZE_STEMS) || hasStemAt(words, k, ABOUT_WORDS) || multiword(words, k, SEIZE_STEMS)) return true;
  return false;
}

function drugIn(ctx: DateContext, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (ctx.drugAt.has(k)) return true;
  return false;
}

/** A stem of two words ("ele gecir") starting at word k. */
function multiword(words: readonly Word[], k: number, stems: readonly string[]): boolean {
  const w = words[k];
  const n = words[k + 1];
  if (!w || !n || w.kind !== 'word' || n.kind !== 'word') return false;
  const two = `${w.text} ${n.text}`;
  return stems.some((s) => s.includes(' ') && two.startsWith(s));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Monday of the week of a day. */
function monday(ymd: string): string {
  const n = dayNumber(ymd);
  const weekday = (((n + 4) % 7) + 7) % 7; // 0 = Sunday
  return fromDayNumber(n - ((weekday + 6) % 7));
}

/** The days a reading gives, against the publication date; undefined when they cannot be placed. */
export function resolve(r: DateReading, published: string | undefined): ResolvedDate | undefined {
  const ref = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : undefined;
  if (r.relative) {
    if (!ref) return undefined;
    const { unit, mode } = r.relative;
    const [y, m] = ref.split('-').map(Number);
    if (unit === 'week') {
      if (mode === 'last') return { on: monday(fromDayNumber(dayNumber(ref) - 7)), precision: 'week' };
      if (mode === 'this') return { on: monday(ref), precision: 'week' };
      if (mode === 'past') return { on: fromDayNumber(dayNumber(ref) - (r.relative.days ?? 7) + 1), precision: 'week' };
      if (mode === 'ago') return { on: monday(fromDayNumber(dayNumber(ref) - 7 * (r.relative.count ?? 1))), precision: 'week' };
    }
    if (unit === 'year' && mode === 'ago') return { on: String(y - (r.relative.count ?? 1)), precision: 'year' };
    if (unit === 'month' && mode === 'ago') {
      const i = y * 12 + (m - 1) - (r.relative.count ?? 1);
      return { on: `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`, precision: 'month' };
    }
    const res = resolveReading(r, { reference: ref });
    if (!res.ok) return undefined;
    if (unit === 'day' && mode !== 'past') return { on: res.start, precision: 'day' };
    if (unit === 'day') return { on: res.start, precision: 'week' };
    if (unit === 'month') return { on: res.start.slice(0, 7), precision: 'month' };
    if (unit === 'year') return { on: res.start.slice(0, 4), precision: 'year' };
    return undefined;
  }
  if (r.weekday && r.month === undefined) {
    if (!ref) return undefined;
    const days = weekdayCandidates(r.weekday, ref);
    // "last Friday" said on a Wednesday: the latest Friday before it.
    return days.length ? { on: days[days.length - 1], precision: 'day' } : undefined;
  }
  const res = resolveReading(r, { reference: ref });
  if (!res.ok) return undefined;
  switch (r.level) {
    case 'day':
      return res.start === res.end ? { on: res.start, precision: 'day' } : { from: res.start, to: res.end, precision: 'range' };
    case 'week':
      return { on: res.start, precision: 'week' };
    case 'part-month':
    case 'month':
      return { on: res.start.slice(0, 7), precision: 'month' };
    case 'part-year':
    case 'year':
      return { on: res.start.slice(0, 4), precision: 'year' };
  }
  return undefined;
}
