import { defineRule, type Report, type RuleContext } from '../rule';
import { dayNumber, fromDayNumber } from '../../model/event';
import { formatDays, weekdaysIn } from '../../read/date-words';
import { LIST_AT_MOST, formatNumber, joinAtMost, listNames } from '../../base/format';
import { type Claim, type Interval, type Side, gap, sidesOf } from '../sides';
import { accountOf } from '../figures/sides';
import { sourcesOf } from '../../model/event';
import { type ClaimView, claimViews, eventOf, isObj, quoted } from './shared';

/**
 * Whether a `conflicts` entry on `date` settles a disagreement between sources: one that lists no
 * values settles every date disagreement; one that lists values settles those whose sources it names.
 * `settles(ids, common)` asks about `ids` and `common` together; what it finds for `common` (the side
 * every outlier is compared with) is kept, so that asking for each of many sides costs each side only.
 */
function settlement(event: Record<string, unknown>): (ids: readonly string[], common?: readonly string[]) => boolean {
  const entries: (Set<unknown> | 'all')[] = [];
  if (Array.isArray(event.conflicts))
    for (const c of event.conflicts) {
      if (!isObj(c) || typeof c.field !== 'string' || !/^date(?:\[\d+\])?$/.test(c.field.trim())) continue;
      entries.push(!Array.isArray(c.values) || c.values.length === 0 ? 'all' : new Set(c.values.map((v) => (isObj(v) ? v.source : undefined)).filter((x) => typeof x === 'string')));
    }
  const names = (e: Set<unknown> | 'all', ids: readonly string[]) => e === 'all' || ids.every((s) => e.has(s) || s.startsWith('#'));
  const forCommon = new Map<readonly string[], (Set<unknown> | 'all')[]>();
  return (ids, common = []) => {
    if (entries.length === 0) return false;
    let left = forCommon.get(common);
    if (!left) forCommon.set(common, (left = entries.filter((e) => names(e, common))));
    return left.some((e) => names(e, ids));
  };
}

/** An event is announced within about a year of happening: the window an announcement gives an undated event. */
const ANNOUNCED_WITHIN_DAYS = 366;
/** Two reports of one announcement a day apart (time zones, next-day print) agree. */
const ANNOUNCEMENT_SLACK_DAYS = 1;
/** Event dates that differ by no more than this many days are a small discrepancy: a warning, not an error. */
const SMALL_GAP_DAYS = 2;

const span = (v: ClaimView, slack: number): Interval | undefined => {
  const { start, end } = v.days;
  if (!start && !end) return undefined;
  return {
    lo: start ? dayNumber(start) - slack - v.slackDays : -Infinity,
    hi: end ? dayNumber(end) + slack + v.slackDays : Infinity,
  };
};

const describe = (v: ClaimView) => `${formatDays(v.days.start, v.days.end)}${quoted(v.claim)}`;
const who = (v: ClaimView) => v.claim.source ?? `the claim at ${v.claim.pointer}`;
const list = (ids: readonly string[]) => listNames(ids, LIST_AT_MOST, 'other sources');

function describeSide(side: Side<ClaimView>): string {
  const texts = new Set<string>();
  for (const m of side.members) {
    texts.add(describe(m.item));
    if (texts.size > 3) break;
  }
  const shown = [...texts];
  return shown.length > 3 ? `${shown.slice(0, 3).join(' / ')} / …` : shown.join(' / ');
}

/** Places of one side shown with a finding (a finding points at a few, not thousands). */
const RELATED_PER_SIDE = 10;

/** Sides besides the largest that words which cannot be placed are tried against, at most. */
const OTHER_SIDES_AT_MOST = 64;

function related(sides: readonly Side<ClaimView>[]): NonNullable<Report['related']> {
  return sides.flatMap((s) => s.members.slice(0, RELATED_PER_SIDE).map((m) => ({ message: `${who(m.item)}: ${describe(m.item)}`, pointer: m.item.valuePointer })));
}

/** The days of a side's common ground, as words. */
const commonDays = (i: Interval) => formatDays(Number.isFinite(i.lo) ? fromDayNumber(i.lo) : undefined, Number.isFinite(i.hi) ? fromDayNumber(i.hi) : undefined);

export default defineRule({
  meta: {
    id: 'dates/source-conflict',
    description:
      "The sources date the same thing (the event, or its announcement) with periods that cannot all be true, and no `conflicts` entry on `date` settles it. Sources that agree form one side; the finding sits on the outlier. Words that cannot be placed on their own (\"on Wednesday\" in an undated article, \"In May\" without a year) are checked against the days the other sources give.",
    defaultSeverity: 'error',
    reportsAbsence: true,
    appliesTo: ['event'],
    messages: {
      outlier:
        '{who} dates the {what} {theirs}, but {others} {otherVerb} it {ours}: {apart}. Correct the claim if it was misread (an announcement given as the {what}?), or settle the disagreement under conflicts (field: date).',
      split:
        'The sources date the {what} differently and no side is clearly the outlier: {sides}. Correct a claim if it was misread, or settle the disagreement under conflicts (field: date).',
      weekdays:
        'The sources name different weekdays for the {what}: {sides}. One {what} has one day: correct the claim that was misread (an announcement given as the {what}?), or settle the disagreement under conflicts (field: date).',
      unplaced:
        '{who} says "{words}", but no day the other sources give for the {what} ({ours}, from {others}) is such a day{nearest}. Correct the claim if it was misread, or settle the disagreement under conflicts (field: date).',
    },
  },
  check(ctx) {
    const event = eventOf(ctx);
    if (!event) return;
    const views = claimViews(event);
    const sources = sourcesOf(event);
    const settles = settlement(event);
    for (const what of ['event', 'announcement'] as const) {
      const mine = views.filter((v) => (v.claim.refers_to === 'announcement') === (what === 'announcement'));
      const slack = what === 'announcement' ? ANNOUNCEMENT_SLACK_DAYS : 0;
      const claims: Claim<ClaimView>[] = [];
      mine.forEach((v, order) => {
        const s = span(v, slack);
        if (s) claims.push({ item: v, span: s, source: v.claim.source ?? `#${order}`, account: accountOf(v.claim.source, sources), order, weight: v.claim.where && v.claim.where !== 'body' ? 0 : 1 });
      });
      const sides = sidesOf(claims);
      reportSides(ctx, what, sides, settles);

      // Words that could not be placed, against the days the others agree on (for an event without
      // dates of its own, the year up to its announcement).
      let ground: { days: Interval; from: string[]; members: ClaimView[] } | undefined;
      if (sides.length && sides[0].accounts > 0) ground = { days: sides[0].common, from: sides[0].sources, members: sides[0].members.map((m) => m.item) };
      else if (what === 'event') {
        const ann = sidesOf(
          views
            .filter((v) => v.claim.refers_to === 'announcement')
            .map((v, order) => ({ v, s: span(v, ANNOUNCEMENT_SLACK_DAYS), order }))
            .filter((x): x is { v: ClaimView; s: Interval; order: number } => !!x.s)
            .map(({ v, s, order }) => ({ item: v, span: s, source: v.claim.source ?? `#${order}`, account: accountOf(v.claim.source, sources), order })),
        )[0];
        if (ann && Number.isFinite(ann.common.hi))
          ground = { days: { lo: ann.common.hi - ANNOUNCED_WITHIN_DAYS, hi: ann.common.hi }, from: ann.sources, members: ann.members.map((m) => m.item) };
      }
      if (!ground || !Number.isFinite(ground.days.lo) || !Number.isFinite(ground.days.hi) || ground.days.hi - ground.days.lo > 3700) {
        unplacedWeekdays(ctx, what, mine, (ids) => settles(ids));
        continue;
      }
      const fitsDays = (v: ClaimView, days: Interval) => {
        if (!Number.isFinite(days.lo) || !Number.isFinite(days.hi) || days.hi - days.lo > 3700) return true;
        for (let n = days.lo; n <= days.hi; n++) if (v.fits!(fromDayNumber(n))) return true;
        return false;
      };
      const groundSources = new Set(ground.from);
      // The other sides words may belong to (the largest few: past them, a claim is only reported once more).
      const otherSides = sides.slice(1, 1 + OTHER_SIDES_AT_MOST);
      for (const v of mine) {
        if (!v.fits || (v.claim.source && groundSources.has(v.claim.source))) continue;
        // Words that fit the days of another side already belong to that disagreement: one finding.
        if (fitsDays(v, ground.days) || otherSides.some((side) => fitsDays(v, side.common))) continue;
        if (settles([v.claim.source ?? '#'], ground.from)) continue;
        // The nearest day the words can mean, within two months of the others' days.
        let nearest: { day: number; apart: number } | undefined;
        for (let d = 1; d <= 62 && !nearest; d++) {
          if (v.fits(fromDayNumber(ground.days.lo - d))) nearest = { day: ground.days.lo - d, apart: d };
          else if (v.fits(fromDayNumber(ground.days.hi + d))) nearest = { day: ground.days.hi + d, apart: d };
        }
        ctx.report({
          messageId: 'unplaced',
          pointer: v.valuePointer,
          // A weekday or a day a day or two off is an announcement told as the event: a warning.
          severity: what === 'event' && nearest && nearest.apart <= SMALL_GAP_DAYS && (v.reading?.weekday || v.reading?.day !== undefined) ? 'warning' : 'error',
          data: {
            who: who(v),
            words: v.claim.as_reported,
            what,
            ours: commonDays(ground.days),
            others: list(ground.from),
            nearest: nearest ? `; the nearest is ${formatDays(fromDayNumber(nearest.day), fromDayNumber(nearest.day))}, ${nearest.apart} day${nearest.apart === 1 ? '' : 's'} ${nearest.day < ground.days.lo ? 'before' : 'after'}` : '',
          },
          related: [
            { message: `${who(v)}: "${v.claim.as_reported}"`, pointer: v.valuePointer },
            ...ground.members.slice(0, RELATED_PER_SIDE).map((m) => ({ message: `${who(m)}: ${describe(m)}`, pointer: m.valuePointer })),
          ],
        });
      }
    }
  },
});

/**
 * Claims of words alone that no source can place, compared with each other: one seizure happened on
 * one day, so "Friday", "Saturday" and "Sunday" for it cannot all be true, whatever the week. Words
 * naming several weekdays (a night, a span) are left alone.
 */
function unplacedWeekdays(ctx: RuleContext, what: 'event' | 'announcement', views: readonly ClaimView[], isSettled: (ids: readonly string[]) => boolean): void {
  const named = views.filter((v) => v.fits && v.reading?.weekday && v.reading.day === undefined && v.reading.days === undefined && !v.claim.interval);
  const byDay = new Map<number, ClaimView[]>();
  for (const v of named) {
    const words = typeof v.claim.as_reported === 'string' ? v.claim.as_reported : '';
    // Two weekdays in the words ("the night of Friday to Saturday"): a span, not a day.
    if (new Set(weekdaysIn(words, v.source?.language).map((m) => m.weekday)).size > 1) continue;
    const d = v.reading!.weekday!.weekday;
    const day = byDay.get(d);
    if (day) day.push(v);
    else byDay.set(d, [v]);
  }
  if (byDay.size < 2) return;
  const groups = [...byDay.entries()].sort((a, b) => b[1].length - a[1].length);
  const sources = groups.flatMap(([, vs]) => vs.map((v) => v.claim.source ?? '#'));
  if (isSettled(sources)) return;
  const first = groups[1][1][0];
  ctx.report({
    messageId: 'weekdays',
    pointer: first.valuePointer,
    data: {
      what,
      sides: groups.map(([d, vs]) => `${WEEKDAY_NAMES[d]} (${list(vs.map((v) => `${who(v)}: "${v.claim.as_reported}"`))})`).join(' against '),
    },
    related: groups.flatMap(([d, vs]) => vs.slice(0, RELATED_PER_SIDE).map((v) => ({ message: `${who(v)}: ${WEEKDAY_NAMES[d]} ("${v.claim.as_reported}")`, pointer: v.valuePointer }))),
  });
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function reportSides(ctx: RuleContext, what: 'event' | 'announcement', sides: readonly Side<ClaimView>[], isSettled: (ids: readonly string[], common?: readonly string[]) => boolean): void {
  if (sides.length < 2) return;
  const [major, ...others] = sides;
  for (const side of others) {
    if (isSettled(side.sources, major.sources)) continue;
    if (side.accounts >= major.accounts) {
      if (isSettled(sides.flatMap((s) => s.sources))) return;
      ctx.report({
        messageId: 'split',
        pointer: side.members[0].item.valuePointer,
        data: { what, sides: joinAtMost(sides.map((s) => `${describeSide(s)} (${list(s.sources)})`), ' against ', LIST_AT_MOST, (n) => `${formatNumber(n)} other sides`) },
        related: related(sides),
      });
      return;
    }
    const apart = gap(side.common, major.common);
    ctx.report({
      messageId: 'outlier',
      pointer: side.members[0].item.valuePointer,
      severity: what === 'event' && apart <= SMALL_GAP_DAYS ? 'warning' : 'error',
      data: {
        who: list(side.sources),
        what,
        theirs: describeSide(side),
        others: list(major.sources),
        otherVerb: major.sources.length === 1 ? 'dates' : 'date',
        ours: commonDays(major.common),
        apart: Number.isFinite(apart) ? `${apart} day${apart === 1 ? '' : 's'} apart` : 'the periods do not meet',
      },
      related: related([side, major]),
    });
  }
}
