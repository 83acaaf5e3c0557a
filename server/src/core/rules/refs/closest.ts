/**
 * Helpers shared by the reference rules (sources/unknown, refs/unknown-drug, refs/unknown-agency):
 * the closest known id to a mistyped one, lists for messages, and a fix that rewrites one id.
 */
import { distance } from 'fastest-levenshtein';
import type { RuleContext } from '../rule';
import type { Fix } from '../../base/types';
import { rangeForPointer } from '../../yaml/place';

export interface Candidate {
  id: string;
  /** Other names the id is known by (registry name, aliases, short name). */
  names?: readonly string[];
}

/** Lower case, no diacritics, letters and digits only: "Sy-MoI " → "symoi". */
export function squash(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The candidate id closest to `id`: the same id written differently ("Captagon", "sy_moi"), an id
 * whose name or alias is `id` ("fenethylline" → captagon), or the nearest id by edit distance when
 * it is near enough (or always, with `always`, for short lists where any guess helps).
 */
export function closestId(id: string, candidates: readonly Candidate[], opts: { always?: boolean } = {}): string | undefined {
  if (candidates.length === 0) return undefined;
  const key = squash(id);
  const { byId, byName } = squashedOf(candidates);
  const same = byId.get(key) ?? byName.get(key);
  if (same !== undefined) return same;
  // Guessing by edit distance among thousands of ids is no help, and costs each reference the whole list.
  if (candidates.length > FUZZY_AT_MOST) return undefined;
  let best: Candidate | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(id.toLowerCase(), c.id.toLowerCase());
    if (d < bestD) (best = c), (bestD = d);
  }
  if (!best) return undefined;
  if (opts.always || bestD <= Math.max(2, Math.floor(id.length / 3))) return best.id;
  // "captagon-pills" → captagon: one id is the other with a qualifier added.
  const contained = candidates.filter((c) => c.id.length >= 4 && (id.toLowerCase().startsWith(c.id.toLowerCase()) || c.id.toLowerCase().startsWith(id.toLowerCase())));
  return contained.length === 1 ? contained[0].id : undefined;
}

/** Beyond this many candidates, only ids written differently or known by another name are suggested. */
export const FUZZY_AT_MOST = 500;

/** The candidates' ids and names squashed, once per list: each reference then looks its id up. */
const squashed = new WeakMap<readonly Candidate[], { byId: Map<string, string>; byName: Map<string, string> }>();

function squashedOf(candidates: readonly Candidate[]): { byId: Map<string, string>; byName: Map<string, string> } {
  let s = squashed.get(candidates);
  if (!s) {
    s = { byId: new Map(), byName: new Map() };
    for (const c of candidates) {
      const k = squash(c.id);
      if (!s.byId.has(k)) s.byId.set(k, c.id);
    }
    for (const c of candidates) for (const n of c.names ?? []) if (!s.byName.has(squash(n))) s.byName.set(squash(n), c.id);
    squashed.set(candidates, s);
  }
  return s;
}

/** '"a", "b" and "c"' (at most `max` items, then "and N more"). */
export function quotedList(items: readonly string[], max = 8): string {
  const q = items.slice(0, max).map((s) => `"${s}"`);
  const rest = items.length - q.length;
  if (rest > 0) return `${q.join(', ')} and ${rest} more`;
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** An unsafe fix that rewrites the id at `pointer` (keeping its quotes) as `replacement`. */
export function replaceIdFix(ctx: RuleContext, pointer: string, id: string, replacement: string, title: string): Fix[] {
  const [start, end] = rangeForPointer(ctx.file, ctx.document, pointer, 'value');
  const text = ctx.file.text.slice(start, end);
  const at = text.indexOf(id);
  if (at < 0 || /[\\"]/.test(replacement) || (text[0] === "'" && replacement.includes("'"))) return [];
  // A plain scalar must stay a plain scalar: quote ids that YAML would read otherwise.
  const quoted = text[0] === '"' || text[0] === "'";
  const plain = /^[\p{L}\p{N}][\p{L}\p{N}_ .'-]*$/u.test(replacement) && !/\s$/.test(replacement) && !/^(true|false|null|yes|no|on|off|[\d._-]+)$/i.test(replacement);
  const newText = quoted || plain ? replacement : JSON.stringify(replacement);
  return [{ title, safety: 'unsafe', edits: [{ start: start + at, end: start + at + id.length, newText }] }];
}
