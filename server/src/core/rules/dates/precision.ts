import { defineRule } from '../rule';
import type { Fix } from '../../base/types';
import { partialDate } from '../../model/event';
import { rangeForPointer } from '../../yaml/place';
import { WORDS_LEVEL_RANK, type WordsLevel, formatDays } from '../../read/date-words';
import { claimViews, eventOf } from './shared';

/** Where each claim precision sits on the words' scale (quarter between month and part of a year). */
const PRECISION_RANK: Readonly<Record<string, number>> = { day: 0, week: 1, month: 3, quarter: 3.5, year: 5 };

/** How much of a date `on` must give for each precision. */
const DIGITS_FOR: Readonly<Record<string, 'day' | 'month' | 'year'>> = { day: 'day', week: 'day', month: 'month', quarter: 'month', year: 'year' };
const DIGITS_RANK = { day: 0, month: 1, year: 2 } as const;

const LEVEL_TEXT: Readonly<Record<WordsLevel, string>> = {
  day: 'a day',
  week: 'a week',
  'part-month': 'about ten days',
  month: 'a month',
  'part-year': 'a few months',
  year: 'a year',
};

const GIVES: Readonly<Record<'day' | 'month' | 'year', string>> = { day: 'a day', month: 'a month', year: 'only a year' };

/** A partial date as YAML text (a bare year must be quoted or YAML reads a number). */
const yamlDate = (s: string) => (/^\d{4}$/.test(s) ? `"${s}"` : s);

export default defineRule({
  meta: {
    id: 'dates/precision',
    description:
      "A date claim's precision is finer than its `as_reported` words support (\"mid-March\" is not a day), or its `on` date gives more or less than its precision says.",
    defaultSeverity: 'warning',
    appliesTo: ['event'],
    fixable: 'unsafe',
    messages: {
      tooFine: 'precision: {precision} is finer than "{words}" supports: {label} is {meaning}. Widen the precision to what the words say.',
      rangeTooNarrow: 'The range {claim} is narrower than "{words}" supports: {label} is {meaning}. Widen the range to what the words say.',
      moreDigits: 'on: {on} gives {gives}, but precision: {precision} says less is known; shorten the date or correct the precision.',
      fewerDigits: 'on: {on} gives {gives}, but precision: {precision} says more is known; correct the precision or complete the date.',
    },
  },
  check(ctx) {
    const event = eventOf(ctx);
    if (!event) return;
    const range = (pointer: string) => rangeForPointer(ctx.file, ctx.document, pointer, 'value');
    const edit = (pointer: string, newText: string) => {
      const [start, end] = range(pointer);
      return { start, end, newText };
    };

    for (const v of claimViews(event)) {
      const { claim } = v;
      const precision = claim.precision;
      if (precision === undefined) continue;
      const p = claim.pointer;

      // 1. The date value against the precision.
      const on = partialDate(claim.on);
      const wanted = DIGITS_FOR[precision];
      if (on && wanted && on.precision !== wanted) {
        const more = DIGITS_RANK[on.precision] < DIGITS_RANK[wanted];
        const fixes: Fix[] = [];
        if (more) {
          const shortened = wanted === 'year' ? claim.on!.slice(0, 4) : claim.on!.slice(0, 7);
          fixes.push({ title: `Shorten the date to ${shortened}`, safety: 'unsafe', edits: [edit(`${p}/on`, yamlDate(shortened))] });
        }
        fixes.push({ title: `Set precision to ${on.precision}`, safety: 'unsafe', edits: [edit(`${p}/precision`, on.precision)] });
        ctx.report({
          messageId: more ? 'moreDigits' : 'fewerDigits',
          pointer: `${p}/on`,
          data: { on: claim.on, precision, gives: GIVES[on.precision] },
          fixes,
        });
        continue;
      }

      // 2. The precision against the words.
      const reading = v.reading;
      if (!reading || typeof claim.as_reported !== 'string') continue;
      const words = claim.as_reported;
      const resolved = v.words?.ok ? v.words : undefined;
      // What the words mean, for a message (most claims get none).
      const meaning = () =>
        resolved
          ? `${formatDays(resolved.start, resolved.end)}, ${LEVEL_TEXT[reading.level]}`
          : `${LEVEL_TEXT[reading.level]}${v.words && !v.words.ok && v.words.needs === 'reference' ? ' (placing it needs the source\'s publication date)' : ''}`;
      const unresolved = v.words && !v.words.ok ? { unresolved: v.words.needs === 'reference' ? 'relative words need the source\'s publication date' : 'the words give no year' } : {};

      if (precision === 'range') {
        // Only a closed range can be narrower than the words; weekdays are dates/weekday's concern.
        const from = partialDate(claim.from);
        const to = partialDate(claim.to);
        if (!from || !to || !resolved || reading.weekday) continue;
        if (from.start <= resolved.start && resolved.end <= to.end) continue;
        if (resolved.start > to.end || resolved.end < from.start) continue; // disagreement, not precision
        ctx.report({
          messageId: 'rangeTooNarrow',
          pointer: `${p}/from`,
          data: { claim: formatDays(from.start, to.end), words, label: reading.label, meaning: meaning() },
          fixes: [
            {
              title: `Widen the range to ${formatDays(resolved.start, resolved.end)}`,
              safety: 'unsafe',
              edits: [edit(`${p}/to`, resolved.end), edit(`${p}/from`, resolved.start)],
            },
          ],
        });
        continue;
      }

      const rank = PRECISION_RANK[precision];
      if (rank === undefined || rank >= WORDS_LEVEL_RANK[reading.level]) continue;
      const fixes: Fix[] = [];
      if (claim.on !== undefined && resolved) {
        // Widen to the month (for parts of a month too: the simplest date that holds the words) or the year.
        const target =
          reading.level === 'month' || reading.level === 'part-month'
            ? { on: resolved.start.slice(0, 7), precision: 'month' }
            : reading.level === 'year' || reading.level === 'part-year'
              ? { on: resolved.start.slice(0, 4), precision: 'year' }
              : undefined;
        if (target && resolved.start.slice(0, target.on.length) === resolved.end.slice(0, target.on.length))
          fixes.push({
            title: `Widen the date to ${target.on} (precision ${target.precision})`,
            safety: 'unsafe',
            edits: [edit(`${p}/precision`, target.precision), edit(`${p}/on`, yamlDate(target.on))].sort((a, b) => b.start - a.start),
          });
      }
      ctx.report({
        messageId: 'tooFine',
        pointer: `${p}/precision`,
        data: { precision, words, label: reading.label, meaning: meaning(), level: reading.level, ...unresolved },
        fixes,
      });
    }
  },
});
