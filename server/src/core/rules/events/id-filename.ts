import { defineRule } from '../rule';
import { dayNumber, fromDayNumber, partialDate } from '../../model/event';
import { claimViews } from '../dates/shared';
import { rangeForPointer } from '../../yaml/place';
import type { ParsedFile } from '../../yaml/parse';

const ID = /^(\d{4}(?:-\d{2}){0,2}|undated)-([a-z]{2})-/;
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Event documents (mappings) in a file, counted once per parse (not once per document). */
const eventCounts = new WeakMap<ParsedFile, number>();
function eventCount(file: ParsedFile): number {
  let n = eventCounts.get(file);
  if (n === undefined) {
    n = 0;
    for (const d of file.docs) if (isObj(d.value)) n++;
    eventCounts.set(file, n);
  }
  return n;
}

export default defineRule({
  meta: {
    id: 'events/id-filename',
    description: "An event's id agrees with its file name, and the id's date and country with the event's dates and location.",
    defaultSeverity: 'warning',
    appliesTo: ['event'],
    fixable: 'unsafe',
    messages: {
      fileName: 'Id "{id}" differs from the file name "{fileName}"; a one-event file is named <id>.yaml.',
      date: 'The id starts with the date {idDate}, but the event is dated {dates}: correct the id (and the file name), or the date.',
      country: 'The id names the country "{idCountry}", but the event is located in {countries}: correct the id (and the file name), or the location.',
    },
  },
  check(ctx) {
    const v = ctx.document.value;
    if (!isObj(v) || typeof v.id !== 'string' || v.id === '') return;
    const id = v.id;

    // File name: only a file holding one event is named after it.
    if (ctx.path) {
      const m = /([^/]+)\.ya?ml$/i.exec(ctx.path);
      if (m && eventCount(ctx.file) === 1 && m[1] !== id) {
        const fileName = m[0];
        const [start, end] = rangeForPointer(ctx.file, ctx.document, '/id', 'value');
        const raw = ctx.file.text.slice(start, end);
        const canRewrite = /^(?:\d{4}(-\d{2}){0,2}|undated)-[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$/.test(m[1]) && raw === id;
        ctx.report({
          messageId: 'fileName',
          data: { id, fileName },
          pointer: '/id',
          fixes: canRewrite ? [{ title: `Change the id to "${m[1]}"`, safety: 'unsafe', edits: [{ start, end, newText: m[1] }] }] : undefined,
        });
      }
    }

    const parts = ID.exec(id);
    if (!parts) return; // the schema's pattern reports malformed ids

    // Date: the id's date must overlap one of the event's date claims (as their words read, roughly
    // dated words widened) or its announcement. An `undated` id makes no claim.
    const idDate = partialDate(parts[1]);
    if (idDate) {
      const spans: { start?: string; end?: string; label: string }[] = [];
      for (const view of claimViews(v)) {
        const { start, end } = view.days;
        if (!start && !end) continue;
        const c = view.claim;
        const label = c.on ?? (c.from && c.to ? `${c.from} to ${c.to}` : c.to ? `up to ${c.to}` : c.from ? `from ${c.from}` : `"${c.as_reported}"`);
        const widen = (d: string | undefined, by: number) => (d ? fromDayNumber(dayNumber(d) + by) : d);
        spans.push({ start: widen(start, -view.slackDays), end: widen(end, view.slackDays), label });
      }
      const announced = partialDate(v.announced);
      if (announced) spans.push({ start: announced.start, end: announced.end, label: `${v.announced} (announced)` });
      const overlaps = (s: { start?: string; end?: string }) => (s.start === undefined || s.start <= idDate.end) && (s.end === undefined || s.end >= idDate.start);
      if (spans.length > 0 && !spans.some(overlaps)) {
        ctx.report({ messageId: 'date', data: { id, idDate: parts[1], dates: spans.map((s) => s.label).join(', ') }, pointer: '/id' });
      }
    }

    // Country: the id's country must be one of the event's locations.
    const locs = Array.isArray(v.location) ? v.location : [v.location];
    const countries = locs.filter(isObj).map((l) => l.country).filter((c): c is string => typeof c === 'string');
    const idCountry = parts[2];
    // `xx`: the country is unknown (a port not named) or the event spans several.
    const unknown = idCountry === 'xx' && (countries.length !== 1 || locs.some((l) => isObj(l) && l.country === null));
    if (countries.length > 0 && !unknown && !countries.some((c) => c.toLowerCase() === idCountry)) {
      ctx.report({ messageId: 'country', data: { id, idCountry, countries: [...new Set(countries)].join(', ') }, pointer: '/id' });
    }
  },
});
