/**
 * Completion at an offset: keys the schema allows that the mapping lacks (with their descriptions),
 * enum values, drug and agency ids from the registries, the event's own source ids for `source:`,
 * country codes with their names, and a skeleton for an empty event file. Works on half-typed YAML:
 * the place is read from the line's text and located in the tree through the nearest key.
 */
import { isMap, isPair } from 'yaml';
import type { DatasetContext } from '../model/dataset';
import { allCountries } from '../read/countries';
import { docAt, isObj } from './editor';
import { keyText, locate, pathAt, type ParsedFile } from '../yaml/parse';
import { formatPointer } from '../base/pointer';
import { BUILTIN_SCHEMAS, type JsonSchema, schemasAt } from '../schema/schemas';
import { sourcesOf } from '../model/event';
import type { FileKind } from '../base/types';
import { NEW_EVENT_SNIPPET } from './new-event';

export type CompletionKind = 'key' | 'enum' | 'drug' | 'agency' | 'source' | 'country' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line shown beside the label (a registry name, a country name, a publisher). */
  detail?: string;
  /** Markdown documentation (a schema description). */
  documentation?: string;
  /** Text inserted in place of [start, end); a snippet (with $1 placeholders) when `snippet`. */
  insertText: string;
  snippet?: boolean;
  sortText?: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** The range the items replace (the word typed so far). */
  start: number;
  end: number;
}

const COUNTRY_KEYS = new Set(['country', 'origin', 'destination', 'transit', 'nationality']);

function lineAt(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

function collect(schemas: JsonSchema[]) {
  const enums: unknown[] = [];
  const props = new Map<string, JsonSchema>();
  let countryCode = false;
  for (const s of schemas) {
    if (Array.isArray(s.enum)) for (const v of s.enum) if (!enums.includes(v)) enums.push(v);
    if (typeof s.$ref === 'string' && /countryCode$/i.test(s.$ref)) countryCode = true;
    const p = s.properties as Record<string, JsonSchema> | undefined;
    if (p) for (const [k, v] of Object.entries(p)) if (!props.has(k)) props.set(k, v);
  }
  return { enums, props, countryCode };
}

function describe(root: JsonSchema, s: JsonSchema): string | undefined {
  return expandOne(root, s).map((x) => x.description).find((d): d is string => typeof d === 'string');
}

/** A value for a new key: `[]` for lists, nothing for mappings (the user goes on below), else a space. */
function keyInsert(key: string, s: JsonSchema, root: JsonSchema): string {
  const all = expandOne(root, s);
  const types = new Set(all.flatMap((x) => (Array.isArray(x.type) ? x.type : x.type ? [x.type] : [])));
  if (types.has('object') && types.size === 1) return `${key}:\n`;
  return `${key}: `;
}

function expandOne(root: JsonSchema, s: JsonSchema): JsonSchema[] {
  const out = [s];
  if (typeof s.$ref === 'string' && s.$ref.startsWith('#/')) {
    let cur: unknown = root;
    for (const seg of s.$ref.slice(2).split('/')) cur = isObj(cur) ? cur[seg] : undefined;
    if (isObj(cur)) out.push(cur);
  }
  return out;
}

export function complete(file: ParsedFile, kind: FileKind, offset: number, ctx: DatasetContext = {}): CompletionResult | undefined {
  const text = file.text;
  offset = Math.max(0, Math.min(offset, text.length)); // a position past the end must not walk the whole offset range
  const line = lineAt(text, offset);
  const before = text.slice(line.start, offset);
  const doc = docAt(file, offset);
  if (!doc) return undefined;
  const root = BUILTIN_SCHEMAS[kind];
  let wordStart = offset;
  while (wordStart > line.start && /[\w.-]/.test(text[wordStart - 1])) wordStart--;
  let wordEnd = offset;
  while (wordEnd < line.end && /[\w.-]/.test(text[wordEnd])) wordEnd++;

  // An empty event file: the skeleton.
  if (kind === 'event' && text.replace(/^#.*$/gm, '').trim().length <= before.trim().length && !before.includes(':')) {
    return { items: [{ label: 'seizure-event', kind: 'snippet', detail: 'Haulcheck: a new seizure event', insertText: NEW_EVENT_SNIPPET, snippet: true }], start: wordStart, end: wordEnd };
  }

  // A value: `key: par|`, `- key: par|`, `{a: 1, key: par|`, or a list item under a key (`  - par|`).
  const valueMatch = /(^|[\s{,[-])([A-Za-z_][\w-]*)\s*:\s+["']?[\w.-]*$/.exec(before);
  if (valueMatch) {
    const keyOffset = line.start + valueMatch.index + valueMatch[1].length;
    const at = pathAt(doc.doc, keyOffset);
    if (!at || !at.onKey) return undefined;
    return { items: valueItems(doc.value, root, at.segments, kind, ctx), start: wordStart, end: wordEnd };
  }
  const itemMatch = /^(\s*)-\s+[\w.-]*$/.exec(before);
  if (itemMatch) {
    // `transit: [..]` / block lists of scalars: the list's key is on a line above with less indentation.
    const segs = parentSegments(file, doc.doc, line.start, itemMatch[1].length, true);
    if (segs) return { items: valueItems(doc.value, root, [...segs, 0], kind, ctx).filter((i) => i.kind !== 'key'), start: wordStart, end: wordEnd };
  }

  // A key: `  par|` or `  - par|` on a line of its own.
  const keyMatch = /^(\s*)(-\s+)?[\w-]*$/.exec(before);
  if (keyMatch) {
    const indent = keyMatch[1].length + (keyMatch[2]?.length ?? 0);
    const segs = keyMatch[2] ? parentSegments(file, doc.doc, line.start, keyMatch[1].length, true)?.concat([0]) : parentSegments(file, doc.doc, line.start, indent, false);
    if (!segs) return undefined;
    const { props } = collect(schemasAt(root, segs));
    const present = new Set<string>();
    const loc = keyMatch[2] ? undefined : locate(doc.doc, formatPointer(segs));
    if (loc?.node && isMap(loc.node)) for (const p of loc.node.items) if (isPair(p)) present.add(keyText(p.key) ?? '');
    const typed = text.slice(wordStart, wordEnd);
    present.delete(typed);
    const items: CompletionItem[] = [];
    let i = 0;
    for (const [k, s] of props) {
      i++;
      if (present.has(k)) continue;
      items.push({ label: k, kind: 'key', documentation: describe(root, s), insertText: keyInsert(k, s, root), sortText: String(i).padStart(3, '0') });
    }
    return { items, start: wordStart, end: wordEnd };
  }
  return undefined;
}

/**
 * The path of the mapping (or list, with `list`) that a line at `indent` belongs to: the nearest line
 * above with a key at the same column (a sibling) or less (the parent key).
 */
function parentSegments(file: ParsedFile, doc: import('yaml').Document.Parsed, lineStart: number, indent: number, list: boolean): (string | number)[] | undefined {
  const lines = file.lines;
  let l = lines.position(lineStart).line - 1;
  for (; l >= 0; l--) {
    const t = lines.lineText(l);
    if (!t.trim() || /^\s*#/.test(t)) continue;
    const m = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:/.exec(t);
    const lead = /^\s*/.exec(t)![0].length;
    if (!m) {
      if (lead < indent) return undefined;
      continue;
    }
    const col = m[1].length + (m[2]?.length ?? 0);
    const keyOffset = lines.lineStarts[l] + col;
    if (list) {
      // a list item at `indent`: a sibling item (`- key:` at the same dash column) or the list's key
      if (m[2] && m[1].length === indent) {
        const at = pathAt(doc, keyOffset);
        return at ? at.segments.slice(0, -2) : undefined;
      }
      if (col <= indent && !m[2] || col < indent) {
        if (col > indent) continue;
        const at = pathAt(doc, keyOffset);
        return at?.segments;
      }
      continue;
    }
    if (col === indent) {
      const at = pathAt(doc, keyOffset);
      return at ? at.segments.slice(0, -1) : undefined;
    }
    if (col < indent) {
      const at = pathAt(doc, keyOffset);
      return at?.segments;
    }
  }
  return indent === 0 ? [] : undefined;
}

function valueItems(event: unknown, root: JsonSchema, segs: (string | number)[], kind: FileKind, ctx: DatasetContext): CompletionItem[] {
  const { enums, countryCode } = collect(schemasAt(root, segs));
  const key = String([...segs].reverse().find((s) => typeof s === 'string' && !/^\d+$/.test(s)) ?? '');
  const items: CompletionItem[] = [];
  for (const v of enums) if (v !== null) items.push({ label: String(v), kind: 'enum', insertText: String(v) });
  if (kind === 'event' && key === 'drug' && ctx.registries) {
    for (const d of ctx.registries.drugs.values()) items.push({ label: d.id, kind: 'drug', detail: d.name, documentation: d.aliases?.length ? `Also: ${d.aliases.join(', ')}` : undefined, insertText: d.id });
  }
  if ((key === 'agency' || (kind === 'agencies' && key === 'parent')) && ctx.registries) {
    for (const a of ctx.registries.agencies.values()) items.push({ label: a.id, kind: 'agency', detail: a.name, insertText: a.id });
  }
  if (kind === 'event' && (key === 'source' || key === 'chosen') && segs[0] !== 'sources') {
    for (const s of sourcesOf(event)) items.push({ label: s.id, kind: 'source', detail: [s.publisher, typeof s.published === 'string' ? s.published : 'no publication date'].filter(Boolean).join(', '), insertText: s.id });
  }
  if (countryCode || COUNTRY_KEYS.has(key)) {
    for (const c of allCountries()) items.push({ label: c.code, kind: 'country', detail: c.name, insertText: c.code });
  }
  // one item a label: a country code from both the enum and the country list keeps its name
  const seen = new Map<string, CompletionItem>();
  for (const it of items) {
    const prev = seen.get(it.label);
    if (!prev || (!prev.detail && it.detail)) seen.set(it.label, it);
  }
  return [...seen.values()];
}
