/**
 * Hovers: what a key means (the schema's description) and, on values, what they compute to: the mass
 * per tablet of a count and a weight against the drug's band, a date's weekday, range and distance to
 * each source's publication, the source a figure cites, a registry entry, a country's name.
 */
import { isScalar } from 'yaml';
import type { ParsedFile } from '../yaml/parse';
import { nodeRange, pathAt } from '../yaml/parse';
import { BUILTIN_SCHEMAS, type JsonSchema, schemasAt } from '../schema/schemas';
import type { FileKind } from '../base/types';
import type { DatasetContext } from '../model/dataset';
import { countryName, countryNames } from '../read/countries';
import { bandOf, docAt as docAtOffset, fmt, isObj, longDate, matches, partialInWords, unitMassMg } from './editor';
import { type Figure, KG_PER_UNIT, dayNumber, figuresOf, partialDate, sourcesOf, weekdayOf } from '../model/event';
import { formatBand, formatKg, formatUnitMass } from '../base/format';
import type { ParsedDocument } from '../yaml/parse';

export interface HoverResult {
  /** Markdown text. */
  markdown: string;
  start: number;
  end: number;
}

function docAt(file: ParsedFile, offset: number) {
  return file.docs.find((d) => offset >= d.start && offset <= d.end) ?? file.docs[file.docs.length - 1];
}

function describe(schemas: JsonSchema[]): { description?: string; enumValues?: unknown[]; title?: string } {
  let description: string | undefined;
  let enumValues: unknown[] | undefined;
  let title: string | undefined;
  for (const s of schemas) {
    if (!description && typeof s.description === 'string') description = s.description;
    if (!title && typeof s.title === 'string') title = s.title;
    if (!enumValues && Array.isArray(s.enum)) enumValues = s.enum;
  }
  return { description, enumValues, title };
}

export function schemaHover(file: ParsedFile, kind: FileKind, offset: number): HoverResult | undefined {
  const doc = docAt(file, offset);
  if (!doc) return undefined;
  const at = pathAt(doc.doc, offset);
  if (!at || at.segments.length === 0) return undefined;
  const schemas = schemasAt(BUILTIN_SCHEMAS[kind], at.segments);
  const { description, enumValues } = describe(schemas);
  if (!description) return undefined;
  const name = String(at.segments[at.segments.length - 1]);
  const range = at.onKey ? nodeRange(at.key) : nodeRange(at.node) ?? nodeRange(at.key);
  if (!range) return undefined;
  const parts = [`**${/^\d+$/.test(name) ? String(at.segments[at.segments.length - 2] ?? name) : name}**`, '', description];
  if (enumValues && enumValues.length <= 20) {
    const current = !at.onKey && isScalar(at.node) ? at.node.value : undefined;
    parts.push('', 'Allowed: ' + enumValues.map((v) => (v === current ? `**\`${String(v)}\`**` : `\`${String(v)}\``)).join(', '));
  }
  return { markdown: parts.join('\n'), start: range[0], end: range[1] };
}

// ---------------------------------------------------------------------------------------------
// Hovers that compute: figures, dates, source references, registry ids and country codes.


const SEP = '\n\n---\n\n';

const QUAL: Record<string, string> = { about: 'about ', more_than: 'more than ', at_least: 'at least ', less_than: 'less than ', up_to: 'up to ' };

function figureText(f: Figure): string {
  const unit = f.unit ? ` ${f.unit.replace('_', ' ')}` : '';
  if (f.qualifier === 'range' && f.min !== undefined && f.max !== undefined) return `${fmt(f.min)}–${fmt(f.max)}${unit}`;
  return `${QUAL[f.qualifier] ?? ''}${f.value === undefined ? '?' : fmt(f.value)}${unit}`;
}

/** "163 mg", "at most 159 mg", for one count and one weight. */
function massWords(count: Figure, weight: Figure): string | undefined {
  const mg = unitMassMg(count, weight);
  if (mg === undefined) return undefined;
  const lower = (q: string) => q === 'more_than' || q === 'at_least';
  const upper = (q: string) => q === 'less_than' || q === 'up_to';
  const atMost = lower(count.qualifier) || upper(weight.qualifier);
  const atLeast = upper(count.qualifier) || lower(weight.qualifier);
  const prefix = atMost && !atLeast ? 'at most ' : atLeast && !atMost ? 'at least ' : count.qualifier === 'about' || weight.qualifier === 'about' ? 'about ' : '';
  return `${prefix}${formatUnitMass(mg)}`;
}

function verdict(mg: number, band: { typical?: [number, number]; warn?: [number, number]; error?: [number, number] }, gross: number): string {
  const w = (b: [number, number]): [number, number] => [b[0], b[1] * gross];
  const inside = (b?: [number, number]) => !b || (mg >= w(b)[0] && mg <= w(b)[1]);
  if (band.error && !inside(band.error)) return 'outside the error band: implausible';
  if (band.warn && !inside(band.warn)) return 'outside the warning band: unusual';
  if (band.typical && mg >= band.typical[0] && mg <= band.typical[1]) return 'typical';
  return 'plausible';
}

function figureHover(doc: ParsedDocument, segs: (string | number)[], ctx: DatasetContext): string | undefined {
  // seizures/<i>/<count|weight|volume>[/<j>][/value]
  let s = segs;
  if (s[s.length - 1] === 'value') s = s.slice(0, -1);
  if (!(s.length === 3 || s.length === 4) || s[0] !== 'seizures' || !['count', 'weight', 'volume'].includes(String(s[2]))) return undefined;
  const event = doc.value;
  if (!isObj(event) || !Array.isArray(event.seizures)) return undefined;
  const seizure = event.seizures[Number(s[1])];
  if (!isObj(seizure)) return undefined;
  const field = String(s[2]);
  const pointerOf = (f: string) => `/seizures/${String(s[1])}/${f}`;
  const counts = figuresOf(seizure.count, pointerOf('count'));
  const weights = figuresOf(seizure.weight, pointerOf('weight'));
  const own = (field === 'count' ? counts : field === 'weight' ? weights : figuresOf(seizure.volume, pointerOf('volume'))).find(
    (f) => f.pointer === (s.length === 4 ? `${pointerOf(field)}/${String(s[3])}` : pointerOf(field)),
  );
  if (!own) return undefined;
  const lines: string[] = [`**${field}** ${figureText(own)}${own.source ? ` (${own.source})` : ''}`];
  if (field === 'weight' && own.value !== undefined && own.unit && own.unit !== 'kg' && KG_PER_UNIT[own.unit] !== undefined) {
    lines.push(`= ${formatKg(own.value * KG_PER_UNIT[own.unit])}${own.unit === 'short_ton' ? ' (short tons of 907.18 kg)' : ''}`);
  }
  if (field === 'count' || field === 'weight') {
    const others = field === 'count' ? weights : counts;
    const sameSource = others.filter((o) => o.source && o.source === own.source);
    const pairs = (sameSource.length ? sameSource : others).map((o) => (field === 'count' ? { count: own, weight: o } : { count: o, weight: own }));
    const found = bandOf(ctx, typeof seizure.drug === 'string' ? seizure.drug : undefined, typeof seizure.form === 'string' ? seizure.form : undefined);
    for (const { count, weight } of pairs) {
      const words = massWords(count, weight);
      if (!words) continue;
      const mg = unitMassMg(count, weight)!;
      const basis = weight.basis === 'gross' ? ' · `basis: gross` (packaging included)' : weight.basis === 'cargo' ? ' · `basis: cargo` (the whole load: says nothing about the tablets)' : '';
      let line = `${figureText(weight)} ÷ ${figureText(count)} = **${words} a ${found?.band.form ?? 'tablet'}**${count.source !== weight.source && count.source ? ` (${count.source}/${weight.source})` : ''}${basis}`;
      if (found && weight.basis !== 'cargo') line += ` — ${verdict(mg, found.band, weight.basis === 'gross' ? found.band.grossFactor : 1)}`;
      lines.push(line);
    }
    if (found) {
      const b = found.band;
      const gross = b.grossFactor !== 1 && [...weights].some((w) => w.basis === 'gross') ? ` (gross weights: up to ×${fmt(b.grossFactor)})` : '';
      const parts = [b.typical && `typical ${formatBand(b.typical)}`, b.warn && `warning outside ${formatBand(b.warn)}`, b.error && `error outside ${formatBand(b.error)}`].filter(Boolean);
      lines.push(`${found.drug.name ?? found.drug.id} ${b.form}: ${parts.join('; ')}${gross}`);
    }
  }
  return lines.join('\n\n');
}

const DATE_KEYS = new Set(['on', 'from', 'to']);

function isDatePath(segs: (string | number)[]): boolean {
  const last = String(segs[segs.length - 1]);
  if (matches(segs, ['announced']) || matches(segs, ['sources', '#', 'published'])) return true;
  if (last === 'as_of') return true;
  return DATE_KEYS.has(last) && (matches(segs, ['date', last]) || matches(segs, ['date', '#', last]));
}

function dateHover(doc: ParsedDocument, segs: (string | number)[], value: string): string | undefined {
  const p = partialDate(value);
  if (!p) return undefined;
  const lines: string[] = [];
  if (p.precision === 'day') lines.push(`**${weekdayOf(value)}**, ${longDate(value)}`);
  else {
    const days = dayNumber(p.end) - dayNumber(p.start) + 1;
    lines.push(`**${partialInWords(value)}**: precision ${p.precision}, any day from ${longDate(p.start)} to ${longDate(p.end)} (${days} days)`);
  }
  if (!matches(segs, ['sources', '#', 'published'])) {
    const rows: string[] = [];
    for (const s of sourcesOf(doc.value)) {
      const pub = typeof s.published === 'string' ? partialDate(s.published) : undefined;
      if (!pub) {
        rows.push(`- ${s.id}: no publication date`);
        continue;
      }
      // days before publication: from the latest to the earliest day each date allows
      const lo = dayNumber(pub.start) - dayNumber(p.end);
      const hi = dayNumber(pub.end) - dayNumber(p.start);
      const span = lo === hi ? `${fmt(Math.abs(lo))} day${Math.abs(lo) === 1 ? '' : 's'}` : `${fmt(lo)} to ${fmt(hi)} days`;
      const rel = lo === hi ? (lo > 0 ? `${span} before` : lo < 0 ? `${span} after` : 'the same day as') : `${span} before`;
      rows.push(`- ${rel} ${s.id}${s.publisher ? ` (${s.publisher})` : ''}, published ${s.published}`);
    }
    if (rows.length) lines.push(rows.join('\n'));
  }
  return lines.join('\n\n');
}

function isSourceRef(segs: (string | number)[]): boolean {
  const last = String(segs[segs.length - 1]);
  if (segs[0] === 'sources') return false;
  return last === 'source' || (last === 'chosen' && segs[0] === 'conflicts');
}

function quote(q: string): string {
  const t = q.length > 220 ? q.slice(0, 219) + '…' : q;
  return `> ${t.replace(/\s+/g, ' ')}`;
}

function sourceHover(doc: ParsedDocument, id: string): string {
  const s = sourcesOf(doc.value).find((x) => x.id === id);
  if (!s) return `**${id}**: not defined under \`sources\` in this event.`;
  const lines = [`**${s.publisher ?? id}** (\`${id}\`), ${typeof s.published === 'string' ? `published ${partialInWords(s.published) ?? s.published}` : 'no publication date'}`];
  lines.push(typeof s.url === 'string' && s.url ? s.url : 'no URL');
  if (s.quotes.length) {
    lines.push(s.quotes.slice(0, 3).map(quote).join('\n>\n'));
    if (s.quotes.length > 3) lines.push(`and ${s.quotes.length - 3} more quote${s.quotes.length > 4 ? 's' : ''}`);
  } else lines.push('no quotes');
  return lines.join('\n\n');
}

function drugHover(id: string, ctx: DatasetContext): string | undefined {
  const d = ctx.registries?.drugs.get(id);
  if (!ctx.registries) return undefined;
  if (!d) return `**${id}**: not in the drug registry.`;
  const lines = [`**${d.name}** (\`${d.id}\`)${d.category ? `, ${d.category}` : ''}`];
  if (d.aliases?.length) lines.push(`Also: ${d.aliases.join(', ')}`);
  if (d.units?.length) lines.push(`Units: ${d.units.join(', ')}`);
  for (const f of d.forms ?? []) {
    const b = f.unit_mass_mg;
    const parts = b ? [b.typical && `typical ${formatBand(b.typical)}`, b.warn && `warning outside ${formatBand(b.warn)}`, b.error && `error outside ${formatBand(b.error)}`].filter(Boolean) : [];
    lines.push(`- ${f.form}${parts.length ? `: ${parts.join('; ')}` : ''}${f.gross_factor ? ` (gross ×${fmt(f.gross_factor)})` : ''}`);
  }
  if (d.notes) lines.push(`_${d.notes.length > 240 ? d.notes.slice(0, 239) + '…' : d.notes}_`);
  return lines.join('\n\n').replace(/\n\n- /g, '\n- ').replace(/(Units: [^\n]*)\n- /, '$1\n\n- ');
}

function agencyHover(id: string, ctx: DatasetContext): string | undefined {
  if (!ctx.registries) return undefined;
  const a = ctx.registries.agencies.get(id);
  if (!a) return `**${id}**: not in the agency registry.`;
  const lines = [`**${a.name}** (\`${a.id}\`)${a.short_name ? `, ${a.short_name}` : ''}`];
  const meta = [a.country && `${countryName(a.country) ?? a.country} (${a.country})`, a.parent && `part of \`${a.parent}\``].filter(Boolean);
  if (meta.length) lines.push(meta.join(' · '));
  if (a.url) lines.push(a.url);
  return lines.join('\n\n');
}

const COUNTRY_KEYS = new Set(['country', 'origin', 'destination', 'transit', 'nationality']);

function countryHover(segs: (string | number)[], code: string): string | undefined {
  const key = [...segs].reverse().find((s) => typeof s === 'string' && !/^\d+$/.test(s));
  if (!key || !COUNTRY_KEYS.has(String(key))) return undefined;
  const names = countryNames(code);
  if (!names.length) return `**${code}** is not an ISO 3166-1 alpha-2 country code.`;
  return `**${code}**: ${names[0]}${names.length > 1 ? ` (${names.slice(1).join(', ')})` : ''}`;
}

/**
 * The sentence a value was read from: for a value of a figure or a date claim with `as_reported`
 * words and a `source`, the source's quote that holds those words, the words in bold.
 */
function quotedHover(doc: ParsedDocument, segs: (string | number)[]): string | undefined {
  let owner: unknown = doc.value;
  for (const seg of segs.slice(0, -1)) owner = isObj(owner) || Array.isArray(owner) ? (owner as Record<string, unknown>)[String(seg)] : undefined;
  if (!isObj(owner) || typeof owner.as_reported !== 'string' || typeof owner.source !== 'string' || !owner.as_reported) return undefined;
  const words = owner.as_reported;
  const src = sourcesOf(doc.value).find((x) => x.id === owner.source);
  const q = src?.quotes.find((x) => x.includes(words));
  if (!src || !q) return undefined;
  const at = q.indexOf(words);
  const esc = (t: string) => t.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>])/g, '\\$1');
  return `From **${src.publisher ?? src.id}** (\`${src.id}\`):\n\n> ${esc(q.slice(0, at))}**${esc(words)}**${esc(q.slice(at + words.length))}`;
}

/**
 * The hover at an offset: for values, what they compute to (mass per tablet, weekday and distance to
 * publication, the cited source, the registry entry, the country), then the schema's description.
 */
export function editorHover(file: ParsedFile, kind: FileKind, offset: number, ctx: DatasetContext = {}): HoverResult | undefined {
  const base = schemaHover(file, kind, offset);
  const doc = docAtOffset(file, offset);
  if (!doc) return base;
  const at = pathAt(doc.doc, offset);
  if (!at || at.onKey || !isScalar(at.node)) return base;
  const segs = at.segments;
  const value = at.node.value;
  const last = String(segs[segs.length - 1]);
  let computed: string | undefined;
  if (kind === 'event') {
    if (typeof value === 'number') computed = figureHover(doc, segs, ctx);
    else if (typeof value === 'string' && isDatePath(segs)) computed = dateHover(doc, segs, value);
    else if (typeof value === 'string' && isSourceRef(segs)) computed = sourceHover(doc, value);
    else if (typeof value === 'string' && last === 'drug') computed = drugHover(value, ctx);
    else if (typeof value === 'string' && last === 'agency') computed = agencyHover(value, ctx);
  }
  if (!computed && typeof value === 'string' && /^[A-Za-z]{2}$/.test(value)) computed = countryHover(segs, value);
  // The sentence the value was read from (figures, dates and arrests with their words and source).
  const quoted = kind === 'event' && last !== 'source' ? quotedHover(doc, segs) : undefined;
  if (quoted) computed = computed ? computed + SEP + quoted : quoted;
  if (!computed && kind !== 'event' && typeof value === 'string' && last === 'parent') computed = agencyHover(value, ctx);
  if (!computed) return base;
  const range = nodeRange(at.node)!;
  return { markdown: base ? computed + SEP + base.markdown : computed, start: range[0], end: range[1] };
}
