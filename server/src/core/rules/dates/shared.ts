/** What the dates/* rules share: an event's date claims with their words read, its sources' publication days. */
import type { RuleContext } from '../rule';
import { type DateClaim, type DayInterval, type SourceRef, dateClaimsOf, dayNumber, findSource, partialDate, sourcesOf } from '../../model/event';
import { type DateReading, type Resolved, fullDay, readDateWords, resolveReading, weekdayNumber } from '../../read/date-words';
import { TextMemo, deepFreeze } from '../../base/memo';

export const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The event being checked, or undefined for anything that is not a mapping. */
export function eventOf(ctx: RuleContext): Record<string, unknown> | undefined {
  const v = ctx.document.value;
  return isObj(v) ? v : undefined;
}

/** a ≤ b for YYYY-MM-DD days. */
export const dayLE = (a: string, b: string) => dayNumber(a) <= dayNumber(b);

export interface ClaimView {
  claim: DateClaim;
  /** Pointer of the date value that opens the claim (`on`, else `from`, else `to`). */
  valuePointer: string;
  /** The claim's source, when the event defines it (or the event's only source when the claim names none). */
  source?: SourceRef;
  /** The source's publication day, when it is a full day. */
  reference?: string;
  reading?: DateReading;
  /** What the words resolve to (year from the claim, relative words from the publication). */
  words?: Resolved;
  /** The claim's days, narrowed by its words where they say more (mid-March → 11–20 March). */
  days: { start?: string; end?: string };
  /** The words narrowed the claim. */
  narrowed: boolean;
  /**
   * Words that say a date but cannot be placed from their source alone ("on Wednesday" in an undated
   * article, "In May" without a year): whether a day fits them. Undefined for placed claims.
   */
  fits?: (day: string) => boolean;
  /** The words say the date only roughly ("two years ago"): the claim's days are widened by this many days. */
  slackDays: number;
}

/** The one year a claim's days fall in, if they fall in one. */
function claimYear(c: DateClaim): number | undefined {
  const s = c.interval?.start;
  const e = c.interval?.end;
  if (s && e && s.slice(0, 4) === e.slice(0, 4)) return Number(s.slice(0, 4));
  return undefined;
}

/** Views already made, by event value: the dates/* rules all read the same parsed value of a document. */
const viewsMemo = new WeakMap<object, readonly ClaimView[]>();

/**
 * The event's date claims with their words read. Shared by the rules that check one event value
 * (memoised on the value, which no rule changes) and frozen.
 */
export function claimViews(event: unknown): readonly ClaimView[] {
  if (!event || typeof event !== 'object') return makeClaimViews(event);
  let views = viewsMemo.get(event);
  if (!views) viewsMemo.set(event, (views = deepFreeze(makeClaimViews(event))));
  return views;
}

/** "two years ago", "three months ago", "hace dos años", "iki yıl önce", "vor zwei Jahren": a rough distance back. */
const ROUGHLY_AGO =
  /\b(?:years?|months?)\s+(?:ago|earlier|before)\b|\bhace\s+\S+\s+(?:años?|meses?)\b|\b(?:yıl|ay)\s+önce\b|\bvor\s+\S+\s+(?:Jahren|Monaten)\b|\bil y a\s+\S+\s+(?:ans?|mois)\b|\b(?:anni|mesi)\s+fa\b|\bπριν\s+(?:από\s+)?\S+\s+(?:χρόνια|μήνες)/iu;

/** The days "two years ago" may be off by (a year; a month for months), 0 for words that say no such thing. */
function roughSlack(words: string): number {
  if (!ROUGHLY_AGO.test(words)) return 0;
  return /month|mes|ay\b|Monat|mois|mesi|μήν/iu.test(words) ? 31 : 366;
}

/** The same words ("earlier this month", "on Tuesday") come back in many events. */
const roughlyAgo = new TextMemo<number>(2048, 256);

/** Whether `day` (YYYY-MM-DD) is a day the words can mean, whatever their missing year or reference. */
function fitsReading(r: DateReading, day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  if (r.year !== undefined && r.year !== y) return false;
  if (r.month !== undefined && r.month !== m) return false;
  if (r.day !== undefined && r.day !== d) return false;
  if (r.days && (d < r.days.from || d > r.days.to)) return false;
  if (r.month !== undefined && r.day === undefined && r.part) {
    const [a, b] = r.part === 'early' ? [1, 10] : r.part === 'mid' ? [11, 20] : [21, 31];
    if (d < a || d > b) return false;
  }
  // A weekday with one day checks it; a span of days from one weekday to the next does not.
  if (r.weekday && !r.days && weekdayNumber(day) !== r.weekday.weekday) return false;
  if (r.season !== undefined) {
    const md = m * 100 + d;
    const inSeason = [
      (x: number) => x >= 301 && x <= 620,
      (x: number) => x >= 601 && x <= 922,
      (x: number) => x >= 901 && x <= 1220,
      (x: number) => x >= 1201 || x <= 320,
    ][r.season - 1];
    if (!inSeason(md)) return false;
  }
  return true;
}

function makeClaimViews(event: unknown): ClaimView[] {
  const sources = sourcesOf(event);
  return dateClaimsOf(event).map((claim) => {
    const valuePointer = claim.on !== undefined || claim.from !== undefined || claim.to !== undefined
      ? `${claim.pointer}/${claim.on !== undefined ? 'on' : claim.from !== undefined ? 'from' : 'to'}`
      : `${claim.pointer}/as_reported`;
    const source = claim.source !== undefined ? findSource(sources, claim.source) : sources.length === 1 ? sources[0] : undefined;
    const reference = fullDay(source?.published);
    const reading = readDateWords(claim.as_reported, source?.language);
    const words = reading ? resolveReading(reading, { year: claimYear(claim), reference }) : undefined;
    let days = { start: claim.interval?.start, end: claim.interval?.end };
    let narrowed = false;
    // Weekday words are left to dates/weekday when the claim has a date: they often name the
    // announcement's day, not the event's.
    // A range the maintainer wrote (from/to) is kept as written: the words may name only one end of it
    // ("the night of Monday 12 to Tuesday 13 August").
    const ranged = claim.on === undefined && (claim.from !== undefined || claim.to !== undefined);
    if (words?.ok && !ranged && !(reading?.weekday && reading.month === undefined && claim.interval)) {
      const start = days.start && days.start > words.start ? days.start : words.start;
      const end = days.end && days.end < words.end ? days.end : words.end;
      if (start <= end && (start !== days.start || end !== days.end)) {
        days = { start, end };
        narrowed = true;
      }
    }
    // Words alone that cannot be placed: what they say still rules out days.
    const datable =
      reading &&
      (reading.month !== undefined || reading.day !== undefined || reading.days !== undefined || reading.weekday !== undefined || reading.year !== undefined || reading.season !== undefined);
    const fits = !claim.interval && !(words?.ok) && reading && datable ? (day: string) => fitsReading(reading, day) : undefined;
    const DAYS_PER = { day: 1, week: 7, month: 31, year: 366 } as const;
    const slackDays = reading?.approximate
      ? reading.approximate.by * DAYS_PER[reading.approximate.unit]
      : typeof claim.as_reported === 'string'
        ? roughlyAgo.get(claim.as_reported, roughSlack)
        : 0;
    return { claim, valuePointer, source, reference, reading, words, days, narrowed, fits, slackDays };
  });
}

/** Sources with a readable publication date, as day intervals. */
export function publications(event: unknown): { source: SourceRef; published: DayInterval }[] {
  const out: { source: SourceRef; published: DayInterval }[] = [];
  for (const source of sourcesOf(event)) {
    const published = partialDate(source.published);
    if (published) out.push({ source, published });
  }
  return out;
}

/** How a source is named in messages: its id, with its publisher when known. */
export const sourceName = (s: SourceRef) => (s.publisher ? `${s.id} (${s.publisher})` : s.id);

/** The claim's words in quotes, for messages: ` ("In mid-March")`, or nothing. */
export const quoted = (c: DateClaim) => (typeof c.as_reported === 'string' && c.as_reported.trim() ? ` ("${c.as_reported.trim()}")` : '');
