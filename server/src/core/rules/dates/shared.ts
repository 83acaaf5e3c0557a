/** What the dates/* rules share: an event's date claims with their words read, its sources' publication days. */
import type { RuleContext } from '../rule';
import { type DateClaim, type DayInterval, type SourceRef, dateClaimsOf, dayNumber, partialDate, sourcesOf } from '../../model/event';
import { type DateReading, type Resolved, fullDay, readDateWords, resolveReading } from '../../read/date-words';
import { deepFreeze } from '../../base/memo';

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

function makeClaimViews(event: unknown): ClaimView[] {
  const sources = sourcesOf(event);
  return dateClaimsOf(event).map((claim) => {
    const valuePointer = `${claim.pointer}/${claim.on !== undefined ? 'on' : claim.from !== undefined ? 'from' : 'to'}`;
    const source = claim.source !== undefined ? sources.find((s) => s.id === claim.source) : sources.length === 1 ? sources[0] : undefined;
    const reference = fullDay(source?.published);
    const reading = readDateWords(claim.as_reported);
    const words = reading ? resolveReading(reading, { year: claimYear(claim), reference }) : undefined;
    let days = { start: claim.interval?.start, end: claim.interval?.end };
    let narrowed = false;
    // Weekday words are left to dates/weekday: they often name the announcement's day, not the event's.
    if (words?.ok && !(reading?.weekday && reading.month === undefined)) {
      const start = days.start && days.start > words.start ? days.start : words.start;
      const end = days.end && days.end < words.end ? days.end : words.end;
      if (start <= end && (start !== days.start || end !== days.end)) {
        days = { start, end };
        narrowed = true;
      }
    }
    return { claim, valuePointer, source, reference, reading, words, days, narrowed };
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
