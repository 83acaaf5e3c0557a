import { defineRule } from '../rule';
import { dateClaimsOf, partialDate } from '../../model/event';
import { rangeForPointer } from '../../yaml/place';
import type { ParsedFile } from '../../yaml/parse';

const ID = /^(\d{4}(?:-\d{2}){0,2})-([a-z]{2})-/;
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
      date: 'The id starts with the date {idDate}, but the event is dated {dates}.',
      country: 'The id names the country "{idCountry}", but the event is located in {countries}.',
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
        const canRewrite = /^\d{4}(-\d{2}){0,2}-[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$/.test(m[1]) && raw === id;
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

    // Date: the id's date must overlap one of the event's date claims or its announcement.
    const idDate = partialDate(parts[1]);
    if (idDate) {
      const spans: { start?: string; end?: string; label: string }[] = [];
      for (const c of dateClaimsOf(v)) {
        if (!c.interval) continue;
        const label = c.on ?? (c.from && c.to ? `${c.from} to ${c.to}` : c.to ? `up to ${c.to}` : `from ${c.from}`);
        spans.push({ ...c.interval, label });
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
    if (countries.length > 0 && !countries.some((c) => c.toLowerCase() === idCountry)) {
      ctx.report({ messageId: 'country', data: { id, idCountry, countries: [...new Set(countries)].join(', ') }, pointer: '/id' });
    }
  },
});
