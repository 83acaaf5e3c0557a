import { defineRule } from '../rule';
import { dateClaimsOf, dayNumber, fromDayNumber, partialDate } from '../../model/event';
import { claimViews } from '../dates/shared';
import { rangeForPointer } from '../../yaml/place';
import type { ParsedFile } from '../../yaml/parse';
import type { Fix } from '../../base/types';
import { LIST_AT_MOST, formatNumber, joinAtMost } from '../../base/format';

const ID = /^(\d{4}(?:-\d{2}){0,2}|undated)-([a-z]{2})-/;
const WELL_FORMED = /^(?:\d{4}(-\d{2}){0,2}|undated)-[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$/;
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
      const m = /^(.*?)([^/]+)\.(ya?ml)$/i.exec(ctx.path);
      if (m && eventCount(ctx.file) === 1 && m[2] !== id) {
        const [, folder, name, ext] = m;
        const [start, end] = rangeForPointer(ctx.file, ctx.document, '/id', 'value');
        const raw = ctx.file.text.slice(start, end);
        // Which of the two looks right: the one that agrees more with the event's date, country,
        // place and drugs. The other is offered as the fix; on a tie, both, the file rename first
        // (it changes no reference to the id).
        const idFit = fit(id, v);
        const nameFit = fit(name, v);
        const fixes: Fix[] = [];
        const renameTo = `${folder}${id}.${ext}`;
        const rename: Fix | undefined = WELL_FORMED.test(id)
          ? { title: `Rename the file to "${id}.${ext}"`, safety: 'unsafe', edits: [], renameTo }
          : undefined;
        const canRewrite = WELL_FORMED.test(name) && raw === id;
        const rewrite: Fix | undefined = canRewrite ? { title: `Change the id to "${name}"`, safety: 'unsafe', edits: [{ start, end, newText: name }] } : undefined;
        if (rename && idFit >= nameFit) fixes.push(rename);
        if (rewrite && nameFit >= idFit) fixes.push(rewrite);
        ctx.report({ messageId: 'fileName', data: { id, fileName: `${name}.${ext}` }, pointer: '/id', fixes: fixes.length ? fixes : undefined });
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
        ctx.report({ messageId: 'date', data: { id, idDate: parts[1], dates: joinAtMost(spans.map((s) => s.label), ', ', LIST_AT_MOST, (n) => `${formatNumber(n)} other dates`) }, pointer: '/id' });
      }
    }

    // Country: the id's country must be one of the event's locations.
    const locs = Array.isArray(v.location) ? v.location : [v.location];
    const countries = locs.filter(isObj).map((l) => l.country).filter((c): c is string => typeof c === 'string');
    const idCountry = parts[2];
    // `xx`: the country is unknown (a port not named) or the event spans several.
    const unknown = idCountry === 'xx' && (countries.length !== 1 || locs.some((l) => isObj(l) && l.country === null));
    if (countries.length > 0 && !unknown && !countries.some((c) => c.toLowerCase() === idCountry)) {
      ctx.report({ messageId: 'country', data: { id, idCountry, countries: joinAtMost([...new Set(countries)], ', ', LIST_AT_MOST, (n) => `${formatNumber(n)} other countries`) }, pointer: '/id' });
    }
  },
});

/** Lower-case ASCII words of a text ("Al-Rai" → al, rai; "Homs province" → homs, province). */
function words(s: unknown): string[] {
  if (typeof s !== 'string') return [];
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * How well a name (`2026-02-22-sy-homs-captagon`) fits the event: its date among the event's dates,
 * its country among its locations, and each word after them among the words of its title, places and
 * drugs (a word found counts for, a word not found against).
 */
function fit(name: string, v: Record<string, unknown>): number {
  const parts = ID.exec(name);
  if (!parts) return -Infinity;
  let score = 0;
  const idDate = partialDate(parts[1]);
  const claims = dateClaimsOf(v).filter((c) => c.interval);
  if (idDate && claims.some((c) => (c.interval!.start === undefined || c.interval!.start <= idDate.end) && (c.interval!.end === undefined || c.interval!.end >= idDate.start))) score += 2;
  const locs = (Array.isArray(v.location) ? v.location : [v.location]).filter(isObj);
  if (locs.some((l) => typeof l.country === 'string' && l.country.toLowerCase() === parts[2])) score += 2;
  const known = new Set<string>(words(v.title));
  for (const l of locs) for (const w of [...words(l.place), ...words(l.admin1)]) known.add(w);
  for (const z of Array.isArray(v.seizures) ? v.seizures.filter(isObj) : []) for (const w of words(z.drug)) known.add(w);
  for (const w of words(name.slice(parts[0].length))) score += known.has(w) ? 1 : -1;
  return score;
}
