/**
 * A draft as an event file, written the way the dataset's files are: block mappings, one figure or
 * date claim a line, quotes one a line, and the points to review as comments above the values they
 * concern (with the sentence each one comes from). Parsing the text gives the draft's event back.
 */
import type { Draft, ReviewItem } from './extract';

const DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;
const WORD = /^[a-z0-9][a-z0-9._-]*$/;
/** Keys whose values are written plain when they are words (ids, enum values). */
const PLAIN_KEYS = new Set(['id', 'status', 'type', 'drug', 'form', 'unit', 'qualifier', 'scope', 'basis', 'precision', 'refers_to', 'source', 'agency', 'role', 'language', 'currency', 'where', 'country']);
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

function scalar(v: unknown, key: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  if (DATE.test(s) && key !== 'as_reported') return s;
  if (/^\d{4}$/.test(s)) return `"${s}"`;
  if (PLAIN_KEYS.has(key) && (WORD.test(s) || /^[A-Z]{2,3}$/.test(s)) && !RESERVED.has(s.toLowerCase())) return s;
  return JSON.stringify(s);
}

/** A flat object on one line: `{value: 215, unit: kg, source: thenational}`. */
export function flow(o: Record<string, unknown>): string {
  return `{${Object.entries(o)
    .map(([k, v]) => `${k}: ${scalar(v, k)}`)
    .join(', ')}}`;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isFlat = (o: Record<string, unknown>) => Object.values(o).every((v) => !isObj(v) && !Array.isArray(v));

/** Comment lines for review items, the sentence indented under the message. */
function comments(items: readonly ReviewItem[], indent: string): string[] {
  const out: string[] = [];
  for (const r of items) {
    out.push(`${indent}# review: ${r.message.replace(/\s+/g, ' ')}`);
    if (r.sentence) out.push(`${indent}#   in: ${JSON.stringify(r.sentence.replace(/\s+/g, ' '))}`);
  }
  return out;
}

export interface RenderOptions {
  /** The `$schema` of the modeline (relative to the file, or an address). */
  schema?: string;
}

/** The draft as the text of an event file. */
export function renderDraft(draft: Draft, options: RenderOptions = {}): string {
  const lines: string[] = [];
  if (options.schema) lines.push(`# yaml-language-server: $schema=${options.schema}`);
  const byPointer = new Map<string, ReviewItem[]>();
  const general: ReviewItem[] = [];
  for (const r of draft.review) {
    const top = r.pointer?.split('/').slice(0, r.pointer.startsWith('/seizures/') ? 4 : 2).join('/');
    if (top && top !== '/location' && !top.startsWith('/location')) (byPointer.get(top) ?? byPointer.set(top, []).get(top)!).push(r);
    else if (top?.startsWith('/location')) (byPointer.get('/location') ?? byPointer.set('/location', []).get('/location')!).push(r);
    else general.push(r);
  }
  lines.push(...comments(general, ''));
  const event = draft.event;
  for (const [key, value] of Object.entries(event)) {
    lines.push(...comments(byPointer.get(`/${key}`) ?? [], ''));
    if (key === 'seizures' && Array.isArray(value)) {
      if (value.length === 0) lines.push('seizures: []');
      else {
        lines.push('seizures:');
        value.forEach((s, i) => lines.push(...seizureLines(s as Record<string, unknown>, '  ', (k) => byPointer.get(`/seizures/${i}/${k}`) ?? [])));
      }
      continue;
    }
    if (key === 'sources' && Array.isArray(value)) {
      lines.push('sources:');
      for (const src of value as Record<string, unknown>[]) lines.push(...sourceLines(src, '  '));
      continue;
    }
    lines.push(...field('', key, value, '  '));
  }
  return lines.join('\n') + '\n';
}

/** A seizure as a list item at `indent` ("  - drug: captagon", its keys two further in), review comments above its keys. */
export function seizureLines(seizure: Record<string, unknown>, indent: string, review: (key: string) => readonly ReviewItem[] = () => []): string[] {
  const lines: string[] = [];
  const inner = indent + '  ';
  Object.entries(seizure).forEach(([k, v], j) => {
    lines.push(...comments(review(k), j === 0 ? indent : inner));
    lines.push(...field(j === 0 ? `${indent}- ` : inner, k, v, inner + '  '));
  });
  return lines;
}

/** A source as a list item at `indent`, its quotes one a line. */
export function sourceLines(source: Record<string, unknown>, indent: string): string[] {
  const lines: string[] = [];
  const inner = indent + '  ';
  Object.entries(source).forEach(([k, v], j) => {
    const prefix = j === 0 ? `${indent}- ` : inner;
    if (k === 'quotes' && Array.isArray(v)) {
      lines.push(`${prefix}quotes:`);
      for (const q of v) lines.push(`${inner}  - ${JSON.stringify(q)}`);
    } else if (k === 'published_note' || k === 'notes' || k === 'publisher' || k === 'title') lines.push(`${prefix}${k}: ${JSON.stringify(v)}`);
    else lines.push(`${prefix}${k}: ${scalar(v, k)}`);
  });
  return lines;
}

/** A value written in a line: a scalar, or a flat object in flow style. */
export function inline(value: unknown, key = ''): string {
  return isObj(value) && isFlat(value) ? flow(value) : Array.isArray(value) ? JSON.stringify(value) : scalar(value, key);
}

/** One key and its value: a scalar on the line, a flat object in flow style, a list one item a line. */
function field(prefix: string, key: string, value: unknown, itemIndent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${prefix}${key}: []`];
    return [`${prefix}${key}:`, ...value.map((v) => `${itemIndent}- ${isObj(v) && isFlat(v) ? flow(v) : scalar(v, key)}`)];
  }
  if (isObj(value)) return [`${prefix}${key}: ${isFlat(value) ? flow(value) : JSON.stringify(value)}`];
  return [`${prefix}${key}: ${scalar(value, key)}`];
}
