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

function flow(o: Record<string, unknown>): string {
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
        value.forEach((s, i) => {
          const entries = Object.entries(s as Record<string, unknown>);
          entries.forEach(([k, v], j) => {
            const prefix = j === 0 ? '  - ' : '    ';
            const notes = comments(byPointer.get(`/seizures/${i}/${k}`) ?? [], '    ');
            if (notes.length && j === 0) lines.push(...notes.map((n) => n.replace(/^ {4}/, '  ')));
            else lines.push(...notes);
            lines.push(...field(prefix, k, v, '      '));
          });
        });
      }
      continue;
    }
    if (key === 'sources' && Array.isArray(value)) {
      lines.push('sources:');
      for (const src of value as Record<string, unknown>[]) {
        Object.entries(src).forEach(([k, v], j) => {
          const prefix = j === 0 ? '  - ' : '    ';
          if (k === 'quotes' && Array.isArray(v)) {
            lines.push(`${prefix}quotes:`);
            for (const q of v) lines.push(`      - ${JSON.stringify(q)}`);
          } else if (k === 'published_note' || k === 'notes') lines.push(`${prefix}${k}: ${JSON.stringify(v)}`);
          else lines.push(`${prefix}${k}: ${scalar(v, k)}`);
        });
      }
      continue;
    }
    lines.push(...field('', key, value, '  '));
  }
  return lines.join('\n') + '\n';
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
