import { defineRule } from '../rule';
import { WEEKDAYS, partialDate } from '../../model/event';
import { MONTH_NAMES, formatDays, weekdayCandidates, weekdayNumber, weekdaysIn } from '../../read/date-words';
import { claimViews, eventOf } from './shared';

export default defineRule({
  meta: {
    id: 'dates/weekday',
    description:
      'A weekday in a date\'s `as_reported` ("on Wednesday", "يوم الأربعاء") must fall on that weekday: the date itself for a day, else a day of the week up to the source\'s publication within the claim.',
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      wrongDay: '"{words}" ({source}) names a {weekday}, but {date} is a {actual}: correct the date or the words.',
      notRecent:
        '"{words}" ({source}) in a report published on {published} means {candidates}, not {date}: a bare weekday names a day of the week up to the publication. Correct the date.',
      wrongYearDay:
        '"{words}" ({source}) names a {weekday}, but {date} is a {actual} in {years}, the year{plural} the other claims of this event give. Correct the words or the date.',
      outside:
        '"{words}" ({source}) in a report published on {published} ({publishedWeekday}) means {candidates}, which is outside the claim\'s dates ({claim}). Correct the claim\'s dates or its words.',
    },
  },
  check(ctx) {
    const event = eventOf(ctx);
    if (!event) return;
    const views = claimViews(event);
    // The years the event's placed claims fall in: what a day and month without a year can mean.
    const years = new Set<number>();
    for (const v of views) {
      const { start, end } = v.days;
      if (start && end && Number(end.slice(0, 4)) - Number(start.slice(0, 4)) <= 1) for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) years.add(y);
    }
    for (const v of views) {
      // "mercredi 13 août" without a year, in an undated article: the weekday and the day check each
      // other once the other claims give the year.
      const r = v.reading;
      if (r?.weekday && r.day !== undefined && r.month !== undefined && r.year === undefined && !v.words?.ok && years.size && typeof v.claim.as_reported === 'string') {
        const fits = [...years].filter((y) => weekdayNumber(`${y}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`) === r.weekday!.weekday);
        if (fits.length === 0) {
          const ys = [...years].sort();
          const date = `${r.day} ${MONTH_NAMES[r.month - 1]}`;
          const actual = WEEKDAYS[weekdayNumber(`${ys[0]}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`)];
          ctx.report({
            messageId: 'wrongYearDay',
            pointer: `${v.claim.pointer}/as_reported`,
            data: { words: v.claim.as_reported, source: v.claim.source ?? 'no source', weekday: WEEKDAYS[r.weekday.weekday], date, actual, years: ys.join(' and '), plural: ys.length > 1 ? 's' : '' },
          });
        }
        continue;
      }
    }
    for (const v of views) {
      const words = v.claim.as_reported;
      if (typeof words !== 'string') continue;
      const mentions = weekdaysIn(words, v.source?.language);
      // Several different weekdays ("between Monday and Wednesday") are a period: not checked here.
      if (mentions.length === 0 || new Set(mentions.map((m) => m.weekday)).size > 1) continue;
      const mention = { weekday: mentions[0].weekday, last: mentions.some((m) => m.last) };
      const weekday = WEEKDAYS[mention.weekday];
      const pointer = `${v.claim.pointer}/as_reported`;
      const on = partialDate(v.claim.on);
      const dayClaim = on?.precision === 'day' && (v.claim.precision === undefined || v.claim.precision === 'day');
      // A date written in the words ("Wednesday, March 12") is what the weekday is about.
      const explicit = v.reading?.day !== undefined;

      if (dayClaim) {
        const actual = WEEKDAYS[weekdayNumber(on.start)];
        if (actual !== weekday) {
          ctx.report({ messageId: 'wrongDay', pointer, data: { words, source: v.claim.source ?? 'no source', weekday, date: on.start, actual } });
          continue;
        }
        if (explicit || !v.reference) continue;
        const candidates = weekdayCandidates(mention, v.reference);
        if (!candidates.includes(on.start))
          ctx.report({
            messageId: 'notRecent',
            pointer,
            data: { words, source: v.claim.source ?? 'no source', weekday, date: on.start, published: v.reference, candidates: candidates.join(' or ') },
          });
        continue;
      }

      // Not a day: the weekday must be one of the days it can mean, given the publication date.
      // Without a full publication date this cannot be checked (sources/missing-published reports that).
      if (explicit) {
        if (v.words?.ok && WEEKDAYS[weekdayNumber(v.words.start)] !== weekday)
          ctx.report({ messageId: 'wrongDay', pointer, data: { words, source: v.claim.source ?? 'no source', weekday, date: v.words.start, actual: WEEKDAYS[weekdayNumber(v.words.start)] } });
        continue;
      }
      if (!v.reference || !v.claim.interval) continue;
      const { start, end } = v.claim.interval;
      const candidates = weekdayCandidates(mention, v.reference);
      if (candidates.some((d) => (!start || start <= d) && (!end || d <= end))) continue;
      ctx.report({
        messageId: 'outside',
        pointer,
        data: {
          words,
          source: v.claim.source ?? 'no source',
          weekday,
          published: v.reference,
          publishedWeekday: WEEKDAYS[weekdayNumber(v.reference)],
          candidates: candidates.join(' or '),
          claim: formatDays(start, end),
        },
      });
    }
  },
});
