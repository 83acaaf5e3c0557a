import { defineRule } from '../rule';
import { type Figure, type SourceRef, findSource, slotsOf, sourcesOf } from '../../model/event';
import { formatNumber } from '../../base/format';
import { type NumberReading, describeReading, readNumbers, readingMatches } from '../../read/numbers';
import { describeFigure } from './shared';

/** Text compared loosely: case, spacing, markup, curly quotes and apostrophes do not matter. */
function loose(s: string): string {
  return stripMarkup(s)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** HTML tags and entities in a quote copied from a page's source ("<a href=…>1.8 million</a>") read as the text they mark up. */
function stripMarkup(s: string): string {
  if (!s.includes('<') && !s.includes('&')) return s;
  return s
    .replace(/<[^<>]{0,500}>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

/** The words of a web address's path, as a reader sees them: "…/14-tonnes-of-heroin-seized.html" → "14 tonnes of heroin seized". */
export function urlWords(url: string): string {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape: read the path as it is
  }
  return decoded
    .replace(/\.(?:html?|php|aspx?)$/i, '')
    .replace(/[/_+-]+/g, ' ')
    .trim();
}

/**
 * Two groups of digits joined by one hyphen before a word, in an address ("1-4-milyon", "3-5-tonnes"),
 * or before the letter of a scale glued to them ("aed4-5m-worth", "dh4-5bn"), not inside a longer run
 * of them (a date, "2021-06-26").
 */
const SLUG_SEPARATOR = /(?<!\d)(?<!\d-)(\d+)-(\d{1,3})(?=-[^\d-]|(?:m|mn|bn|k)(?:[-/.]|$))/gi;

/**
 * The address as a reader may take its words: a slug writes every separator as a hyphen, so two digit
 * groups joined by one ("1-4-milyon", a decimal comma lost: 1.4 million) are read as words apart, and
 * also with a decimal point and with a decimal comma between them, each then read by the source's
 * language ("1-400-kilos" is 1,400 or 1.4). Nothing in the address tells which: all are kept.
 */
export function urlTexts(url: string): string[] {
  const out = [urlWords(url), url];
  if (!url.match(SLUG_SEPARATOR)) return out;
  for (const sep of ['.', ',']) out.push(urlWords(url.replace(SLUG_SEPARATOR, `$1${sep}$2`)));
  return out;
}

/** What a figure's source says, where the figure says it comes from: its quotes, its headline, or its address. */
function textsFor(source: SourceRef, where: string | undefined): string[] {
  const quotes = source.quotes.map(stripMarkup);
  if (where === 'headline' && typeof source.title === 'string') return [...quotes, source.title];
  if (where === 'url' && typeof source.url === 'string') return [...quotes, ...urlTexts(source.url)];
  return quotes;
}

/** The numbers of the readings for a message: "1,350,000, 215 kg, 2 or 1.6 kg" (one entry per place in the text). */
function listReadings(readings: readonly NumberReading[], limit = 10): string[] {
  const bySpan = new Map<string, string[]>();
  for (const r of readings) {
    const key = `${r.start}:${r.end}:${r.text}`;
    const text = describeReading(r, (n) => formatNumber(n, 6));
    const list = bySpan.get(key) ?? [];
    if (!list.includes(text)) list.push(text);
    bySpan.set(key, list);
  }
  const out: string[] = [];
  for (const list of bySpan.values()) {
    const t = list.join(' or ');
    if (!out.includes(t)) out.push(t);
  }
  return out.length > limit ? [...out.slice(0, limit), '…'] : out;
}

/** Numbers (2 to 4 of them, in text order) that add up to the value: "two … and one" for 3. */
function sumOf(readings: readonly NumberReading[], value: number, unit: string | undefined): NumberReading[] | undefined {
  const cands: NumberReading[] = [];
  for (const r of readings) {
    if (cands.some((c) => c.start === r.start && c.end === r.end)) continue;
    if (!readingMatches(r, r.value, unit) || r.value <= 0 || r.value >= value) continue;
    cands.push(r);
    if (cands.length >= 12) break;
  }
  const pick: NumberReading[] = [];
  const search = (from: number, left: number): boolean => {
    if (pick.length >= 2 && Math.abs(left) <= 1e-9 * value) return true;
    if (pick.length >= 4) return false;
    for (let i = from; i < cands.length; i++) {
      if (cands[i].value > left + 1e-9 * value) continue;
      pick.push(cands[i]);
      if (search(i + 1, left - cands[i].value)) return true;
      pick.pop();
    }
    return false;
  };
  return search(0, value) ? [...pick] : undefined;
}

/** The texts of a source a figure may be found in, each read for numbers when first needed. */
class QuoteTexts {
  private readonly read: (readonly NumberReading[] | undefined)[] = [];
  private loose: string[] | undefined;

  constructor(
    readonly texts: readonly string[],
    readonly language: string | undefined,
  ) {}

  private readingsOf(i: number): readonly NumberReading[] {
    return (this.read[i] ??= readNumbers(this.texts[i], this.language));
  }

  /** Whether a reading of the texts, in text order, passes `test` (the texts after the first that does are not read). */
  some(test: (r: NumberReading) => boolean): boolean {
    for (let i = 0; i < this.texts.length; i++) if (this.readingsOf(i).some(test)) return true;
    return false;
  }

  /** Every reading of every text, in order. */
  all(): readonly NumberReading[] {
    return this.texts.flatMap((_, i) => this.readingsOf(i));
  }

  /** The texts compared loosely (see `loose`). */
  looseTexts(): string[] {
    return (this.loose ??= this.texts.map(loose));
  }
}

/** A figure's `as_reported` words and their numbers, when a quote holds the words (else no words and no numbers). */
function reportedWords(f: Figure, quotes: QuoteTexts, language: string | undefined): { asReported?: string; readings: readonly NumberReading[] } {
  if (typeof f.as_reported !== 'string') return { readings: [] };
  const words = loose(f.as_reported);
  if (!quotes.looseTexts().some((q) => q.includes(words))) return { readings: [] };
  return { asReported: f.as_reported, readings: readNumbers(f.as_reported, language) };
}

export default defineRule({
  meta: {
    id: 'figures/quote-support',
    description:
      'Each figure’s number appears in the quotes of the source it cites, read as a reader would ("1.35 million", "400 000", "two", "1.1 tonnes" = 1,100 kg, Arabic-Indic digits and number words, decimal commas).',
    defaultSeverity: 'warning',
    reportsAbsence: true,
    appliesTo: ['event'],
    messages: {
      missing:
        '{figure} is not in the quotes of source "{source}"; the numbers they contain are {found}. Check the figure against the source, or quote the sentence that gives it.',
      noNumbers: '{figure} is not in the quotes of source "{source}", which contain no number. Quote the sentence that gives it.',
      sum: '{figure} is not in the quotes of source "{source}", which give {parts}: a sum of reported numbers is not a reported figure; record what the source says, or quote the sentence with the total.',
    },
  },
  check(ctx) {
    const event = ctx.document.value;
    const sources = sourcesOf(event);
    // What each source's quotes say, read once for all the figures that cite the source, and only as
    // far as needed: a figure found in the first quote needs no reading of the others (a report lists them all).
    const quotesOf = new Map<string, QuoteTexts>();
    for (const slot of slotsOf(event)) {
      for (const f of slot.figures) {
        // A bare number may only appear in an event with one source: it is that source's.
        const sourceId = f.source ?? (sources.length === 1 ? sources[0].id : undefined);
        const source = findSource(sources, sourceId);
        if (!source || source.quotes.length === 0) continue; // unknown source or no quotes: other rules say so
        const key = `${source.id}\u0000${f.where === 'headline' || f.where === 'url' ? f.where : ''}`;
        let quotes = quotesOf.get(key);
        if (!quotes) quotesOf.set(key, (quotes = new QuoteTexts(textsFor(source, f.where), source.language)));
        const checks: { value: number; pointer: string; figure: Figure }[] = [];
        if (f.qualifier === 'range') {
          if (f.min !== undefined) checks.push({ value: f.min, pointer: `${f.pointer}/min`, figure: { ...f, qualifier: 'exact', value: f.min } });
          if (f.max !== undefined) checks.push({ value: f.max, pointer: `${f.pointer}/max`, figure: { ...f, qualifier: 'exact', value: f.max } });
        } else if (f.value !== undefined) {
          checks.push({ value: f.value, pointer: f.shorthand ? f.pointer : `${f.pointer}/value`, figure: f });
        }
        // The figure's own words, when a quote holds them verbatim: read only for a number no quote states.
        let reported: { asReported?: string; readings: readonly NumberReading[] } | undefined;
        for (const c of checks) {
          const unit = f.unit;
          if (quotes.some((r) => readingMatches(r, c.value, unit))) continue;
          reported ??= reportedWords(f, quotes, source.language);
          const { asReported, readings: reportedReadings } = reported;
          if (reportedReadings.some((r) => readingMatches(r, c.value, unit))) continue;
          // The source's own words, verbatim in a quote and holding no number ("the arrest of a
          // suspect"), support the maintainer's reading of them; words with other numbers do not.
          if (asReported && reportedReadings.length === 0) continue;
          const quoteReadings = quotes.all();
          const figure =
            slot.field === 'arrests' && (!unit || unit === 'persons')
              ? `${formatNumber(c.value)} ${c.value === 1 ? 'arrest' : 'arrests'}`
              : describeFigure(c.figure, false);
          const data: Record<string, unknown> = { figure, value: c.value, unit: unit ?? null, source: source.id };
          const parts = sumOf(reportedReadings, c.value, unit) ?? sumOf(quoteReadings, c.value, unit);
          if (parts) {
            const nums = parts.map((p) => formatNumber(p.value, 6));
            data.parts = `${nums.slice(0, -1).join(', ')} and ${nums[nums.length - 1]} ("${parts.map((p) => p.text).join('", "')}")`;
            data.found = listReadings(quoteReadings).join(', ');
            ctx.report({ messageId: 'sum', pointer: c.pointer, data });
          } else if (quoteReadings.length === 0) {
            ctx.report({ messageId: 'noNumbers', pointer: c.pointer, data });
          } else {
            data.found = listReadings(quoteReadings).join(', ');
            ctx.report({ messageId: 'missing', pointer: c.pointer, data });
          }
        }
      }
    }
  },
});
