/**
 * Sources that agree form one side: the figures of one slot (a count, a weight…) grouped into the
 * sides of a disagreement. Every figure is read as the values it allows (`spanOf`); figures whose
 * values meet can all be true together, and in one dimension a set of intervals that meet pairwise
 * share one value (Helly), so the largest side is the set of figures containing the value that the
 * most sources allow. What is left forms the other sides, found the same way.
 */
import type { Figure, SourceRef } from '../../model/event';
import { type ReadingOptions, type Span, comparable, spanOf } from './shared';

export interface Member {
  figure: Figure;
  span: Span;
}

export interface Side {
  members: Member[];
  /** Distinct sources of the side. */
  sources: string[];
  /** Independent accounts: copies of one wire story count once. */
  accounts: number;
  /** The values every member allows: the side's common ground. */
  common: Span;
}

/** The account a source gives: its wire agency when it carries one, else itself. */
function accountOf(source: string | undefined, sources: readonly SourceRef[]): string {
  const s = sources.find((x) => x.id === source);
  return s?.wire ? `wire:${s.wire.toLowerCase()}` : `source:${source ?? '?'}`;
}

/** The value allowed by the most sources (ties: the lowest such value) and the members allowing it. */
function bestPoint(members: readonly Member[]): Member[] {
  // Candidate values: every lower end (a value shared by a set of intervals can be moved to the highest lower end).
  let best: Member[] = [];
  let bestCount = 0;
  const los = [...new Set(members.map((m) => m.span.lo))].sort((a, b) => a - b);
  for (const x of los) {
    const inside = members.filter((m) => m.span.lo <= x && x <= m.span.hi);
    const count = new Set(inside.map((m) => m.figure.source ?? '?')).size;
    if (count > bestCount || (count === bestCount && inside.length > best.length)) {
      best = inside;
      bestCount = count;
    }
  }
  return best;
}

function makeSide(members: Member[], sources: readonly SourceRef[]): Side {
  const ids = [...new Set(members.map((m) => m.figure.source ?? '?'))];
  const accounts = new Set(members.map((m) => accountOf(m.figure.source, sources))).size;
  const common = { lo: Math.max(...members.map((m) => m.span.lo)), hi: Math.min(...members.map((m) => m.span.hi)) };
  return { members, sources: ids, accounts, common };
}

/**
 * The sides of the figures, largest first (by independent accounts, then sources). Figures that
 * cannot be compared with the first (another unit of count, another currency) are left out, as are
 * figures without a readable span.
 */
export function sidesOf(figures: readonly Figure[], sources: readonly SourceRef[], reading: ReadingOptions): Side[] {
  const members: Member[] = [];
  for (const f of figures) {
    const span = spanOf(f, reading);
    if (span && (members.length === 0 || comparable(members[0].figure, f))) members.push({ figure: f, span });
  }
  const sides: Side[] = [];
  let rest = members;
  while (rest.length) {
    const side = bestPoint(rest);
    if (side.length === 0) break;
    sides.push(makeSide(side, sources));
    rest = rest.filter((m) => !side.includes(m));
  }
  const order = (side: Side) => Math.min(...side.members.map((m) => members.indexOf(m)));
  // Between equals, the body of an article outweighs its headline, lead, caption or address.
  const body = (side: Side) => (side.members.some((m) => !m.figure.where || m.figure.where === 'body') ? 1 : 0);
  return sides.sort((a, b) => b.accounts - a.accounts || b.sources.length - a.sources.length || body(b) - body(a) || order(a) - order(b));
}
